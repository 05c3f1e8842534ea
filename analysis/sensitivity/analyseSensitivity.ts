import { createStream } from '../../sim/model/random.js';
import { morrisEffects } from './morrisEffects.js';
import type { SensitivityDesign } from './sensitivityDesign.js';
import type { SensitivityOutput } from './sensitivityOutputs.js';
import type { SensitivityRow } from './sensitivityRow.js';
import { sobolIndices } from './sobolIndices.js';

/**
 * Morris measures (μ*, μ, σ) or Sobol indices (S1, ST) of every parameter
 * for every output, as rows in the order outputs × parameters × measures.
 * Each output's bootstrap draws come from its own stream, named by the
 * output and derived from `seed`, so a row does not depend on which other
 * outputs are analysed or in what order.
 *
 * Cost: that of `morrisEffects` or `sobolIndices` per output.
 */
export function analyseSensitivity(
  design: SensitivityDesign,
  parameters: readonly string[],
  outputs: readonly SensitivityOutput[],
  place: string,
  seed: number,
  resamples = 1000,
): SensitivityRow[] {
  const rows: SensitivityRow[] = [];
  const d = parameters.length;
  for (const output of outputs) {
    const rng = createStream(`migsim-sensitivity:${seed}`, `bootstrap/${output.option}/${output.baseline}/${output.indicator}`);
    const base = { option: output.option, baseline: output.baseline, place, indicator: output.indicator };
    if (design.method === 'morris') {
      morrisEffects(design.unit, output.y, d, rng, resamples).forEach((m, k) => {
        const parameter = parameters[k];
        rows.push({ ...base, parameter, measure: 'mu_star', estimate: m.muStar, ci_low: m.muStarLow, ci_high: m.muStarHigh, n: m.n });
        rows.push({ ...base, parameter, measure: 'mu', estimate: m.mu, ci_low: NaN, ci_high: NaN, n: m.n });
        rows.push({ ...base, parameter, measure: 'sigma', estimate: m.sigma, ci_low: NaN, ci_high: NaN, n: m.n });
      });
    } else {
      sobolIndices(output.y, d, rng, resamples).forEach((s, k) => {
        const parameter = parameters[k];
        rows.push({ ...base, parameter, measure: 'S1', estimate: s.first, ci_low: s.firstLow, ci_high: s.firstHigh, n: design.samples });
        rows.push({ ...base, parameter, measure: 'ST', estimate: s.total, ci_low: s.totalLow, ci_high: s.totalHigh, n: design.samples });
      });
    }
  }
  return rows;
}

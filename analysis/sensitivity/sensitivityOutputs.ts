import type { IndicatorName } from '../../sim/model/indicators.js';
import type { IndicatorValues } from '../endOfHorizon.js';

/** One output analysed: an option's level, or its difference from the baseline option. */
export interface SensitivityOutput {
  readonly option: string;
  readonly baseline: string;
  readonly indicator: IndicatorName;
  /** One value per design point. */
  readonly y: Float64Array;
}

/**
 * The outputs whose sensitivity is measured, from end-of-horizon values
 * `ends[option][point][replicate]`: for each option and indicator, the mean
 * over replicates at each design point; and for each option after the first,
 * the mean over replicates of the paired difference from the first option
 * (replicate k of every option and point shares its seeds, so the difference
 * is that of the policy alone). Order: options' levels, then differences;
 * within each, indicators in the order given.
 *
 * Cost: O(options × points × replicates × indicators).
 */
export function sensitivityOutputs(
  ends: readonly (readonly (readonly IndicatorValues[])[])[],
  options: readonly string[],
  indicators: readonly IndicatorName[],
): SensitivityOutput[] {
  const outputs: SensitivityOutput[] = [];
  const points = ends[0].length;
  const average = (per: (point: number, replicate: number) => number, o: number) =>
    Float64Array.from({ length: points }, (_, p) => {
      const replicates = ends[o][p].length;
      let sum = 0;
      for (let r = 0; r < replicates; r++) sum += per(p, r);
      return sum / replicates;
    });
  options.forEach((option, o) => {
    for (const indicator of indicators) {
      outputs.push({ option, baseline: '', indicator, y: average((p, r) => ends[o][p][r][indicator], o) });
    }
  });
  options.slice(1).forEach((option, k) => {
    const o = k + 1;
    for (const indicator of indicators) {
      outputs.push({ option, baseline: options[0], indicator, y: average((p, r) => ends[o][p][r][indicator] - ends[0][p][r][indicator], o) });
    }
  });
  return outputs;
}

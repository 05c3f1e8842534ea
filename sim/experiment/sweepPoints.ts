import { evenlySpaced, fullGrid } from '../../analysis/designs/fullGrid.js';
import { latinHypercube } from '../../analysis/designs/latinHypercube.js';
import { pickByShare, scaleToRange } from '../../analysis/designs/scaleToRange.js';
import { SOBOL_MAX_DIMENSIONS, sobolSequence } from '../../analysis/designs/sobolSequence.js';
import type { ParamValue } from '../model/params/paramDef.js';
import { createStream } from '../model/random.js';
import type { SweepParameter, SweepSpec } from '../scenario/sweepTypes.js';

/** One point of a sweep: a value for every swept parameter. */
export type SweepPoint = Record<string, ParamValue>;

/**
 * The points of a sweep, in a fixed order that depends only on the sweep and
 * the scenario seed:
 * - grid: every combination (`fullGrid`) of each parameter's listed values,
 *   or `points` evenly spaced levels from low to high (`evenlySpaced`);
 * - latin-hypercube: `points` points of a Latin hypercube (`latinHypercube`,
 *   seeded from the scenario seed);
 * - sobol: the first `points` points of the Sobol sequence (`sobolSequence`).
 * In the sampled designs a range takes low + u · (high − low) and a list of
 * values takes the value whose equal share of [0, 1) holds u (`pickByShare`).
 * Integer parameters are rounded to whole numbers.
 *
 * Cost: O(points × parameters).
 */
export function sweepPoints(spec: SweepSpec, scenarioSeed: number): SweepPoint[] {
  const names = spec.parameters.map((p) => p.name);
  const toPoint = (values: readonly ParamValue[]): SweepPoint => Object.fromEntries(names.map((name, k) => [name, values[k]]));
  if (spec.design === 'grid') {
    const levels = spec.parameters.map((p) => ('values' in p ? [...p.values] : evenlySpaced(p.low, p.high, spec.points).map((v) => rounded(p, v))));
    return fullGrid<ParamValue>(levels).map(toPoint);
  }
  const d = spec.parameters.length;
  if (spec.design === 'sobol' && d > SOBOL_MAX_DIMENSIONS) {
    throw new Error(`a sobol sweep supports at most ${SOBOL_MAX_DIMENSIONS} parameters, got ${d}`);
  }
  const unit =
    spec.design === 'sobol' ? sobolSequence(spec.points, d) : latinHypercube(spec.points, d, createStream(`migsim-sweep:${scenarioSeed}`, 'latin-hypercube'));
  return unit.map((u) => toPoint(spec.parameters.map((p, k) => ('values' in p ? pickByShare(u[k], p.values) : rounded(p, scaleToRange(u[k], p.low, p.high))))));
}

function rounded(parameter: SweepParameter, value: number): number {
  return 'integer' in parameter && parameter.integer ? Math.round(value) : value;
}

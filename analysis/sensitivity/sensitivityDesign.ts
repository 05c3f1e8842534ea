import type { Rng } from '../../sim/model/random.js';
import { scaleToRange } from '../designs/scaleToRange.js';
import { morrisTrajectories } from './morrisTrajectories.js';
import { saltelliSample } from './saltelliSample.js';
import type { SensitivityMethod } from './sensitivityRow.js';

/** A numeric parameter's range, and whether it takes whole numbers only. */
export interface UncertainRange {
  readonly name: string;
  readonly low: number;
  readonly high: number;
  readonly integer: boolean;
}

/** The design of a sensitivity analysis: unit-cube points and the parameter values they stand for. */
export interface SensitivityDesign {
  readonly method: SensitivityMethod;
  /** Trajectories (Morris) or base rows (Sobol). */
  readonly samples: number;
  readonly unit: number[][];
  readonly values: Record<string, number>[];
}

/**
 * The points at which the model is run: r Morris trajectories on a
 * `levels`-level grid (r · (d + 1) points, see `morrisTrajectories`), or a
 * Saltelli sample with n base rows (n · (d + 2) points, see
 * `saltelliSample`), mapped from the unit cube to each parameter's range;
 * integer parameters are rounded to whole numbers. Morris effects are still
 * divided by the step in the unit cube, so an integer parameter with few
 * whole values in its range has its effects slightly misstated (by at most
 * half a unit over the step).
 *
 * Cost: O(points × d).
 */
export function sensitivityDesign(
  method: SensitivityMethod,
  ranges: readonly UncertainRange[],
  samples: number,
  rng: Rng,
  levels = 4,
): SensitivityDesign {
  const d = ranges.length;
  const unit = method === 'morris' ? morrisTrajectories(samples, d, rng, levels) : saltelliSample(samples, d);
  const values = unit.map((point) =>
    Object.fromEntries(
      ranges.map((range, k) => {
        const value = scaleToRange(point[k], range.low, range.high);
        return [range.name, range.integer ? Math.round(value) : value];
      }),
    ),
  );
  return { method, samples, unit, values };
}

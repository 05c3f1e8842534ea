import { quantileSorted } from 'simple-statistics';
import type { Rng } from '../../sim/model/random.js';

/** A bootstrap percentile interval for each component of a statistic. */
export interface BootstrapInterval {
  readonly low: number[];
  readonly high: number[];
}

/**
 * Percentile bootstrap intervals for a vector-valued statistic of n units
 * (rows of a sample, trajectories of a design).
 *
 * Definition (Efron & Tibshirani 1993, ch. 13): draw B resamples of n unit
 * indices with replacement, evaluate the statistic θ*_b on each, and take the
 * (1 − level)/2 and (1 + level)/2 quantiles of θ*_1..θ*_B for each component.
 * Resamples where a component is NaN are left out of that component; a
 * component with no finite resample gets NaN bounds.
 *
 * All draws come from `rng` (a seeded stream, never Math.random), so the same
 * stream gives the same intervals.
 *
 * Reference: B. Efron and R. J. Tibshirani, An Introduction to the Bootstrap
 * (Chapman & Hall, 1993).
 *
 * Cost: O(B · (n + cost of the statistic) + B log B per component).
 */
export function bootstrapInterval(
  n: number,
  statistic: (indices: Int32Array) => readonly number[],
  rng: Rng,
  resamples = 1000,
  level = 0.95,
): BootstrapInterval {
  if (!Number.isInteger(n) || n < 1) throw new Error(`bootstrapInterval requires at least one unit, got ${n}`);
  if (!Number.isInteger(resamples) || resamples < 1) throw new Error(`bootstrapInterval requires at least one resample, got ${resamples}`);
  if (!(level > 0 && level < 1)) throw new Error('bootstrapInterval requires a level between 0 and 1');
  const draws: number[][] = [];
  const indices = new Int32Array(n);
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < n; i++) indices[i] = Math.floor(rng() * n);
    const values = statistic(indices);
    values.forEach((value, k) => {
      draws[k] ??= [];
      if (Number.isFinite(value)) draws[k].push(value);
    });
  }
  const low: number[] = [];
  const high: number[] = [];
  for (const component of draws) {
    if (component.length === 0) {
      low.push(NaN);
      high.push(NaN);
      continue;
    }
    component.sort((a, b) => a - b);
    low.push(quantileSorted(component, (1 - level) / 2));
    high.push(quantileSorted(component, (1 + level) / 2));
  }
  return { low, high };
}

import { mean, sampleStandardDeviation } from 'simple-statistics';
import { tQuantile } from './tQuantile.js';

/** Mean, sample standard deviation and two-sided t-interval of a sample. */
export interface MeanInterval {
  readonly mean: number;
  readonly sd: number;
  readonly ci_low: number;
  readonly ci_high: number;
  readonly n: number;
}

/**
 * Mean, sample standard deviation (n − 1 denominator) and the two-sided
 * Student t confidence interval for the mean at `level` (default 95%):
 * mean ± t_{(1+level)/2, n−1} · sd / √n.
 *
 * With a single value the standard deviation and the interval are NaN
 * (nothing to estimate spread from); NaN values propagate to every field.
 *
 * Cost: O(n).
 */
export function meanInterval(values: ArrayLike<number>, level = 0.95): MeanInterval {
  if (values.length === 0) {
    throw new Error('meanInterval requires at least one value');
  }
  if (!(level > 0 && level < 1)) {
    throw new Error('meanInterval requires a level between 0 and 1');
  }
  const sample = Array.from(values);
  const n = sample.length;
  const average = mean(sample);
  if (n === 1) {
    return { mean: average, sd: NaN, ci_low: NaN, ci_high: NaN, n };
  }
  const sd = sampleStandardDeviation(sample);
  const halfWidth = (tQuantile((1 + level) / 2, n - 1) * sd) / Math.sqrt(n);
  return { mean: average, sd, ci_low: average - halfWidth, ci_high: average + halfWidth, n };
}

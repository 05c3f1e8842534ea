import { mean, sampleVariance } from 'simple-statistics';
import { tQuantile } from './tQuantile.js';

/** Difference of two means with its unpaired confidence interval. */
export interface WelchInterval {
  readonly mean_diff: number;
  readonly ci_low: number;
  readonly ci_high: number;
  /** Welch–Satterthwaite degrees of freedom. */
  readonly df: number;
}

/**
 * Unpaired (Welch) confidence interval for mean(a) − mean(b), not assuming
 * equal variances: the difference ± t_{(1+level)/2, ν} · √(s²a/na + s²b/nb),
 * with ν from the Welch–Satterthwaite equation.
 *
 * It ignores any pairing between the samples, so on common random numbers it
 * is wider than the paired interval; it is kept to show exactly that.
 *
 * Cost: O(na + nb).
 */
export function welchInterval(a: ArrayLike<number>, b: ArrayLike<number>, level = 0.95): WelchInterval {
  if (a.length < 2 || b.length < 2) {
    throw new Error('welchInterval requires at least two values in each sample');
  }
  if (!(level > 0 && level < 1)) {
    throw new Error('welchInterval requires a level between 0 and 1');
  }
  const first = Array.from(a);
  const second = Array.from(b);
  const meanDiff = mean(first) - mean(second);
  const shareA = sampleVariance(first) / first.length;
  const shareB = sampleVariance(second) / second.length;
  const variance = shareA + shareB;
  if (variance === 0) {
    // Both samples constant: the difference is known exactly.
    return { mean_diff: meanDiff, ci_low: meanDiff, ci_high: meanDiff, df: first.length + second.length - 2 };
  }
  const df =
    (variance * variance) /
    ((shareA * shareA) / (first.length - 1) + (shareB * shareB) / (second.length - 1));
  const halfWidth = tQuantile((1 + level) / 2, df) * Math.sqrt(variance);
  return { mean_diff: meanDiff, ci_low: meanDiff - halfWidth, ci_high: meanDiff + halfWidth, df };
}

import { regularizedIncompleteBeta } from './regularizedIncompleteBeta.js';

/**
 * Upper tail probability P(T > t) of Student's t distribution with `df`
 * degrees of freedom (df may be fractional, as in Welch's interval).
 *
 * Definition: P(|T| > t) = I_{df/(df+t²)}(df/2, 1/2) = 1 − I_{t²/(df+t²)}(1/2, df/2),
 * with I the regularized incomplete beta function. Whichever argument is
 * below 1/2 is passed, so it is computed without cancellation and the tail
 * keeps its relative precision far out.
 *
 * Cost: O(√df).
 */
export function tTailProbability(t: number, df: number): number {
  if (!(df > 0) || !Number.isFinite(df)) {
    throw new Error('tTailProbability requires finite positive degrees of freedom');
  }
  if (Number.isNaN(t)) {
    throw new Error('tTailProbability requires a number');
  }
  if (t < 0) return 1 - tTailProbability(-t, df);
  const t2 = t * t;
  const twoSided =
    t2 < df
      ? 1 - regularizedIncompleteBeta(t2 / (df + t2), 0.5, df / 2)
      : regularizedIncompleteBeta(df / (df + t2), df / 2, 0.5);
  return twoSided / 2;
}

import { gammaln } from 'simple-statistics';

const MAX_ITERATIONS = 100_000;
// Keeps the Lentz recurrences away from division by zero.
const TINY = 1e-300;

/**
 * The regularized incomplete beta function I_x(a, b) = B(x; a, b) / B(a, b).
 *
 * Definition: evaluated by its continued fraction (Numerical Recipes §6.4,
 * DLMF 8.17.22) with the modified Lentz method. Where that fraction converges
 * slowly (x > (a + 1) / (a + b + 2)) the symmetry I_x(a, b) = 1 − I_{1−x}(b, a)
 * is used instead. Relative accuracy is close to machine precision for the
 * arguments a Student t distribution needs (b = 1/2, a up to a few thousand).
 *
 * Cost: O(√max(a, b)) iterations.
 */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (!(a > 0) || !(b > 0)) {
    throw new Error('regularizedIncompleteBeta requires positive shape parameters');
  }
  if (!(x >= 0 && x <= 1)) {
    throw new Error('regularizedIncompleteBeta requires x between 0 and 1');
  }
  if (x === 0) return 0;
  if (x === 1) return 1;
  if (x > (a + 1) / (a + b + 2)) {
    return 1 - regularizedIncompleteBeta(1 - x, b, a);
  }
  const logFront =
    a * Math.log(x) + b * Math.log1p(-x) - (gammaln(a) + gammaln(b) - gammaln(a + b));
  return (Math.exp(logFront) * continuedFraction(x, a, b)) / a;
}

function continuedFraction(x: number, a: number, b: number): number {
  const sum = a + b;
  let c = 1;
  let d = 1 - (sum * x) / (a + 1);
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let fraction = d;
  for (let m = 1; m <= MAX_ITERATIONS; m++) {
    const twoM = 2 * m;
    // Even step of the fraction.
    let term = (m * (b - m) * x) / ((a - 1 + twoM) * (a + twoM));
    d = 1 + term * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + term / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    fraction *= d * c;
    // Odd step of the fraction.
    term = (-(a + m) * (sum + m) * x) / ((a + twoM) * (a + 1 + twoM));
    d = 1 + term * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + term / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const change = d * c;
    fraction *= change;
    if (Math.abs(change - 1) <= Number.EPSILON) return fraction;
  }
  throw new Error('regularizedIncompleteBeta did not converge');
}

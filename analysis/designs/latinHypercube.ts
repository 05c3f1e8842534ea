import type { Rng } from '../../sim/model/random.js';

/**
 * n points of a Latin hypercube sample in [0, 1)^d: each coordinate's range
 * is cut into n equal strata and every stratum holds exactly one point, so
 * each parameter alone is spread evenly however few points there are.
 *
 * Definition (McKay, Beckman & Conover 1979): for each dimension k draw an
 * independent random permutation π_k of 0..n−1 (Fisher–Yates) and a uniform
 * u_{ik}; point i has coordinate x_{ik} = (π_k(i) + u_{ik}) / n.
 *
 * All randomness comes from `rng` (a seeded stream), so the same stream gives
 * the same design.
 *
 * Reference: M. D. McKay, R. J. Beckman and W. J. Conover, Technometrics 21
 * (1979) 239–245.
 *
 * Cost: O(n · d).
 */
export function latinHypercube(n: number, d: number, rng: Rng): number[][] {
  if (!Number.isInteger(n) || n < 1) throw new Error(`latinHypercube requires at least one point, got ${n}`);
  if (!Number.isInteger(d) || d < 1) throw new Error(`latinHypercube requires at least one dimension, got ${d}`);
  const points = Array.from({ length: n }, () => new Array<number>(d));
  for (let k = 0; k < d; k++) {
    const strata = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [strata[i], strata[j]] = [strata[j], strata[i]];
    }
    for (let i = 0; i < n; i++) points[i][k] = (strata[i] + rng()) / n;
  }
  return points;
}

import type { Rng } from '../../sim/model/random.js';

/**
 * r Morris trajectories of d parameters on a p-level grid of [0, 1]^d, as
 * r · (d + 1) points: trajectory t is points t(d+1) .. t(d+1) + d, and each
 * step changes exactly one parameter by ±Δ, every parameter once.
 *
 * Definition (Morris 1991; Saltelli et al. 2004, §3.3): levels are
 * {0, 1/(p−1), …, 1}, the step is Δ = p / (2(p − 1)) (2/3 for p = 4). A
 * trajectory starts at a random grid point x⁰; the parameters are then moved
 * one at a time in a random order, each up by Δ when x_i + Δ ≤ 1 and down
 * by Δ otherwise. With this Δ a level in the lower half can only go up and
 * one in the upper half only down, so every level is reached equally often.
 * p must be even (then every elementary effect is drawn from the same
 * distribution; Morris 1991, §3).
 *
 * All draws come from `rng` (a seeded stream).
 *
 * References: M. D. Morris, "Factorial sampling plans for preliminary
 * computational experiments", Technometrics 33 (1991) 161–174; A. Saltelli,
 * S. Tarantola, F. Campolongo and M. Ratto, Sensitivity Analysis in Practice
 * (Wiley, 2004).
 *
 * Cost: O(r · d²) time and memory.
 */
export function morrisTrajectories(r: number, d: number, rng: Rng, levels = 4): number[][] {
  if (!Number.isInteger(r) || r < 1) throw new Error(`morrisTrajectories requires at least one trajectory, got ${r}`);
  if (!Number.isInteger(d) || d < 1) throw new Error(`morrisTrajectories requires at least one parameter, got ${d}`);
  if (!Number.isInteger(levels) || levels < 2 || levels % 2 !== 0) {
    throw new Error(`morrisTrajectories requires an even number of levels ≥ 2, got ${levels}`);
  }
  const delta = morrisDelta(levels);
  const points: number[][] = [];
  for (let t = 0; t < r; t++) {
    let x = Array.from({ length: d }, () => Math.floor(rng() * levels) / (levels - 1));
    points.push(x);
    const order = Array.from({ length: d }, (_, i) => i);
    for (let i = d - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const i of order) {
      const up = x[i] + delta <= 1 + 1e-12;
      x = x.slice();
      // Snapped to the grid so that 1/3 + 2/3 is exactly 1.
      x[i] = Math.round((up ? x[i] + delta : x[i] - delta) * (levels - 1)) / (levels - 1);
      points.push(x);
    }
  }
  return points;
}

/** Morris's step Δ = p / (2(p − 1)) for p levels. */
export function morrisDelta(levels: number): number {
  return levels / (2 * (levels - 1));
}

import { sobolSequence, SOBOL_MAX_DIMENSIONS } from '../designs/sobolSequence.js';

/** Largest number of parameters a Saltelli sample can have (2d Sobol dimensions). */
export const SALTELLI_MAX_PARAMETERS = Math.floor(SOBOL_MAX_DIMENSIONS / 2);

/**
 * The Saltelli sample for first-order and total Sobol indices of d
 * parameters from n base rows, as points in [0, 1)^d.
 *
 * Definition (Saltelli et al. 2010, §3): take the first n points of a
 * 2d-dimensional Sobol sequence; matrix A is their first d columns and B the
 * last d. A_B^(i) is A with column i taken from B. The result lists, for each
 * base row j in turn, the d + 2 points
 *   A_j, A_B^(1)_j, …, A_B^(d)_j, B_j,
 * so it has n · (d + 2) points and block j is self-contained (see
 * `sobolIndices`, which reads this layout). Use a power of 2 for n.
 *
 * Reference: A. Saltelli, P. Annoni, I. Azzini, F. Campolongo, M. Ratto and
 * S. Tarantola, "Variance based sensitivity analysis of model output. Design
 * and estimator for the total sensitivity index", Comput. Phys. Commun. 181
 * (2010) 259–270.
 *
 * Cost: O(n · d²) time and memory.
 */
export function saltelliSample(n: number, d: number): number[][] {
  if (!Number.isInteger(d) || d < 1 || d > SALTELLI_MAX_PARAMETERS) {
    throw new Error(`saltelliSample supports 1 to ${SALTELLI_MAX_PARAMETERS} parameters, got ${d}`);
  }
  if (!Number.isInteger(n) || n < 2) throw new Error(`saltelliSample requires at least 2 base rows, got ${n}`);
  const base = sobolSequence(n, 2 * d);
  const points: number[][] = [];
  for (const row of base) {
    const a = row.slice(0, d);
    const b = row.slice(d);
    points.push(a);
    for (let i = 0; i < d; i++) points.push(a.map((value, k) => (k === i ? b[i] : value)));
    points.push(b);
  }
  return points;
}

import { SOBOL_DIRECTIONS } from './sobolDirections.js';

/** Bits of each coordinate: points are multiples of 2^-32. */
const BITS = 32;
const SCALE = 2 ** BITS;

/** Largest number of dimensions the shipped direction numbers allow. */
export const SOBOL_MAX_DIMENSIONS = SOBOL_DIRECTIONS.length + 1;

/**
 * The first `n` points of the d-dimensional Sobol low-discrepancy sequence in
 * [0, 1)^d, in Gray-code order, starting with the origin (Owen 2020 shows that
 * dropping the first point harms the balance that makes the sequence useful;
 * use a power of 2 for n). `skip` leaves out that many points at the start.
 *
 * Definition (Bratley & Fox 1988, Joe & Kuo 2008): with direction integers
 * v_{k,1..} of dimension k built from a primitive polynomial of degree s,
 *   v_j = m_j · 2^(32−j) for j ≤ s,
 *   v_j = v_{j−s} ⊕ (v_{j−s} >> s) ⊕ ⨁_{l=1}^{s−1} a_l · v_{j−l} otherwise,
 * point i+1 = point i ⊕ v_c, where c is the position of the lowest zero bit
 * of i (Antonov & Saleev 1979), divided by 2^32. Dimension 1 is the van der
 * Corput sequence in base 2 (all m = 1).
 *
 * Deterministic: it draws no random numbers.
 *
 * References: I. M. Sobol', USSR Comput. Math. Math. Phys. 7 (1967) 86–112;
 * S. Joe and F. Y. Kuo, SIAM J. Sci. Comput. 30 (2008) 2635–2654;
 * A. B. Owen, "On dropping the first Sobol' point" (2022).
 *
 * Cost: O((n + skip) · d) time, O(n · d) memory.
 */
export function sobolSequence(n: number, d: number, skip = 0): number[][] {
  if (!Number.isInteger(n) || n < 0) throw new Error(`sobolSequence requires a whole number of points, got ${n}`);
  if (!Number.isInteger(skip) || skip < 0) throw new Error(`sobolSequence requires a whole number to skip, got ${skip}`);
  if (!Number.isInteger(d) || d < 1 || d > SOBOL_MAX_DIMENSIONS) {
    throw new Error(`sobolSequence supports 1 to ${SOBOL_MAX_DIMENSIONS} dimensions, got ${d}`);
  }
  if (n + skip > 2 ** 30) throw new Error('sobolSequence supports at most 2^30 points');
  const directions = Array.from({ length: d }, (_, k) => directionIntegers(k));
  const x = new Uint32Array(d);
  const points: number[][] = [];
  for (let i = 0; i < n + skip; i++) {
    if (i >= skip) points.push(Array.from(x, (value) => value / SCALE));
    const c = lowestZeroBit(i);
    for (let k = 0; k < d; k++) x[k] ^= directions[k][c];
  }
  return points;
}

/** Direction integers v_1..v_32 of dimension k (0-based), stored at index j − 1. */
function directionIntegers(k: number): Uint32Array {
  const v = new Uint32Array(BITS);
  if (k === 0) {
    for (let j = 1; j <= BITS; j++) v[j - 1] = 2 ** (BITS - j);
    return v;
  }
  const [a, m] = SOBOL_DIRECTIONS[k - 1];
  const s = m.length;
  for (let j = 1; j <= Math.min(s, BITS); j++) v[j - 1] = m[j - 1] * 2 ** (BITS - j);
  for (let j = s + 1; j <= BITS; j++) {
    let value = v[j - s - 1] ^ (v[j - s - 1] >>> s);
    for (let l = 1; l < s; l++) {
      if ((a >>> (s - 1 - l)) & 1) value ^= v[j - l - 1];
    }
    v[j - 1] = value >>> 0;
  }
  return v;
}

/** 0-based position of the lowest zero bit of i (0 for even i). */
function lowestZeroBit(i: number): number {
  let c = 0;
  while (i & 1) {
    i = Math.floor(i / 2);
    c++;
  }
  return c;
}

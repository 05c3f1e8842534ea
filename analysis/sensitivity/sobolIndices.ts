import type { Rng } from '../../sim/model/random.js';
import { bootstrapInterval } from './bootstrapInterval.js';

/** First-order and total Sobol indices of one parameter, with bootstrap intervals. */
export interface SobolIndex {
  readonly first: number;
  readonly firstLow: number;
  readonly firstHigh: number;
  readonly total: number;
  readonly totalLow: number;
  readonly totalHigh: number;
}

/**
 * First-order (S_i) and total (S_Ti) Sobol indices of d parameters from
 * model outputs y on a Saltelli sample (`saltelliSample`: n blocks of d + 2
 * outputs f(A_j), f(A_B^(1)_j), …, f(A_B^(d)_j), f(B_j)).
 *
 * Definition (Saltelli et al. 2010, Table 2, estimators (b) and (f)):
 *   m    = mean of all f(A_j) and f(B_j) (2n values),
 *   V    = (1/2n) Σ_j (f(A_j) − m)² + (f(B_j) − m)²,
 *   S_i  = (1/n) Σ_j (f(B_j) − m) · (f(A_B^(i)_j) − f(A_j)) / V  (Saltelli 2010),
 *   S_Ti = (1/2n) Σ_j (f(A_j) − f(A_B^(i)_j))² / V                (Jansen 1999).
 * Centring f(B_j) on m leaves S_i's expectation unchanged (the mean of
 * f(A_B^(i)) − f(A) is 0) but keeps its variance from growing with the
 * output's distance from 0, which matters for counts of people in the
 * hundreds of thousands.
 * Intervals: percentile bootstrap over the n blocks (`bootstrapInterval`),
 * drawn from `rng`. When V is 0 (the output never changes) or an output is
 * NaN, the indices are NaN: nothing can be apportioned.
 *
 * References: A. Saltelli et al., Comput. Phys. Commun. 181 (2010) 259–270;
 * M. J. W. Jansen, Comput. Phys. Commun. 117 (1999) 35–43;
 * I. M. Sobol', Math. Comput. Simul. 55 (2001) 271–280.
 *
 * Cost: O(n · d) per estimate, O(B · n · d) with B bootstrap resamples.
 */
export function sobolIndices(y: ArrayLike<number>, d: number, rng: Rng, resamples = 1000, level = 0.95): SobolIndex[] {
  const block = d + 2;
  if (y.length === 0 || y.length % block !== 0) {
    throw new Error(`sobolIndices requires n · (d + 2) = n · ${block} outputs, got ${y.length}`);
  }
  const n = y.length / block;
  const all = Int32Array.from({ length: n }, (_, j) => j);
  const estimate = (rows: Int32Array): number[] => {
    let sum = 0;
    for (const j of rows) sum += y[j * block] + y[j * block + d + 1];
    const count = 2 * rows.length;
    const centre = sum / count;
    let squares = 0;
    for (const j of rows) squares += (y[j * block] - centre) ** 2 + (y[j * block + d + 1] - centre) ** 2;
    const variance = squares / count;
    const out: number[] = [];
    for (let i = 0; i < d; i++) {
      let first = 0;
      let total = 0;
      for (const j of rows) {
        const fa = y[j * block];
        const fab = y[j * block + 1 + i];
        const fb = y[j * block + d + 1];
        first += (fb - centre) * (fab - fa);
        total += (fa - fab) ** 2;
      }
      const ok = variance > 0 && Number.isFinite(variance);
      out.push(ok ? first / rows.length / variance : NaN, ok ? total / (2 * rows.length) / variance : NaN);
    }
    return out;
  };
  const point = estimate(all);
  const interval = bootstrapInterval(n, estimate, rng, resamples, level);
  return Array.from({ length: d }, (_, i) => ({
    first: point[2 * i],
    firstLow: interval.low[2 * i],
    firstHigh: interval.high[2 * i],
    total: point[2 * i + 1],
    totalLow: interval.low[2 * i + 1],
    totalHigh: interval.high[2 * i + 1],
  }));
}

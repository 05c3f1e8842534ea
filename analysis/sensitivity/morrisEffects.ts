import { mean, sampleStandardDeviation } from 'simple-statistics';
import type { Rng } from '../../sim/model/random.js';
import { bootstrapInterval } from './bootstrapInterval.js';

/** Morris screening measures of one parameter. */
export interface MorrisMeasure {
  /** Mean elementary effect: its sign says the direction when effects agree. */
  readonly mu: number;
  /** Mean absolute elementary effect: the parameter's overall influence. */
  readonly muStar: number;
  readonly muStarLow: number;
  readonly muStarHigh: number;
  /** Standard deviation of the effects: non-linearity or interactions. */
  readonly sigma: number;
  /** Number of trajectories. */
  readonly n: number;
}

/**
 * Morris elementary-effect measures μ, μ* and σ of d parameters from model
 * outputs y on trajectories `points` (see `morrisTrajectories`: r blocks of
 * d + 1 points in [0, 1]^d, one parameter changed per step).
 *
 * Definition: in trajectory t, the step from point k to k+1 changes one
 * parameter i by Δu (in units of its range); its elementary effect is
 * EE_i^t = (y_{k+1} − y_k) / Δu. Then μ_i = mean_t EE_i^t,
 * μ*_i = mean_t |EE_i^t| (Campolongo et al. 2007, which avoids effects of
 * opposite sign cancelling) and σ_i = their sample standard deviation
 * (n − 1; NaN for one trajectory). The interval of μ* is a percentile
 * bootstrap over trajectories drawn from `rng`. NaN outputs give NaN measures.
 *
 * References: M. D. Morris, Technometrics 33 (1991) 161–174;
 * F. Campolongo, J. Cariboni and A. Saltelli, "An effective screening design
 * for sensitivity analysis of large models", Environ. Model. Softw. 22
 * (2007) 1509–1518.
 *
 * Cost: O(r · d²) to read the steps, O(B · r · d) for B bootstrap resamples.
 */
export function morrisEffects(
  points: readonly (readonly number[])[],
  y: ArrayLike<number>,
  d: number,
  rng: Rng,
  resamples = 1000,
  level = 0.95,
): MorrisMeasure[] {
  const block = d + 1;
  if (points.length !== y.length || points.length === 0 || points.length % block !== 0) {
    throw new Error(`morrisEffects requires r · (d + 1) = r · ${block} points and as many outputs, got ${points.length} and ${y.length}`);
  }
  const r = points.length / block;
  // effects[i][t]: the elementary effect of parameter i in trajectory t.
  const effects = Array.from({ length: d }, () => new Float64Array(r));
  for (let t = 0; t < r; t++) {
    for (let k = t * block; k < (t + 1) * block - 1; k++) {
      const i = points[k].findIndex((value, j) => value !== points[k + 1][j]);
      if (i < 0) throw new Error(`morrisEffects: points ${k} and ${k + 1} do not differ`);
      effects[i][t] = (y[k + 1] - y[k]) / (points[k + 1][i] - points[k][i]);
    }
  }
  const muStarOf = (rows: Int32Array): number[] =>
    effects.map((ee) => {
      let sum = 0;
      for (const t of rows) sum += Math.abs(ee[t]);
      return sum / rows.length;
    });
  const muStar = muStarOf(Int32Array.from({ length: r }, (_, t) => t));
  const interval = bootstrapInterval(r, muStarOf, rng, resamples, level);
  return effects.map((ee, i) => {
    const values = Array.from(ee);
    return {
      mu: mean(values),
      muStar: muStar[i],
      muStarLow: interval.low[i],
      muStarHigh: interval.high[i],
      sigma: r > 1 ? sampleStandardDeviation(values) : NaN,
      n: r,
    };
  });
}

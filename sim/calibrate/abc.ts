import { mean, quantile, standardDeviation } from 'simple-statistics';
import type { Rng } from '../model/random.js';

/**
 * Approximate Bayesian computation by rejection (Pritchard et al. 1999;
 * Beaumont, Zhang & Balding 2002, without the regression adjustment):
 *
 *   uniform prior over each parameter's range → `budget` draws → simulate
 *   each draw → distance from the targets → keep the draws nearest the
 *   targets (the best `acceptShare` of them) → their distribution
 *   approximates the posterior; its mean is the fitted value.
 *
 * The steps are separate functions so that the simulations can run on a
 * pool of workers between drawing and accepting; `abcRejection` composes
 * them for a distance that is cheap to compute in place.
 */

/** Each calibrated parameter's [low, high] range (the uniform prior). */
export type ParameterRanges = Readonly<Record<string, readonly [number, number]>>;

/** One value per calibrated parameter. */
export type ParameterVector = Readonly<Record<string, number>>;

/** A draw from the prior with its distance from the targets. */
export interface EvaluatedSample {
  /** Position in the order of drawing (0-based). */
  readonly index: number;
  readonly theta: ParameterVector;
  /** Infinity when the sample's statistics are not defined. */
  readonly distance: number;
}

/** The accepted draws' distribution of one parameter. */
export interface PosteriorSummary {
  readonly name: string;
  readonly prior: readonly [number, number];
  readonly mean: number;
  /** Standard deviation (weighted for SMC). */
  readonly sd: number;
  /** Lower and upper quantiles bounding the central `level` of the accepted draws. */
  readonly low: number;
  readonly high: number;
  readonly level: number;
}

export interface AbcResult {
  readonly samples: readonly EvaluatedSample[];
  /** Accepted samples, nearest first. */
  readonly accepted: readonly EvaluatedSample[];
  /** Largest accepted distance (the tolerance ε that the rejection implies). */
  readonly epsilon: number;
  readonly posterior: readonly PosteriorSummary[];
}

/**
 * Draws `count` parameter vectors from the uniform prior: each parameter
 * independently uniform on its range, drawn in the ranges' key order, so
 * the same stream gives the same vectors.
 *
 * Cost: O(count × parameters).
 */
export function drawFromPrior(ranges: ParameterRanges, count: number, rng: Rng): ParameterVector[] {
  const names = Object.keys(ranges);
  for (const name of names) {
    const [low, high] = ranges[name];
    if (!(low <= high)) throw new Error(`drawFromPrior requires low ≤ high for ${name}`);
  }
  const draws: ParameterVector[] = [];
  for (let k = 0; k < count; k++) {
    const theta: Record<string, number> = {};
    for (const name of names) {
      const [low, high] = ranges[name];
      theta[name] = low + rng() * (high - low);
    }
    draws.push(theta);
  }
  return draws;
}

/**
 * Keeps the ⌈acceptShare × n⌉ samples nearest the targets (at least one);
 * equal distances keep the order of drawing, so the choice never depends on
 * how the samples were computed. Samples whose distance is not finite are
 * never accepted.
 *
 * @throws Error when no sample has a finite distance.
 * Cost: O(n log n).
 */
export function acceptNearest<S extends EvaluatedSample>(
  samples: readonly S[],
  acceptShare: number,
): { accepted: S[]; epsilon: number } {
  if (!(acceptShare > 0 && acceptShare <= 1)) throw new Error('acceptNearest requires an acceptance share in (0, 1]');
  const finite = samples.filter((s) => Number.isFinite(s.distance));
  if (finite.length === 0) throw new Error('acceptNearest requires at least one sample with a finite distance');
  const count = Math.min(finite.length, Math.max(1, Math.ceil(acceptShare * samples.length)));
  const accepted = [...finite].sort((a, b) => a.distance - b.distance || a.index - b.index).slice(0, count);
  return { accepted, epsilon: accepted[accepted.length - 1].distance };
}

/**
 * Mean and central `level` range (quantiles (1 − level)/2 and (1 + level)/2
 * by linear interpolation, type 7 in R) of each parameter over the accepted
 * samples.
 *
 * Cost: O(accepted × parameters × log accepted).
 */
export function summarisePosterior(
  accepted: readonly EvaluatedSample[],
  ranges: ParameterRanges,
  level = 0.9,
): PosteriorSummary[] {
  if (accepted.length === 0) throw new Error('summarisePosterior requires at least one accepted sample');
  return Object.keys(ranges).map((name) => {
    const values = accepted.map((s) => s.theta[name]);
    return {
      name,
      prior: ranges[name],
      mean: mean(values),
      sd: standardDeviation(values),
      low: quantile(values, (1 - level) / 2),
      high: quantile(values, (1 + level) / 2),
      level,
    };
  });
}

/**
 * ABC rejection in one call, for distances computed in place (such as a toy
 * model with a known posterior).
 *
 * @example
 * // θ ~ U(0, 1); 3 successes in 10 Bernoulli(θ) trials; posterior Beta(4, 8), mean 1/3.
 * abcRejection({ ranges: { theta: [0, 1] }, budget: 20000, acceptShare: 0.05, rng,
 *   distance: ({ theta }) => Math.abs(successes(theta, 10, rng) - 3) });
 */
export function abcRejection(input: {
  readonly ranges: ParameterRanges;
  readonly budget: number;
  readonly acceptShare: number;
  readonly rng: Rng;
  readonly distance: (theta: ParameterVector) => number;
  readonly level?: number;
}): AbcResult {
  if (!(Number.isInteger(input.budget) && input.budget >= 1)) throw new Error('abcRejection requires a budget of at least one draw');
  const draws = drawFromPrior(input.ranges, input.budget, input.rng);
  const samples = draws.map((theta, index) => ({ index, theta, distance: input.distance(theta) }));
  const { accepted, epsilon } = acceptNearest(samples, input.acceptShare);
  return { samples, accepted, epsilon, posterior: summarisePosterior(accepted, input.ranges, input.level) };
}

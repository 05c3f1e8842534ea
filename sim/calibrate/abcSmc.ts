import { cumulate, drawIndex, standardNormal, type Rng } from '../model/random.js';
import type { ParameterRanges, ParameterVector } from './abc.js';

/**
 * Approximate Bayesian computation with sequential Monte Carlo (ABC-SMC,
 * population Monte Carlo: Toni et al. 2009; Beaumont, Cornuet, Marin &
 * Robert 2009):
 *
 *   generation 0: draws from the prior, every one with a finite distance kept
 *   generation t: tolerance ε_t = the `quantile` of generation t−1's distances
 *     → propose: pick a particle of t−1 by weight, move it by a Gaussian
 *       kernel with twice the weighted covariance of generation t−1, redraw
 *       until the prior allows it → simulate → keep it when its distance is
 *       at most ε_t, until `particles` are kept
 *     → importance weight of a kept θ: prior(θ) / Σ_j w_j K(θ | θ_j)
 *   stop after `generations`, or when a generation's acceptance rate falls
 *   below `minAcceptance` (that generation is then left incomplete and the
 *   last complete one is the posterior).
 *
 * Proposals are simulated in batches through `evaluate`, whose distances
 * must depend only on each proposal (its values, generation and index), not
 * on the batch or the order of evaluation. Batch sizes follow from earlier
 * results only, and a generation keeps the first `particles` acceptable
 * proposals in the order drawn, so the result is the same whatever runs the
 * simulations (one worker or many).
 */

/** A prior: draws and a density (up to a constant; 0 outside its support). */
export interface Prior {
  readonly names: readonly string[];
  draw(rng: Rng): ParameterVector;
  density(theta: ParameterVector): number;
}

/** One simulated proposal. */
export interface SmcProposal {
  readonly generation: number;
  /** Position among the generation's proposals, in the order drawn (0-based). */
  readonly index: number;
  readonly theta: ParameterVector;
}

/** A simulated proposal with its distance; `kept` when it joined its generation's population. */
export interface SmcSample extends SmcProposal {
  /** Infinity when the statistics are not defined. */
  readonly distance: number;
  readonly kept: boolean;
}

/** A member of a population: a kept sample with its normalised importance weight. */
export interface Particle extends SmcSample {
  readonly weight: number;
}

/** How one generation went. */
export interface SmcGeneration {
  readonly generation: number;
  /** Largest distance accepted (Infinity for generation 0, which keeps every finite distance). */
  readonly tolerance: number;
  /** Proposals simulated. */
  readonly simulated: number;
  /** Proposals within the tolerance (kept or not: a batch may overshoot). */
  readonly withinTolerance: number;
  /** withinTolerance / simulated. */
  readonly acceptanceRate: number;
  /** Particles kept (the population size, or fewer when the generation stopped early). */
  readonly kept: number;
  /** Effective sample size of the weights, (Σw)² / Σw². */
  readonly effectiveSize: number;
  /** Whether the generation kept its full population (and so counts). */
  readonly complete: boolean;
}

export interface SmcSettings {
  /** Particles per generation. */
  readonly particles: number;
  /** Largest number of generations, the prior's generation 0 included. */
  readonly generations: number;
  /** Each tolerance is this quantile of the previous generation's distances (0 < q < 1). */
  readonly quantile: number;
  /** A generation whose acceptance rate falls below this ends the search. */
  readonly minAcceptance: number;
  /** Largest number of proposals simulated over the whole search (Infinity: no cap beyond the generations). */
  readonly budget?: number;
}

export interface SmcResult {
  /** The last complete generation. */
  readonly population: readonly Particle[];
  readonly generations: readonly SmcGeneration[];
  /** Every simulated proposal, by generation and index. */
  readonly samples: readonly SmcSample[];
}

/** A uniform prior on each parameter's [low, high] range, drawn in the ranges' key order. */
export function uniformPrior(ranges: ParameterRanges): Prior {
  const names = Object.keys(ranges);
  for (const name of names) {
    const [low, high] = ranges[name];
    if (!(low < high)) throw new Error(`uniformPrior requires low < high for ${name}`);
  }
  return {
    names,
    draw(rng) {
      const theta: Record<string, number> = {};
      for (const name of names) theta[name] = ranges[name][0] + rng() * (ranges[name][1] - ranges[name][0]);
      return theta;
    },
    density(theta) {
      for (const name of names) if (!(theta[name] >= ranges[name][0] && theta[name] <= ranges[name][1])) return 0;
      return 1;
    },
  };
}

/**
 * The tolerance for the next generation: the `quantile` (type 7, linear
 * interpolation) of the population's distances, never above the current
 * tolerance.
 */
export function nextTolerance(distances: readonly number[], quantile: number, current: number): number {
  if (distances.length === 0) throw new Error('nextTolerance requires at least one distance');
  const sorted = [...distances].sort((a, b) => a - b);
  const position = (sorted.length - 1) * quantile;
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  const value = sorted[below] + (position - below) * (sorted[above] - sorted[below]);
  return Math.min(value, current);
}

/**
 * The perturbation kernel of a weighted population: a Gaussian with twice
 * its weighted covariance (Beaumont et al. 2009), held as the lower
 * Cholesky factor. A parameter that does not vary gets a small variance
 * (1e-9 of its prior range squared, or 1e-12) so that the factor exists.
 */
export class GaussianKernel {
  readonly names: readonly string[];
  private readonly chol: Float64Array;

  constructor(population: readonly { readonly theta: ParameterVector; readonly weight: number }[], names: readonly string[], floor: readonly number[]) {
    const k = names.length;
    this.names = names;
    const mean = new Float64Array(k);
    let total = 0;
    for (const p of population) total += p.weight;
    for (const p of population) for (let a = 0; a < k; a++) mean[a] += (p.weight / total) * p.theta[names[a]];
    const cov = new Float64Array(k * k);
    for (const p of population) {
      const w = p.weight / total;
      for (let a = 0; a < k; a++) {
        const da = p.theta[names[a]] - mean[a];
        for (let b = 0; b <= a; b++) cov[a * k + b] += w * da * (p.theta[names[b]] - mean[b]);
      }
    }
    for (let a = 0; a < k; a++) {
      for (let b = 0; b <= a; b++) cov[a * k + b] *= 2;
      cov[a * k + a] = Math.max(cov[a * k + a], floor[a]);
    }
    this.chol = cholesky(cov, k, floor);
  }

  /** θ + L z with z standard normal, drawn in the names' order. */
  perturb(theta: ParameterVector, rng: Rng): ParameterVector {
    const k = this.names.length;
    const z = new Float64Array(k);
    for (let a = 0; a < k; a++) z[a] = standardNormal(rng);
    const out: Record<string, number> = {};
    for (let a = 0; a < k; a++) {
      let shift = 0;
      for (let b = 0; b <= a; b++) shift += this.chol[a * k + b] * z[b];
      out[this.names[a]] = theta[this.names[a]] + shift;
    }
    return out;
  }

  /** The kernel's density of moving `from` to `to`, up to a constant shared by every pair. */
  density(from: ParameterVector, to: ParameterVector): number {
    const k = this.names.length;
    let squared = 0;
    const y = new Float64Array(k);
    for (let a = 0; a < k; a++) {
      let r = to[this.names[a]] - from[this.names[a]];
      for (let b = 0; b < a; b++) r -= this.chol[a * k + b] * y[b];
      y[a] = r / this.chol[a * k + a];
      squared += y[a] * y[a];
    }
    return Math.exp(-0.5 * squared);
  }
}

/** Lower Cholesky factor of a symmetric matrix given by its lower triangle; a pivot that is not positive is raised to its floor. */
function cholesky(lower: Float64Array, k: number, floor: readonly number[]): Float64Array {
  const l = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    for (let b = 0; b <= a; b++) {
      let sum = lower[a * k + b];
      for (let c = 0; c < b; c++) sum -= l[a * k + c] * l[b * k + c];
      if (a === b) l[a * k + a] = Math.sqrt(sum > floor[a] ? sum : floor[a]);
      else l[a * k + b] = sum / l[b * k + b];
    }
  }
  return l;
}

/** Effective sample size of weights: (Σw)² / Σw². */
export function effectiveSampleSize(weights: readonly number[]): number {
  let sum = 0;
  let squares = 0;
  for (const w of weights) {
    sum += w;
    squares += w * w;
  }
  return squares > 0 ? (sum * sum) / squares : 0;
}

/**
 * Runs ABC-SMC. `rng` drives every proposal (the prior's draws, the choice
 * of particles and their moves); `evaluate` simulates a batch and returns
 * one distance per proposal (NaN counts as Infinity). `transform`, when
 * given, maps a proposal before it is simulated and kept (such as rounding
 * whole-number parameters); it must keep the prior's support.
 *
 * Cost: O(generations × particles² × parameters²) for the weights, besides
 * the simulations.
 */
export async function abcSmc(input: {
  readonly prior: Prior;
  readonly settings: SmcSettings;
  readonly rng: Rng;
  readonly evaluate: (batch: readonly SmcProposal[]) => Promise<readonly number[]>;
  readonly transform?: (theta: ParameterVector) => ParameterVector;
  /** Lower bound of each parameter's kernel variance, in the prior's name order (default 1e-12). */
  readonly varianceFloor?: readonly number[];
  readonly onGeneration?: (generation: SmcGeneration) => void;
}): Promise<SmcResult> {
  const { prior, settings, rng, evaluate } = input;
  const { particles, generations, quantile, minAcceptance } = settings;
  if (!(Number.isInteger(particles) && particles >= 2)) throw new Error('abcSmc requires at least two particles');
  if (!(Number.isInteger(generations) && generations >= 1)) throw new Error('abcSmc requires at least one generation');
  if (!(quantile > 0 && quantile < 1)) throw new Error('abcSmc requires a quantile in (0, 1)');
  if (!(minAcceptance > 0 && minAcceptance <= 1)) throw new Error('abcSmc requires a minimum acceptance rate in (0, 1]');
  const budget = settings.budget ?? Infinity;
  const transform = input.transform ?? ((theta: ParameterVector) => theta);
  const floor = input.varianceFloor ?? prior.names.map(() => 1e-12);
  const samples: SmcSample[] = [];
  const history: SmcGeneration[] = [];
  let population: Particle[] = [];
  let tolerance = Infinity;
  let spent = 0;

  for (let t = 0; t < generations; t++) {
    if (t > 0) {
      tolerance = nextTolerance(population.map((p) => p.distance), quantile, tolerance);
    }
    const previous = population;
    const kernel = t > 0 ? new GaussianKernel(previous, prior.names, floor) : undefined;
    const cumulative = cumulate(previous.map((p) => p.weight));
    const propose = (): ParameterVector => {
      if (!kernel) return transform(prior.draw(rng));
      // Redraw until the prior allows the move; after many failures the chosen particle itself (always allowed).
      for (let attempt = 0; attempt < 1000; attempt++) {
        const moved = transform(kernel.perturb(previous[drawIndex(rng, cumulative)].theta, rng));
        if (prior.density(moved) > 0) return moved;
      }
      return previous[drawIndex(rng, cumulative)].theta;
    };

    const kept: SmcSample[] = [];
    let simulated = 0;
    let within = 0;
    // Most proposals a generation may simulate before its acceptance rate is below the minimum.
    const cap = Math.min(Math.ceil(particles / minAcceptance), budget - spent);
    let rate = 1;
    while (kept.length < particles && simulated < cap) {
      const size = Math.min(cap - simulated, Math.ceil((particles - kept.length) / Math.max(rate, minAcceptance)));
      const batch: SmcProposal[] = [];
      for (let i = 0; i < size; i++) batch.push({ generation: t, index: simulated + i, theta: propose() });
      const distances = await evaluate(batch);
      if (distances.length !== batch.length) throw new Error('abcSmc: evaluate must give one distance per proposal');
      batch.forEach((proposal, i) => {
        const distance = Number.isNaN(distances[i]) ? Infinity : distances[i];
        const ok = Number.isFinite(distance) && distance <= tolerance;
        if (ok) within++;
        const keep = ok && kept.length < particles;
        const sample: SmcSample = { ...proposal, distance, kept: keep };
        samples.push(sample);
        if (keep) kept.push(sample);
      });
      simulated += size;
      // Rate so far, with one success added so that a batch without any does not stall the estimate at 0.
      rate = (within + 1) / (simulated + 1);
    }
    spent += simulated;
    const complete = kept.length === particles;
    const weights = kept.map((s) => (kernel ? prior.density(s.theta) / mixtureDensity(s.theta, previous, kernel) : 1));
    const total = weights.reduce((a, b) => a + b, 0);
    const generation: SmcGeneration = {
      generation: t,
      tolerance,
      simulated,
      withinTolerance: within,
      acceptanceRate: simulated > 0 ? within / simulated : 0,
      kept: kept.length,
      effectiveSize: effectiveSampleSize(weights),
      complete,
    };
    history.push(generation);
    input.onGeneration?.(generation);
    if (!complete) {
      if (t === 0) {
        throw new Error(
          `abcSmc: generation 0 kept ${kept.length} of ${particles} particles from ${simulated} draws (too few finite distances, or a budget below the particles)`,
        );
      }
      break;
    }
    population = kept.map((s, i) => ({ ...s, weight: weights[i] / total }));
    if (spent >= budget) break;
  }
  return { population, generations: history, samples };
}

/** Σ_j w_j K(θ | θ_j) over the previous population. */
function mixtureDensity(theta: ParameterVector, previous: readonly Particle[], kernel: GaussianKernel): number {
  let sum = 0;
  for (const p of previous) sum += p.weight * kernel.density(p.theta, theta);
  return sum;
}

/**
 * The weighted mean, standard deviation and central `level` range of each
 * parameter over a population (quantiles of the weighted distribution: the
 * smallest value whose cumulative weight reaches the quantile).
 */
export function summariseParticles(
  population: readonly Particle[],
  names: readonly string[],
  level = 0.9,
): { name: string; mean: number; sd: number; low: number; high: number; level: number }[] {
  if (population.length === 0) throw new Error('summariseParticles requires at least one particle');
  const total = population.reduce((sum, p) => sum + p.weight, 0);
  return names.map((name) => {
    let mean = 0;
    for (const p of population) mean += (p.weight / total) * p.theta[name];
    let variance = 0;
    for (const p of population) variance += (p.weight / total) * (p.theta[name] - mean) ** 2;
    const sorted = [...population].sort((a, b) => a.theta[name] - b.theta[name] || a.index - b.index);
    const at = (q: number) => {
      let cumulative = 0;
      for (const p of sorted) {
        cumulative += p.weight / total;
        if (cumulative >= q - 1e-12) return p.theta[name];
      }
      return sorted[sorted.length - 1].theta[name];
    };
    return { name, mean, sd: Math.sqrt(variance), low: at((1 - level) / 2), high: at((1 + level) / 2), level };
  });
}

/** `count` indices drawn from the population by weight (with replacement), for predictive draws. */
export function resampleIndices(population: readonly Particle[], count: number, rng: Rng): number[] {
  const cumulative = cumulate(population.map((p) => p.weight));
  return Array.from({ length: count }, () => drawIndex(rng, cumulative));
}

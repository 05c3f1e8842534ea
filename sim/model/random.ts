import alea from 'seedrandom/lib/alea.js';

/** A source of uniform numbers in [0, 1), as simple-statistics expects. */
export type Rng = () => number;

/**
 * A seeded stream (seedrandom's Alea generator: fast, and the same on every
 * platform). Streams are named by what they drive, so that two options
 * sharing a replicate seed draw the same numbers for the same purpose
 * (common random numbers) even when one option uses a rule the other skips.
 */
export function createStream(seed: string, purpose: string): Rng {
  return alea(`${seed}/${purpose}`);
}

/** The seed string of one replicate: every run of it, in any process, starts here. */
export function replicateSeed(scenarioSeed: number, replicate: number): string {
  return `migsim:${scenarioSeed}:${replicate}`;
}

/** Index drawn from cumulative weights (last entry = total). O(k). */
export function drawIndex(rng: Rng, cumulative: Float64Array): number {
  const u = rng() * cumulative[cumulative.length - 1];
  for (let i = 0; i < cumulative.length; i++) if (u < cumulative[i]) return i;
  return cumulative.length - 1;
}

/** Running sums of weights, for drawIndex. */
export function cumulate(weights: ArrayLike<number>): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  for (let i = 0; i < weights.length; i++) out[i] = sum += weights[i];
  return out;
}

/** A standard normal draw (Box–Muller; uses two uniforms). */
export function standardNormal(rng: Rng): number {
  const u = 1 - rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/** Days until an event of a Poisson process with mean interval `meanDays` (exponential draw). */
export function exponentialDays(rng: Rng, meanDays: number): number {
  return Math.max(1, Math.round(-Math.log(1 - rng()) * meanDays));
}

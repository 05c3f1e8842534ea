import type { Rng } from '../random.js';

/**
 * The expected least cost of a choice among options with costs `costs`,
 * when choices follow a logit with scale `scale` (the "logsum"): below the
 * cheapest cost, and smooth in every cost, so raising any cost raises it a
 * little and none ever stops counting. With scale 0 every option is equally
 * likely and the mean cost is returned.
 *
 *   E = −(1/λ) · ln Σ_k exp(−λ · c_k)
 *
 * Runs in O(k). Ben-Akiva & Lerman (1985), ch. 5.
 */
export function expectedLeastCost(costs: ArrayLike<number>, count: number, scale: number): number {
  if (scale <= 0) {
    let sum = 0;
    for (let k = 0; k < count; k++) sum += costs[k];
    return sum / count;
  }
  let least = Infinity;
  for (let k = 0; k < count; k++) if (costs[k] < least) least = costs[k];
  let sum = 0;
  for (let k = 0; k < count; k++) sum += Math.exp(-scale * (costs[k] - least));
  return least - Math.log(sum) / scale;
}

/**
 * Draws option k with probability exp(λ·u_k) / Σ_j exp(λ·u_j) (a
 * multinomial logit over utilities `utilities[from..from + count)`),
 * returning k counted from `from`. O(k). The weights overwrite the
 * utilities. McFadden (1974).
 */
export function chooseByLogit(utilities: Float64Array, count: number, scale: number, rng: Rng, from = 0): number {
  const to = from + count;
  let best = -Infinity;
  for (let k = from; k < to; k++) if (utilities[k] > best) best = utilities[k];
  let sum = 0;
  for (let k = from; k < to; k++) {
    // An option that is not open (−∞) has no chance, whatever the scale.
    const w = utilities[k] === -Infinity ? 0 : Math.exp(scale * (utilities[k] - best));
    utilities[k] = w;
    sum += w;
  }
  let u = rng() * sum;
  for (let k = from; k < to; k++) {
    u -= utilities[k];
    if (u < 0) return k - from;
  }
  return count - 1;
}

/**
 * The inclusive value of a nest of options (the expected greatest utility
 * of choosing among them by a logit of scale μ): (1/μ) · ln Σ_k exp(μ·u_k).
 * Options at −∞ do not count; −∞ when none is open. O(k).
 */
export function inclusiveValue(utilities: Float64Array, from: number, to: number, scale: number): number {
  let best = -Infinity;
  for (let k = from; k < to; k++) if (utilities[k] > best) best = utilities[k];
  if (best === -Infinity) return -Infinity;
  let sum = 0;
  for (let k = from; k < to; k++) if (utilities[k] !== -Infinity) sum += Math.exp(scale * (utilities[k] - best));
  return best + Math.log(sum) / scale;
}

/** The logistic function 1 / (1 + e^(−x)): the chance of the first of two options whose utilities differ by x. */
export function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

import { describe, expect, test } from 'vitest';
import { abcSmc, GaussianKernel, nextTolerance, summariseParticles, uniformPrior, type Prior, type SmcProposal } from '../../sim/calibrate/abcSmc.js';
import { createStream, standardNormal } from '../../sim/model/random.js';

// Toy model with a known posterior: n = 10 observations of N(μ, σ² = 1), a
// normal prior μ ~ N(0, 2²), observed mean 1.5. The sample mean is
// sufficient, so the model simulates it directly: x̄ ~ N(μ, σ²/n).
// Posterior: precision 1/4 + 10 = 10.25, mean (10 × 1.5) / 10.25 = 1.4634,
// sd 1/√10.25 = 0.3123.
const N_OBS = 10;
const OBSERVED = 1.5;
const PRIOR_SD = 2;
const POSTERIOR_MEAN = (N_OBS * OBSERVED) / (1 / PRIOR_SD ** 2 + N_OBS);
const POSTERIOR_SD = 1 / Math.sqrt(1 / PRIOR_SD ** 2 + N_OBS);

const normalPrior: Prior = {
  names: ['mu'],
  draw: (rng) => ({ mu: PRIOR_SD * standardNormal(rng) }),
  density: ({ mu }) => Math.exp(-0.5 * (mu / PRIOR_SD) ** 2),
};

/** The simulated sample mean of one proposal, from a stream of its own: the distance does not depend on the batch or the order. */
function distanceOf(p: SmcProposal, seed: string): number {
  const rng = createStream(seed, `toy:${p.generation}:${p.index}`);
  const mean = p.theta.mu + standardNormal(rng) / Math.sqrt(N_OBS);
  return Math.abs(mean - OBSERVED);
}

function runToy(seed: string, order: 'forward' | 'reverse', particles = 1000) {
  return abcSmc({
    prior: normalPrior,
    settings: { particles, generations: 7, quantile: 0.5, minAcceptance: 0.01 },
    rng: createStream(seed, 'smc'),
    // 'reverse' evaluates a batch back to front, as a pool of workers might finish it.
    evaluate: async (batch) => {
      const ordered = order === 'forward' ? batch.map((p, i) => i) : batch.map((p, i) => batch.length - 1 - i);
      const out = new Array<number>(batch.length);
      for (const i of ordered) out[i] = distanceOf(batch[i], seed);
      return out;
    },
  });
}

describe('abcSmc on a normal mean with a normal prior', () => {
  test('matches the analytic posterior mean and sd with 1,000 particles', async () => {
    const result = await runToy('toy-posterior', 'forward');
    const [mu] = summariseParticles(result.population, ['mu']);
    // Documented tolerances: the final tolerance (about 0.05 after 7
    // generations) adds about ε²/3 to the variance, under 1% of the sd; with
    // an effective sample size of about 900 the standard error of the mean is
    // about 0.01 and of the sd about 0.007. Mean within 0.05 (≈ 5 standard
    // errors), sd within 10% (≈ 4 standard errors).
    expect(result.generations.every((g) => g.complete)).toBe(true);
    expect(result.population).toHaveLength(1000);
    expect(Math.abs(mu.mean - POSTERIOR_MEAN)).toBeLessThan(0.05);
    expect(Math.abs(mu.sd - POSTERIOR_SD) / POSTERIOR_SD).toBeLessThan(0.1);
    // Far narrower than the prior: the generations did their work.
    expect(mu.sd).toBeLessThan(PRIOR_SD / 4);
  });

  test('lowers the tolerance at every generation, and acceptance falls as it does', async () => {
    const { generations } = await runToy('toy-tolerance', 'forward', 300);
    expect(generations).toHaveLength(7);
    expect(generations[0].tolerance).toBe(Infinity);
    for (let t = 2; t < generations.length; t++) {
      expect(generations[t].tolerance).toBeLessThan(generations[t - 1].tolerance);
    }
    expect(generations[generations.length - 1].acceptanceRate).toBeLessThan(generations[1].acceptanceRate);
  });

  test('gives identical results for the same seed, whatever the order of evaluation', async () => {
    const a = await runToy('toy-same', 'forward', 200);
    const b = await runToy('toy-same', 'reverse', 200);
    expect(b).toEqual(a);
    const c = await runToy('toy-other', 'forward', 200);
    expect(c.population.map((p) => p.theta.mu)).not.toEqual(a.population.map((p) => p.theta.mu));
  });

  test('stops when a generation\'s acceptance rate falls below the minimum, keeping the last complete generation', async () => {
    // A distance that no proposal can reach after the first generation: 0 except for generation 0.
    const result = await abcSmc({
      prior: uniformPrior({ x: [0, 1] }),
      settings: { particles: 20, generations: 5, quantile: 0.5, minAcceptance: 0.25 },
      rng: createStream('stop', 'smc'),
      evaluate: async (batch) => batch.map((p) => (p.generation === 0 ? p.theta.x : 1 + p.theta.x)),
    });
    expect(result.generations).toHaveLength(2);
    expect(result.generations[1].complete).toBe(false);
    expect(result.generations[1].simulated).toBe(80); // 20 / 0.25
    expect(result.population.every((p) => p.generation === 0)).toBe(true);
  });
});

describe('pieces of abcSmc', () => {
  test('nextTolerance is the quantile of the distances and never rises', () => {
    expect(nextTolerance([4, 1, 3, 2, 5], 0.5, Infinity)).toBe(3);
    expect(nextTolerance([1, 2], 0.25, Infinity)).toBe(1.25);
    expect(nextTolerance([4, 5, 6], 0.5, 4.5)).toBe(4.5);
  });

  test('the kernel has twice the weighted covariance of the population', () => {
    // Two points with equal weight: variance of x is 1 (±1 around 0), so the kernel's is 2.
    const kernel = new GaussianKernel(
      [
        { theta: { x: -1, y: 0 }, weight: 0.5 },
        { theta: { x: 1, y: 0 }, weight: 0.5 },
      ],
      ['x', 'y'],
      [1e-12, 1e-6],
    );
    const rng = createStream('kernel', 'test');
    const moves = Array.from({ length: 20_000 }, () => kernel.perturb({ x: 0, y: 0 }, rng));
    const variance = moves.reduce((s, m) => s + m.x * m.x, 0) / moves.length;
    expect(variance).toBeGreaterThan(1.9);
    expect(variance).toBeLessThan(2.1);
    // y does not vary: its kernel sd is the floor's, 1e-3.
    expect(Math.max(...moves.map((m) => Math.abs(m.y)))).toBeLessThan(0.01);
    // Density: exp(−½ × x² / 2) relative to no move.
    expect(kernel.density({ x: 0, y: 0 }, { x: 2, y: 0 })).toBeCloseTo(Math.exp(-1), 10);
  });

  test('the weighted summary gives the weighted mean and sd', () => {
    const particles = [0, 1, 2].map((x, index) => ({ generation: 1, index, theta: { x }, distance: 0, kept: true, weight: [0.25, 0.5, 0.25][index] }));
    const [x] = summariseParticles(particles, ['x'], 0.5);
    expect(x.mean).toBe(1);
    expect(x.sd).toBeCloseTo(Math.sqrt(0.5), 12);
    expect([x.low, x.high]).toEqual([0, 1]); // cumulative weights 0.25, 0.75, 1: the 0.25 quantile is 0, the 0.75 quantile 1
  });
});

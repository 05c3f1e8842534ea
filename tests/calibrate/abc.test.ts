import { describe, expect, test } from 'vitest';
import { abcRejection, acceptNearest, drawFromPrior, summarisePosterior } from '../../sim/calibrate/abc.js';
import { createStream, type Rng } from '../../sim/model/random.js';

/** Successes in n Bernoulli(p) trials. */
function successes(p: number, n: number, rng: Rng): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (rng() < p) k++;
  return k;
}

describe('abcRejection', () => {
  test('recovers the Beta(4, 8) posterior of a Bernoulli rate from 3 successes in 10 trials under a uniform prior', () => {
    // Exact ABC: every accepted draw reproduced the data (distance 0), so the
    // accepted draws are a sample of the exact posterior Beta(k + 1, n − k + 1).
    const rng = createStream('test', 'abc-beta');
    const result = abcRejection({
      ranges: { p: [0, 1] },
      budget: 20_000,
      acceptShare: 0.05,
      rng,
      distance: ({ p }) => Math.abs(successes(p, 10, rng) - 3),
    });
    expect(result.accepted).toHaveLength(1000);
    expect(result.epsilon).toBe(0);
    const [p] = result.posterior;
    expect(p.name).toBe('p');
    expect(Math.abs(p.mean - 4 / 12)).toBeLessThan(0.015); // Beta(4, 8) mean 1/3; standard error ≈ 0.004
    // Beta(4, 8) quantiles (R: qbeta(c(0.05, 0.95), 4, 8)): 0.1296, 0.5641.
    expect(Math.abs(p.low - 0.1296)).toBeLessThan(0.03);
    expect(Math.abs(p.high - 0.5641)).toBeLessThan(0.03);
  });

  test('recovers both parameters of a toy model with a known answer', () => {
    // y1 = a + b, y2 = a − b with a little noise; observed (5, 1) → a = 3, b = 2.
    const rng = createStream('test', 'abc-toy');
    const noise = () => (rng() - 0.5) * 0.2;
    const result = abcRejection({
      ranges: { a: [0, 10], b: [0, 10] },
      budget: 5000,
      acceptShare: 0.01,
      rng,
      distance: ({ a, b }) => (a + b + noise() - 5) ** 2 + (a - b + noise() - 1) ** 2,
    });
    const byName = Object.fromEntries(result.posterior.map((p) => [p.name, p]));
    expect(Math.abs(byName.a.mean - 3)).toBeLessThan(0.2);
    expect(Math.abs(byName.b.mean - 2)).toBeLessThan(0.2);
    expect(byName.a.low).toBeLessThan(3);
    expect(byName.a.high).toBeGreaterThan(3);
  });

  test('gives the same result for the same seed', () => {
    const run = () =>
      abcRejection({ ranges: { x: [0, 1] }, budget: 50, acceptShare: 0.1, rng: createStream('same', 'abc'), distance: ({ x }) => Math.abs(x - 0.5) });
    expect(run()).toEqual(run());
  });
});

describe('drawFromPrior', () => {
  test('draws within each range, in the ranges\' key order', () => {
    const draws = drawFromPrior({ rate: [0.005, 0.05], share: [0.2, 0.9] }, 200, createStream('test', 'prior'));
    expect(draws).toHaveLength(200);
    for (const d of draws) {
      expect(Object.keys(d)).toEqual(['rate', 'share']);
      expect(d.rate).toBeGreaterThanOrEqual(0.005);
      expect(d.rate).toBeLessThan(0.05);
      expect(d.share).toBeGreaterThanOrEqual(0.2);
      expect(d.share).toBeLessThan(0.9);
    }
  });

  test('rejects a range whose low is above its high', () => {
    expect(() => drawFromPrior({ x: [2, 1] }, 1, createStream('test', 'prior'))).toThrow('drawFromPrior requires low ≤ high for x');
  });
});

describe('acceptNearest', () => {
  const sample = (index: number, distance: number) => ({ index, theta: { x: index }, distance });

  test('keeps the nearest share, breaking ties by the order of drawing', () => {
    const samples = [sample(0, 3), sample(1, 1), sample(2, 2), sample(3, 1), sample(4, 5)];
    const { accepted, epsilon } = acceptNearest(samples, 0.6);
    expect(accepted.map((s) => s.index)).toEqual([1, 3, 2]);
    expect(epsilon).toBe(2);
  });

  test('never accepts a sample whose statistics are not defined', () => {
    const { accepted } = acceptNearest([sample(0, Infinity), sample(1, 4), sample(2, Infinity)], 1);
    expect(accepted.map((s) => s.index)).toEqual([1]);
    expect(() => acceptNearest([sample(0, Infinity)], 0.5)).toThrow('at least one sample with a finite distance');
  });

  test('keeps at least one sample', () => {
    expect(acceptNearest([sample(0, 2), sample(1, 1)], 0.01).accepted.map((s) => s.index)).toEqual([1]);
  });
});

describe('summarisePosterior', () => {
  test('gives the mean and the central range of the accepted values', () => {
    const accepted = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((x, index) => ({ index, theta: { x }, distance: 0 }));
    const [x] = summarisePosterior(accepted, { x: [0, 10] }, 0.8);
    expect(x.mean).toBe(4.5);
    // Type 7 quantiles (R's default): quantile(0:9, c(0.1, 0.9)) = 0.9, 8.1.
    expect(x.low).toBeCloseTo(0.9, 10);
    expect(x.high).toBeCloseTo(8.1, 10);
    expect(x.prior).toEqual([0, 10]);
  });
});

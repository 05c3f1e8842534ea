import { describe, expect, it } from 'vitest';
import { saltelliSample } from '../../analysis/sensitivity/saltelliSample.js';
import { sobolIndices, type SobolIndex } from '../../analysis/sensitivity/sobolIndices.js';
import { createStream } from '../../sim/model/random.js';
import { ishigami, ishigamiIndices, sobolG, sobolGIndices } from './testFunctions.js';

/**
 * Sample sizes: n = 4096 base rows (a power of 2), so n · (d + 2) model
 * evaluations: 20,480 for Ishigami (d = 3) and 40,960 for G (d = 8). At this
 * size every analytical index falls inside its 95% bootstrap interval; the
 * widest intervals are about ±0.04 (Ishigami S_T1) and the largest error
 * about 0.002.
 */
const N = 4096;

function expectInside(estimates: readonly SobolIndex[], truth: { first: number[]; total: number[] }): void {
  estimates.forEach((s, i) => {
    expect(truth.first[i], `S_${i + 1}`).toBeGreaterThanOrEqual(s.firstLow);
    expect(truth.first[i], `S_${i + 1}`).toBeLessThanOrEqual(s.firstHigh);
    expect(truth.total[i], `S_T${i + 1}`).toBeGreaterThanOrEqual(s.totalLow);
    expect(truth.total[i], `S_T${i + 1}`).toBeLessThanOrEqual(s.totalHigh);
  });
}

describe('sobolIndices on a Saltelli sample', () => {
  it(`recovers the Ishigami function's analytical indices within their intervals (n = ${N})`, () => {
    const y = saltelliSample(N, 3).map(ishigami);
    const estimates = sobolIndices(y, 3, createStream('ishigami', 'bootstrap'));
    const truth = ishigamiIndices();
    expectInside(estimates, truth);
    estimates.forEach((s, i) => {
      expect(Math.abs(s.first - truth.first[i])).toBeLessThan(0.03);
      expect(Math.abs(s.total - truth.total[i])).toBeLessThan(0.03);
    });
    // x3 acts only through its interaction with x1: no first-order effect, a clear total one.
    expect(estimates[2].firstLow).toBeLessThan(0);
    expect(estimates[2].totalLow).toBeGreaterThan(0.2);
  });

  it(`recovers the Sobol G function's analytical indices within their intervals (8 parameters, n = ${N})`, () => {
    const y = saltelliSample(N, 8).map(sobolG);
    const estimates = sobolIndices(y, 8, createStream('g', 'bootstrap'));
    const truth = sobolGIndices();
    expectInside(estimates, truth);
    // The order of importance follows the coefficients a = 0, 1, 4.5, 9, 99…
    for (let i = 0; i < 3; i++) expect(estimates[i].total).toBeGreaterThan(estimates[i + 1].total);
  });

  it('gives the same intervals for the same stream (no hidden randomness)', () => {
    const y = saltelliSample(64, 3).map(ishigami);
    expect(sobolIndices(y, 3, createStream('s', 'b'), 200)).toEqual(sobolIndices(y, 3, createStream('s', 'b'), 200));
  });

  it('gives NaN indices for an output that never changes, and rejects a sample of the wrong length', () => {
    const y = new Array(5 * 16).fill(3);
    expect(sobolIndices(y, 3, createStream('s', 'b'), 10)[0].total).toBeNaN();
    expect(() => sobolIndices([1, 2, 3], 3, createStream('s', 'b'))).toThrow(/n · \(d \+ 2\)/);
  });

  it('lays out each block as A, A_B^(1..d), B', () => {
    const points = saltelliSample(4, 2);
    expect(points).toHaveLength(16);
    const [a, ab1, ab2, b] = points.slice(4, 8);
    expect(ab1).toEqual([b[0], a[1]]);
    expect(ab2).toEqual([a[0], b[1]]);
  });
});

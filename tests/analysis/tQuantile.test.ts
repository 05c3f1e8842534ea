import { describe, expect, it } from 'vitest';
import { tQuantile } from '../../analysis/tQuantile.js';
import { tTailProbability } from '../../analysis/tTailProbability.js';

// Reference values from R's qt(p, df).
const R_QUANTILES: [p: number, df: number, expected: number][] = [
  [0.975, 1, 12.7062047362],
  [0.975, 2, 4.30265272975],
  [0.975, 4, 2.7764451052],
  [0.975, 9, 2.2621571628],
  [0.975, 19, 2.09302405441],
  [0.975, 29, 2.04522964213],
  [0.975, 1000, 1.96233908082],
  [0.95, 10, 1.81246112281],
];

describe('tQuantile', () => {
  it.each(R_QUANTILES)('matches R: qt(%s, %s) = %s', (p, df, expected) => {
    expect(Math.abs(tQuantile(p, df) - expected)).toBeLessThan(1e-9);
  });

  it('is symmetric about zero', () => {
    for (const df of [1, 3, 7.5, 40]) {
      expect(tQuantile(0.025, df)).toBeCloseTo(-tQuantile(0.975, df), 12);
    }
    expect(tQuantile(0.5, 5)).toBe(0);
  });

  it('inverts the distribution function, also for fractional degrees of freedom and far tails', () => {
    for (const df of [1.5, 3, 7.25, 63.7, 500]) {
      for (const p of [0.6, 0.9, 0.975, 0.999, 1 - 1e-9]) {
        const t = tQuantile(p, df);
        expect(Math.abs(tTailProbability(t, df) - (1 - p)) / (1 - p)).toBeLessThan(1e-9);
      }
    }
  });

  it('stays accurate for very many degrees of freedom, where it nears the normal quantile', () => {
    // scipy.stats.t.ppf(0.975, 1e6)
    expect(Math.abs(tQuantile(0.975, 1e6) - 1.959966356814107)).toBeLessThan(1e-8);
  });

  it('gives infinite quantiles at probabilities 0 and 1', () => {
    expect(tQuantile(1, 4)).toBe(Infinity);
    expect(tQuantile(0, 4)).toBe(-Infinity);
  });

  it('rejects probabilities outside [0, 1] and non-positive degrees of freedom', () => {
    expect(() => tQuantile(1.2, 4)).toThrow('tQuantile requires a probability between 0 and 1');
    expect(() => tQuantile(NaN, 4)).toThrow('tQuantile requires a probability between 0 and 1');
    expect(() => tQuantile(0.9, 0)).toThrow('tQuantile requires finite positive degrees of freedom');
  });
});

import { describe, expect, it } from 'vitest';
import { compareOptions } from '../../analysis/compareOptions.js';
import { welchInterval } from '../../analysis/welchInterval.js';
import { INDICATORS } from '../../sim/model/indicators.js';
import { runFromWeeks, seededUniform } from './syntheticRuns.js';

describe('compareOptions', () => {
  it('pairs runs by replicate index, not by the order they arrive in', () => {
    const runs = [
      runFromWeeks('base', 0, [{}, { abroad: 100 }]),
      runFromWeeks('base', 1, [{}, { abroad: 200 }]),
      runFromWeeks('reform', 1, [{}, { abroad: 210 }]),
      runFromWeeks('reform', 0, [{}, { abroad: 110 }]),
    ];
    const abroad = compareOptions(runs, ['base', 'reform']).find((row) => row.indicator === 'abroad');
    // Each pair differs by exactly 10, so there is no spread at all.
    expect(abroad).toEqual({ option: 'reform', baseline: 'base', place: 'all', indicator: 'abroad', mean_diff: 10, ci_low: 10, ci_high: 10, n: 2 });
  });

  it('compares every later option with the first, in option order then indicator order', () => {
    const runs = ['a', 'b', 'c'].flatMap((option) => [0, 1].map((replicate) => runFromWeeks(option, replicate, [{}, {}])));
    const rows = compareOptions(runs, ['c', 'a', 'b']);
    expect(rows).toHaveLength(2 * INDICATORS.length);
    expect(rows[0]).toMatchObject({ option: 'a', baseline: 'c', indicator: INDICATORS[0].name });
    expect(rows[INDICATORS.length]).toMatchObject({ option: 'b', baseline: 'c' });
  });

  it('pairs only replicates present under both options and reports how many', () => {
    const runs = [
      runFromWeeks('base', 0, [{}, { legal: 1 }]),
      runFromWeeks('base', 1, [{}, { legal: 2 }]),
      runFromWeeks('base', 2, [{}, { legal: 3 }]),
      runFromWeeks('reform', 0, [{}, { legal: 5 }]),
      runFromWeeks('reform', 2, [{}, { legal: 9 }]),
    ];
    const legal = compareOptions(runs, ['base', 'reform']).find((row) => row.indicator === 'legal');
    expect(legal?.n).toBe(2);
    expect(legal?.mean_diff).toBe(5);
  });

  it('gives a much narrower paired interval than the unpaired Welch interval on common random numbers', () => {
    // Replicates share most of their variation (as with common random
    // numbers); the option adds 5 plus a little noise of its own.
    const shared = seededUniform(11);
    const own = seededUniform(23);
    const baseline: number[] = [];
    const reform: number[] = [];
    const runs = [];
    for (let replicate = 0; replicate < 20; replicate++) {
      const common = 1000 + 100 * (shared() - 0.5);
      baseline.push(common);
      reform.push(common + 5 + (own() - 0.5));
      runs.push(runFromWeeks('baseline', replicate, [{}, { abroad: baseline[replicate] }]));
      runs.push(runFromWeeks('reform', replicate, [{}, { abroad: reform[replicate] }]));
    }
    const paired = compareOptions(runs, ['baseline', 'reform']).find((row) => row.indicator === 'abroad');
    const unpaired = welchInterval(reform, baseline);
    if (paired === undefined) throw new Error('no abroad row');

    expect(paired.mean_diff).toBeCloseTo(unpaired.mean_diff, 9);
    expect(paired.ci_high - paired.ci_low).toBeLessThan((unpaired.ci_high - unpaired.ci_low) / 10);
    // Pairing resolves the effect; the unpaired interval cannot tell it from zero.
    expect(paired.ci_low).toBeGreaterThan(0);
    expect(unpaired.ci_low).toBeLessThan(0);
  });
});

describe('welchInterval', () => {
  it('gives the Welch interval of two samples with unequal variances', () => {
    // Same as R's t.test(c(1, 2, 3, 4, 5), c(2, 4, 6, 8, 10, 12)): df 6.9723, interval -7.9835 to -0.0165.
    const result = welchInterval([1, 2, 3, 4, 5], [2, 4, 6, 8, 10, 12]);
    expect(result.mean_diff).toBe(-4);
    expect(result.df).toBeCloseTo(6.972256, 5);
    expect(result.ci_low).toBeCloseTo(-7.983469, 5);
    expect(result.ci_high).toBeCloseTo(-0.016531, 5);
  });

  it('rejects samples of fewer than two values', () => {
    expect(() => welchInterval([1], [2, 3])).toThrow('welchInterval requires at least two values in each sample');
  });
});

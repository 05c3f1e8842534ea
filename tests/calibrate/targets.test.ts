import { describe, expect, test } from 'vitest';
import { horizonMean, horizonRatio, horizonTotal, horizonYears } from '../../sim/calibrate/horizonStatistics.js';
import {
  CALIBRATED_BASES,
  distanceFromTargets,
  normalisedSquaredError,
  targetsFor,
  withinTolerance,
  type CalibrationTarget,
} from '../../sim/calibrate/targets.js';
import type { IndicatorName, IndicatorTable } from '../../sim/model/indicators.js';
import { runFromWeeks } from '../analysis/syntheticRuns.js';

/** A table of `weeks` + 1 rows (week 0 first), each row from `row(week)`. */
function table(weeks: number, row: (week: number) => Partial<Record<IndicatorName, number>>): IndicatorTable {
  return runFromWeeks('x', 0, Array.from({ length: weeks + 1 }, (_, w) => row(w))).table;
}

function target(base: string, name: string): CalibrationTarget {
  const found = targetsFor(base)?.targets.find((t) => t.name === name);
  if (!found) throw new Error(`no target ${name} for ${base}`);
  return found;
}

describe('horizon statistics', () => {
  // Week 0 (the initial state) is left out of every statistic.
  const t = table(4, (w) => (w === 0 ? { abroad: 1e9, removals: 1e9 } : { abroad: 100 * w, legal: 10, removals: 2 }));

  test('leave week 0 out of means and totals', () => {
    expect(horizonMean(t, 'abroad')).toBe(250);
    expect(horizonTotal(t, 'removals')).toBe(8);
    expect(horizonYears(t)).toBe(4 / 52);
  });

  test('take a ratio of means, not a mean of weekly ratios', () => {
    expect(horizonRatio(t, 'legal', 'abroad')).toBe(10 / 250);
    expect(horizonRatio(t, 'legal', ['abroad', 'legal'])).toBe(10 / 260);
    expect(horizonRatio(t, 'abroad', 'detained')).toBeNaN();
  });
});

describe('kazakhstan-2008 targets', () => {
  const params = { 'quota.low_skill_share': 0.5 };

  test('legal share is legal over abroad over the horizon', () => {
    const t = table(3, (w) => ({ abroad: [0, 100, 200, 300][w], legal: [50, 5, 10, 15][w] }));
    expect(target('kazakhstan-2008', 'legal_share').statistic(t, params)).toBeCloseTo(30 / 600, 12);
  });

  test('informal work share is informal over all employed', () => {
    const t = table(2, () => ({ employed_formal: 10, employed_informal: 90 }));
    expect(target('kazakhstan-2008', 'informal_work_share').statistic(t, params)).toBeCloseTo(0.9, 12);
  });

  test('quota utilisation is permits per year over the open part of the quota', () => {
    // Two years, 2 permits a week: 104 a year, of an open quota of 200 × 0.5 = 100.
    const t = table(104, () => ({ permits_issued: 2, quota: 200 }));
    expect(target('kazakhstan-2008', 'quota_utilisation').statistic(t, params)).toBeCloseTo(1.04, 12);
  });

  test('quota utilisation is not defined without a quota', () => {
    const t = table(52, () => ({ permits_issued: 2, quota: NaN }));
    expect(target('kazakhstan-2008', 'quota_utilisation').statistic(t, params)).toBeNaN();
  });

  test('removal rate is removals per year over the mean stock abroad', () => {
    // Half a year, 5 removals a week (260 a year), 13,000 abroad.
    const t = table(26, () => ({ removals: 5, abroad: 13_000 }));
    expect(target('kazakhstan-2008', 'removal_rate').statistic(t, params)).toBeCloseTo(0.02, 12);
  });

  test('source values and bands follow from the cited figures', () => {
    const legal = target('kazakhstan-2008', 'legal_share');
    expect(legal.sourceValue).toBeCloseTo(40_000 / 1_040_000, 12);
    expect(legal.tolerance.low).toBeCloseTo(40_000 / 2_040_000, 12);
    expect(legal.tolerance.high).toBeCloseTo(40_000 / 540_000, 12);
    expect(target('kazakhstan-2008', 'quota_utilisation').sourceValue).toBe(0.73);
    const removal = target('kazakhstan-2008', 'removal_rate');
    expect(removal.sourceValue).toBeCloseTo(19_756 / 1e6, 12);
    expect([removal.tolerance.low, removal.tolerance.high]).toEqual([19_756 / 2e6, 19_756 / 5e5]);
  });
});

describe('russia-2025 targets', () => {
  test('registry share is listed over abroad over the horizon', () => {
    const t = table(2, () => ({ on_registry: 21, abroad: 100 }));
    expect(target('russia-2025', 'registry_share').statistic(t, {})).toBeCloseTo(0.21, 12);
    expect(target('russia-2025', 'registry_share').sourceValue).toBeCloseTo(770 / 3670, 12);
  });
});

describe.each(CALIBRATED_BASES)('every target of %s', (base) => {
  test('cites a source, and its band contains the source value', () => {
    for (const t of targetsFor(base)!.targets) {
      expect(t.source, t.name).toMatch(/\d{3} L\d|regimes [A-Z]+\d/);
      expect(t.tolerance.low, t.name).toBeLessThan(t.sourceValue);
      expect(t.tolerance.high, t.name).toBeGreaterThan(t.sourceValue);
      expect(t.tolerance.note, t.name).toMatch(/assumption|range/);
    }
  });
});

describe('distance', () => {
  const t = target('kazakhstan-2008', 'quota_utilisation'); // 0.73 ± 0.1

  test('is 0 on the source value and 1 at either edge of the band', () => {
    expect(normalisedSquaredError(t, 0.73)).toBe(0);
    expect(normalisedSquaredError(t, 0.83)).toBeCloseTo(1, 12);
    expect(normalisedSquaredError(t, 0.63)).toBeCloseTo(1, 12);
    expect(normalisedSquaredError(t, 0.93)).toBeCloseTo(4, 12);
  });

  test('uses the half-width on the side of the miss for a lopsided band', () => {
    const legal = target('kazakhstan-2008', 'legal_share');
    expect(normalisedSquaredError(legal, legal.tolerance.high)).toBeCloseTo(1, 12);
    expect(normalisedSquaredError(legal, legal.tolerance.low)).toBeCloseTo(1, 12);
  });

  test('is infinite for a statistic that is not defined', () => {
    expect(normalisedSquaredError(t, NaN)).toBe(Infinity);
    expect(withinTolerance(t, NaN)).toBe(false);
  });

  test('averages over targets', () => {
    const targets = targetsFor('kazakhstan-2008')!.targets;
    const values = targets.map((x) => x.sourceValue);
    expect(distanceFromTargets(targets, values)).toBe(0);
    values[targets.indexOf(t)] = 0.93;
    expect(distanceFromTargets(targets, values)).toBeCloseTo(4 / targets.length, 12);
  });
});

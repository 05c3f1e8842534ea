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
import { runFromWeeks, tableByPlace } from '../analysis/syntheticRuns.js';
import { resolveShippedBase } from '../../sim/scenario/loadScenarioFile.js';

/** A shipped base resolved as a scenario. */
const loadBase = (name: string) => resolveShippedBase(name);

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

  test('legal workers per quota place are formal workers over the open quota, over the horizon', () => {
    // Open quota 200 × 0.5 = 100; formal workers 40, 60, 80 → mean 60.
    const t = table(3, (w) => ({ employed_formal: [999, 40, 60, 80][w], quota: 200 }));
    expect(target('kazakhstan-2008', 'legal_workers_per_quota').statistic(t, params)).toBeCloseTo(0.6, 12);
  });

  test('legal workers per quota place take the 2009 count against the 2009 quota, not the 2008 one', () => {
    const legal = target('kazakhstan-2008', 'legal_workers_per_quota');
    expect(legal.sourceValue).toBeCloseTo(40_000 / 65_000, 12);
    expect(legal.source).toBe('003 L1396–1397');
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

  test('quota targets are not defined without a quota', () => {
    const t = table(52, () => ({ permits_issued: 2, employed_formal: 5, quota: NaN }));
    expect(target('kazakhstan-2008', 'quota_utilisation').statistic(t, params)).toBeNaN();
    expect(target('kazakhstan-2008', 'legal_workers_per_quota').statistic(t, params)).toBeNaN();
  });

  test('the irregular stock is the mean number abroad without legal status', () => {
    const t = table(2, (w) => ({ irregular: [0, 900_000, 1_100_000][w] }));
    expect(target('kazakhstan-2008', 'irregular_stock').statistic(t, params)).toBe(1_000_000);
  });

  test('removals per year are the horizon\'s removals over its length in years', () => {
    // Half a year, 500 removals a week: 26,000 a year.
    const t = table(26, () => ({ removals: 500 }));
    expect(target('kazakhstan-2008', 'removals_per_year').statistic(t, params)).toBeCloseTo(26_000, 9);
  });

  test('source values and bands follow from the cited figures', () => {
    expect(target('kazakhstan-2008', 'quota_utilisation').sourceValue).toBe(0.73);
    const stock = target('kazakhstan-2008', 'irregular_stock');
    expect([stock.tolerance.low, stock.sourceValue, stock.tolerance.high]).toEqual([500_000, 1_000_000, 2_000_000]);
    const removals = target('kazakhstan-2008', 'removals_per_year');
    expect(removals.sourceValue).toBe(19_756);
    expect([removals.tolerance.low, removals.tolerance.high]).toEqual([9_878, 29_634]);
  });

  test('counts in people are targets only where the population is calibrated', () => {
    const uncertain = Object.keys(loadBase('kazakhstan-2008').uncertain);
    expect(uncertain).toContain('population.potential_migrants');
  });
});

describe('russia-2025 targets', () => {
  test('registry share is listed over abroad over the horizon', () => {
    const t = table(2, () => ({ on_registry: 21, abroad: 100 }));
    expect(target('russia-2025', 'registry_share').statistic(t, {})).toBeCloseTo(0.21, 12);
    expect(target('russia-2025', 'registry_share').sourceValue).toBeCloseTo(770 / 3670, 12);
  });

  test('the stock abroad is the mean number abroad, and the population is calibrated', () => {
    const t = table(2, () => ({ abroad: 3_000_000 }));
    expect(target('russia-2025', 'stock_abroad').statistic(t, {})).toBe(3_000_000);
    expect(target('russia-2025', 'stock_abroad').sourceValue).toBe(3_670_000);
    expect(Object.keys(loadBase('russia-2025').uncertain)).toContain('population.potential_migrants');
  });
});

describe('central-asia-2025 targets', () => {
  // Russia and Kazakhstan in one world: each target reads its own country's column, not `all`.
  const week = {
    all: { abroad: 4_000_000, on_registry: 700_000, employed_formal: 1_500_000, employed_informal: 2_000_000, permits_issued: 30_000 },
    russia: { abroad: 3_600_000, on_registry: 700_000, employed_formal: 1_300_000, employed_informal: 1_950_000, permits_issued: 24_000 },
    kazakhstan: { abroad: 400_000, employed_formal: 200_000, employed_informal: 50_000, permits_issued: 6_000 },
  };
  const t = tableByPlace(Array.from({ length: 53 }, () => week));

  test('the Russian targets measure Russia alone', () => {
    expect(target('central-asia-2025', 'informal_work_share_russia').statistic(t, {})).toBeCloseTo(1_950 / 3_250, 12);
    expect(target('central-asia-2025', 'registry_share_russia').statistic(t, {})).toBeCloseTo(700 / 3_600, 12);
    expect(target('central-asia-2025', 'stock_abroad_russia').statistic(t, {})).toBe(3_600_000);
    expect(target('central-asia-2025', 'stock_abroad_russia').sourceValue).toBe(target('russia-2025', 'stock_abroad').sourceValue);
  });

  test('the Kazakh targets measure Kazakhstan alone: its stock, and household permits a year', () => {
    expect(target('central-asia-2025', 'stock_kazakhstan').statistic(t, {})).toBe(400_000);
    expect(target('central-asia-2025', 'stock_kazakhstan').sourceValue).toBe(422_700);
    // 6,000 a week for a year.
    expect(target('central-asia-2025', 'household_permits_per_year').statistic(t, {})).toBeCloseTo(312_000, 6);
    expect(target('central-asia-2025', 'household_permits_per_year').sourceValue).toBe(295_261);
  });

  test('a statistic of a country the run does not have is an error, not a zero', () => {
    const one = table(2, () => ({ abroad: 1 }));
    expect(() => target('central-asia-2025', 'stock_kazakhstan').statistic(one, {})).toThrow(/no place "kazakhstan"/);
  });

  test('counts in people are targets only where the population is calibrated', () => {
    expect(Object.keys(loadBase('central-asia-2025').uncertain)).toContain('population.potential_migrants');
  });
});

describe.each(CALIBRATED_BASES)('every target of %s', (base) => {
  test('cites a source, and its band contains the source value', () => {
    for (const t of targetsFor(base)!.targets) {
      expect(t.source, t.name).toMatch(/\d{3} L\d|regimes [A-Z]+\d/);
      expect(t.tolerance.low, t.name).toBeLessThan(t.sourceValue);
      expect(t.tolerance.high, t.name).toBeGreaterThan(t.sourceValue);
      expect(t.tolerance.note, t.name).toMatch(/assumption|range/);
      expect(t.whenMissed.length, t.name).toBeGreaterThan(20);
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
    const stock = target('kazakhstan-2008', 'irregular_stock');
    expect(normalisedSquaredError(stock, stock.tolerance.high)).toBeCloseTo(1, 12);
    expect(normalisedSquaredError(stock, stock.tolerance.low)).toBeCloseTo(1, 12);
    expect(normalisedSquaredError(stock, 1_500_000)).toBeCloseTo(0.25, 12);
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

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorName } from '../../sim/model/indicators.js';
import { baseOption, optionInput, REPO_ROOT, scaleFor, valueAt } from '../helpers/model.js';
import { simulateInChild, type FinishedRun } from '../helpers/simulateInChild.js';

/**
 * A steady start: in every shipped base run as it is (no events), the
 * stocks the horizon reports stay where they start. For each base, 20
 * seeds run 10 years at about 4,000 agents, after the base's own burn-in.
 *
 * What is compared: the mean over the seeds of each stock, averaged over
 * the first quarter of each year (weeks 52k to 52k + 12), against the same
 * for the first quarter of the horizon (weeks 0 to 12, from the state at
 * the start). The mean over seeds, not each seed: one agent stands for
 * hundreds of people at this scale, and a single run's stocks wander by
 * more than 5%. A quarter rather than the single week: at this scale the
 * mean debt rests on a few hundred indebted migrants, and legal status in
 * Kazakhstan on the permits issued as the quota year opens, so single weeks
 * move by several per cent; a quarter of the same season in every year
 * keeps the comparison to like with like.
 *
 * The business cycle is held still (economy.cycle_sd 0): it moves demand,
 * and with it the stocks, by about 10% around their level in each run by
 * design, which the mean over 20 seeds would still show as ±2% a year; the
 * test is of the start, whose drift would show under the cycle's swings.
 *
 * The criterion is ±5%. Where the model does not meet it, the exception
 * is listed in KNOWN_DRIFTS with the drift measured and a wider bound, so
 * that it is seen and cannot grow unnoticed.
 */
const SEEDS = Array.from({ length: 20 }, (_, k) => `steady:${k}`);
const YEARS = 10;
const QUARTER = 13;
const AGENTS = 4000;
const TOLERANCE = 0.05;
const STOCKS: readonly IndicatorName[] = ['abroad', 'legal', 'on_registry', 'banned', 'mean_debt'];
const BASES = readdirSync(join(REPO_ROOT, 'scenarios', 'bases'))
  .filter((file) => file.endsWith('.yaml'))
  .map((file) => file.slice(0, -'.yaml'.length))
  .sort();

/**
 * Stocks of a base that drift by more than 5% over 10 years (as measured
 * with these seeds), the bound they must keep, and why. Each is a known
 * shortfall of the start, not a goal.
 */
const KNOWN_DRIFTS: Readonly<Record<string, { bound: number; why: string }>> = {
  'kazakhstan-2008 legal': {
    bound: 0.08,
    why: 'lies 2–6% above the start in every year, without a trend (5.9% in year 7; calibrated base): a small stock at this scale, whose first quarter falls just below the level employers settle at as their quota applications follow their own record of needs',
  },
  'kazakhstan-2008 mean_debt': {
    bound: 0.12,
    why: 'moves between 8% below and 5% above the start from year to year, without a trend (calibrated base): a mean of about 104 KZT a migrant abroad, carried by the few who are in debt at this scale',
  },
};

describe.each(BASES)('the baseline of %s without events (20 seeds, 10 years)', (base) => {
  let runs: FinishedRun[];
  beforeAll(async () => {
    const option = baseOption(base);
    const scale = scaleFor(option, AGENTS);
    runs = await simulateInChild(SEEDS.map((seed) => optionInput({ ...option, events: [] }, seed, YEARS * 52 + QUARTER - 1, { scale, 'economy.cycle_sd': 0 })));
  }, 900_000);

  it.each(STOCKS)('keeps %s within ±5% of its level at the start over 10 years (mean over seeds, first quarter of each year)', (stock) => {
    const quarterFrom = (week: number) => {
      let sum = 0;
      for (const run of runs) for (let w = week; w < week + QUARTER; w++) sum += valueAt(run.values, w, stock);
      return sum / (runs.length * QUARTER);
    };
    const start = quarterFrom(0);
    const years = Array.from({ length: YEARS }, (_, k) => ({ year: k + 1, level: quarterFrom((k + 1) * 52) }));
    if (start === 0) {
      // A stock the base does not have (no control registry in Kazakhstan 2008) must stay at zero.
      expect(years.filter((y) => y.level !== 0)).toEqual([]);
      return;
    }
    const known = KNOWN_DRIFTS[`${base} ${stock}`];
    const bound = known?.bound ?? TOLERANCE;
    const off = years.filter((y) => Math.abs(y.level / start - 1) > bound).map((y) => `year ${y.year}: ${((y.level / start - 1) * 100).toFixed(1)}%`);
    const path = years.map((y) => ((y.level / start - 1) * 100).toFixed(1)).join(', ');
    expect(off, `${stock} from ${start.toPrecision(4)} at the start; by year (%): ${path}`).toEqual([]);
  });
});

import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorName } from '../../sim/model/indicators.js';
import { WEEKS_PER_YEAR } from '../../sim/model/time.js';
import { baseOption, optionInput, REPO_ROOT, scaleFor, valueAt } from '../helpers/model.js';
import { simulateSideBySide, type FinishedRun } from '../helpers/simulateInChild.js';

/**
 * A steady start: in every shipped base run as it is (no events), the
 * stocks the horizon reports stay where they start. For each base, 20
 * seeds run 11 years at about 4,000 agents (12,000 in Kazakhstan 2008, see
 * AGENTS), after the base's own burn-in.
 *
 * What is compared: the mean over the seeds of each stock, averaged over
 * each later year of the horizon (weeks 52k to 52k + 51), against the same
 * for its first year (weeks 0 to 51, from the state at the start). The mean
 * over seeds, not each seed: one agent stands for hundreds of people at
 * this scale, and a single run's stocks wander by more than 5%. Whole
 * years rather than single weeks: at this scale the mean debt rests on a
 * few hundred indebted migrants, and legal status in Kazakhstan on the
 * permits of a small quota, so single weeks, and even quarters, of the mean
 * over 20 seeds move by several per cent from noise alone (a quarter's
 * mean debt in Kazakhstan by up to 15%); a whole year of every season
 * compares like with like. A start that is not steady still shows: with
 * a three-year burn-in, Kazakhstan's mean debt lay 3–10% below the first
 * year in every later one, with these seeds at this scale (the debtors the
 * start sends home clearing), and with six years 0.4–5.6% below (what
 * migrants borrow abroad still settling).
 *
 * The business cycle is held still (economy.cycle_sd 0): it moves demand,
 * and with it the stocks, by about 10% around their level in each run by
 * design, which the mean over 20 seeds would still show as ±2% a year; the
 * test is of the start, whose drift would show under the cycle's swings.
 *
 * The criterion is ±5%. A stock that rests on so few agents that 20
 * seeds cannot resolve it to that is listed in PRECISION with the seeds it
 * needs: the suite checks it at a wider bound, and with MIGSIM_THOROUGH=1
 * (as .ci/run sets it) the base runs those seeds and is held to ±5%.
 */
const SEEDS = 20;
const THOROUGH = process.env.MIGSIM_THOROUGH === '1';
const YEARS = 10;
/**
 * Agents per run. Kazakhstan 2008 runs at three times the others': its
 * mean debt (about 90 KZT a migrant abroad) rests on the few in debt, so
 * that at 4,000 and 8,000 agents its yearly means over 20 seeds moved by
 * up to 3.1% and 5.6% from noise alone; at 12,000 a seed's yearly mean
 * moves by 7.3% (sd) from one year to the next, so a year's difference
 * from the first over 20 seeds has a noise of about 2.3% (PRECISION).
 */
const AGENTS: Readonly<Record<string, number>> = { 'kazakhstan-2008': 12_000 };
const DEFAULT_AGENTS = 4000;
const TOLERANCE = 0.05;
const STOCKS: readonly IndicatorName[] = ['abroad', 'legal', 'on_registry', 'banned', 'mean_debt'];
const BASES = readdirSync(join(REPO_ROOT, 'scenarios', 'bases'))
  .filter((file) => file.endsWith('.yaml'))
  .map((file) => file.slice(0, -'.yaml'.length))
  .sort();

/**
 * The debts owed at home are not reported, but the next trips carry them
 * abroad. They rest on a few dozen people in debt at home per run (about
 * 40 in Kazakhstan 2008 at 12,000 agents), so their yearly means over 20
 * seeds move by several per cent from noise alone; the bound is wider than
 * the reported stocks'. Kept, the debts the start's rush sends home
 * (start/settlingDebts.ts) made them fall by 27–53% in Russia 2025, 18–40%
 * in Kazakhstan 2008 and 7–21% in Central Asia 2025 over these 10 years
 * (10 seeds each; with these 20 seeds in Russia 2025, by 25–48%, so that
 * this test fails there without the write-off). Written off, the stock
 * refills over the rest of the burn-in, which in the bases of a three-year
 * burn-in is a little short: in Central Asia 2025 it then lies 3–14% above
 * the first year in later years (these seeds), and in Russia 2025 6–17%
 * more people are in debt at home in later years than in the first (10
 * seeds), owing less each.
 */
const HOME_DEBT_TOLERANCE = 0.15;
const HOME_DEBTS = { module: 'tests/model/probes/homeDebts.ts', name: 'debtsOwedAtHome' } as const;

/**
 * Stocks that 20 seeds cannot resolve to ±5%, the seeds that can, and the
 * bound of the suite's 20 seeds. Kazakhstan 2008's mean debt (about 90 KZT
 * a migrant abroad) rests on a few dozen people in debt per run: at 12,000
 * agents a seed's yearly mean moves by 7.3% (sd) from year to year with no
 * memory between years, so over 20 seeds each year's difference from the
 * first carries a noise of 2.3% (sd), shared through the first year by
 * every later one, and a steady stock leaves ±5% in some year for one set
 * of seeds in several (with the base of 5 December 2026, these seeds gave
 * −0.3 to +6.0% and 20 others −4.3 to +0.6%). Over 80 seeds the noise is
 * 1.15%, and they put its later years 0.3–2.9% above the first. Followed
 * for 36 years from the start (40 seeds, a three-year burn-in), its level
 * fell by 1.6% over the 10 years after the ninth, and by less later
 * (ODD 5). The suite's 8% is three and a half times the
 * noise of 20 seeds and catches only a gross change: a three-year burn-in,
 * whose mean debt fell by up to 6.5–7.8% (20 seeds), takes the 80 seeds'
 * check to see.
 */
const PRECISION: Readonly<Record<string, { seeds: number; stocks: readonly IndicatorName[]; bound: number }>> = {
  'kazakhstan-2008': { seeds: 80, stocks: ['mean_debt'], bound: 0.08 },
};

const seedsOf = (base: string) => (THOROUGH ? PRECISION[base]?.seeds : undefined) ?? SEEDS;

describe.each(BASES.map((base) => [base, seedsOf(base)] as const))('the baseline of %s without events (%i seeds, 10 years)', (base, seeds) => {
  let runs: FinishedRun[];
  beforeAll(async () => {
    const option = baseOption(base);
    const scale = scaleFor(option, AGENTS[base] ?? DEFAULT_AGENTS);
    const weeks = (YEARS + 1) * WEEKS_PER_YEAR - 1;
    const inputs = Array.from({ length: seeds }, (_, k) => ({ ...optionInput({ ...option, events: [] }, `steady:${k}`, weeks, { scale, 'economy.cycle_sd': 0 }), probe: HOME_DEBTS }));
    // Seeds beyond the suite's 20 run in more children side by side.
    runs = await simulateSideBySide(inputs, Math.min(availableParallelism(), Math.ceil(seeds / SEEDS)));
  }, 1_800_000);

  const precision = PRECISION[base];
  const needsPrecision = (stock: IndicatorName) => precision?.stocks.includes(stock) ?? false;
  // The wider bound, when this base runs fewer seeds than its precise stocks need.
  const coarseBound = precision && seeds < precision.seeds ? precision.bound : undefined;
  const boundOf = (stock: IndicatorName) => (needsPrecision(stock) ? (coarseBound ?? TOLERANCE) : TOLERANCE);
  if (precision && coarseBound !== undefined) {
    console.warn(`steady start of ${base}: ${precision.stocks.join(', ')} checked at ±${precision.bound * 100}% with ${seeds} seeds; the ±5% check needs ${precision.seeds} seeds (set MIGSIM_THOROUGH=1, as .ci/run does)`);
  }

  it.each(STOCKS.map((stock) => [stock, boundOf(stock) * 100] as const))('keeps %s within ±%i% of its level at the start over 10 years (mean over seeds, each year against the first)', (stock, bound) => {
    const { start, years } = yearlyMeans((run, week) => valueAt(run.values, week, stock));
    if (start === 0) {
      // A stock the base does not have (no control registry in Kazakhstan 2008) must stay at zero.
      expect(years.filter((y) => y.level !== 0)).toEqual([]);
      return;
    }
    // The path of a stock that needs many seeds goes to the log, to follow how near its bound it runs.
    if (needsPrecision(stock)) console.info(`steady start of ${base} with ${seeds} seeds: ${stock} by year against the first (%): ${pathOf(years)}`);
    const off = years.filter((y) => Math.abs(y.change) * 100 > bound).map((y) => `year ${y.year}: ${percent(y)}%`);
    expect(off, `${stock} from ${start.toPrecision(4)} at the start; by year (%): ${pathOf(years)}`).toEqual([]);
  });

  it(`keeps the debts owed at home within ±${HOME_DEBT_TOLERANCE * 100}% of their level at the start over 10 years (the settling year's debts written off)`, () => {
    const { start, years } = yearlyMeans((run, week) => (run.probe as number[])[week]);
    expect(start).toBeGreaterThan(0);
    const off = years.filter((y) => Math.abs(y.change) > HOME_DEBT_TOLERANCE).map((y) => `year ${y.year}`);
    expect(off, `owed at home from ${start.toPrecision(4)} at the start; by year (%): ${pathOf(years)}`).toEqual([]);
  });

  /** The mean over seeds of `value` over the first year (weeks 0–51) and each later one, with each later year's change from the first. */
  function yearlyMeans(value: (run: FinishedRun, week: number) => number): { start: number; years: Year[] } {
    const yearFrom = (week: number) => {
      let sum = 0;
      for (const run of runs) for (let w = week; w < week + WEEKS_PER_YEAR; w++) sum += value(run, w);
      return sum / (runs.length * WEEKS_PER_YEAR);
    };
    const start = yearFrom(0);
    const years = Array.from({ length: YEARS }, (_, k) => {
      const level = yearFrom((k + 1) * WEEKS_PER_YEAR);
      return { year: k + 1, level, change: level / start - 1 };
    });
    return { start, years };
  }
});

/** A later year of the horizon: its mean level and its change from the first year's (a share). */
interface Year {
  readonly year: number;
  readonly level: number;
  readonly change: number;
}

const percent = (y: Year) => (y.change * 100).toFixed(1);
const pathOf = (years: readonly Year[]) => years.map(percent).join(', ');

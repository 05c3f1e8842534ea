import { beforeAll, describe, expect, it } from 'vitest';
import { meanInterval, type MeanInterval } from '../../analysis/index.js';
import { AGRICULTURE } from '../../sim/model/params/places.js';
import { replicateSeed } from '../../sim/model/random.js';
import { simulate } from '../../sim/model/simulate.js';
import { baseOption, optionInput, scaleFor, series, SMALL, type Params } from '../helpers/model.js';
import { simulateInChild, type FinishedRun } from '../helpers/simulateInChild.js';

/**
 * Without policy events the shipped bases change smoothly from week to
 * week: permits are issued through the year (no yearly sawtooth in the
 * legal stock) and farm work starts and ends over weeks (no one-week fall
 * in the number abroad). And the two mechanisms that spread the season
 * each do their part (knockouts, paired over seeds).
 */
const show = (i: MeanInterval) => `mean ${i.mean.toPrecision(4)}, 95% CI [${i.ci_low.toPrecision(4)}, ${i.ci_high.toPrecision(4)}]`;

/**
 * The largest change of the mean over runs from one week to the next, less
 * three standard errors of that mean change over the runs (none with one
 * run), relative to the first of the two weeks: a jump that every run
 * makes in the same week counts in full, noise that differs from run to
 * run does not.
 */
function largestChangeBeyondNoise(runs: FinishedRun[], name: Parameters<typeof series>[1]): { change: number; week: number } {
  const all = runs.map((run) => series(run.values, name));
  const n = all.length;
  let largest = { change: 0, week: 0 };
  for (let week = 1; week < all[0].length; week++) {
    const steps = all.map((s) => s[week] - s[week - 1]);
    const mean = steps.reduce((a, b) => a + b, 0) / n;
    const se = n > 1 ? Math.sqrt(steps.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1) / n) : 0;
    const level = all.reduce((a, s) => a + s[week - 1], 0) / n;
    const change = (Math.abs(mean) - 3 * se) / level;
    if (change > largest.change) largest = { change, week };
  }
  return largest;
}

describe('each shipped base, without policy events, changes smoothly from week to week', () => {
  /**
   * A year and a half after the base's own burn-in (see BURN_IN): a season's end, a new
   * quota year and a season's start. A jump is a change of the mean over
   * runs beyond three standard errors of that change (largestChangeBeyondNoise):
   * the quota's yearly reset or a season's end that every run makes in the
   * same week counts in full, while the sampling noise of a small stock does
   * not. Kazakhstan 2008 runs at its own 20,000 agents over 10 seeds (its
   * legal stock, about 500 agents a run, is small and moves with the farm
   * season: the raw mean of 16 seeds changed by 2.1% in one week from noise
   * alone, and the mean of 10 seeds by up to 2.5%, but by at most 0.9% beyond
   * three standard errors); Russia and Central Asia at their own 29,000 and
   * 30,500 agents, whose legal stocks are larger, over one (no noise is
   * allowed for).
   */
  const WEEKS = 78;
  const BASES = [
    { base: 'kazakhstan-2008', seeds: 10 },
    { base: 'russia-2025', seeds: 1 },
    { base: 'central-asia-2025', seeds: 1 },
  ];
  /**
   * Kazakhstan 2008 runs six of its nine years of burn-in here: the six in
   * which its quota applications, whose yearly swing would show as a jump,
   * settle (the base file); the last three let what migrants borrow
   * settle, which moves no stock by a jump, and would add three years to
   * each of its ten runs of 20,000 agents.
   */
  const BURN_IN: Readonly<Record<string, Params>> = { 'kazakhstan-2008': { 'population.burn_in_weeks': 312 } };
  let runs: FinishedRun[][];
  beforeAll(async () => {
    const inputs = BASES.map(({ base, seeds }) => Array.from({ length: seeds }, (_, k) => optionInput(baseOption(base), replicateSeed(41, k), WEEKS, BURN_IN[base])));
    // Two child processes side by side: Kazakhstan's runs in one, the others in the second.
    const [kazakhstan, others] = await Promise.all([simulateInChild(inputs[0]), simulateInChild([...inputs[1], ...inputs[2]])]);
    runs = [kazakhstan, others.slice(0, 1), others.slice(1)];
  }, 900_000);

  it.each(BASES.map(({ base }, k) => ({ base, k })))('$base: the legal stock changes by less than 2% of itself from any week to the next', ({ k }) => {
    const { change, week } = largestChangeBeyondNoise(runs[k], 'legal');
    expect(change, `week ${week}`).toBeLessThan(0.02);
  });

  it.each(BASES.map(({ base }, k) => ({ base, k })))('$base: the number abroad changes by less than 5% of itself from any week to the next', ({ k }) => {
    const { change, week } = largestChangeBeyondNoise(runs[k], 'abroad');
    expect(change, `week ${week}`).toBeLessThan(0.05);
  });
});

describe('the farm season spread over weeks (kazakhstan-2008, 20 paired seeds, 10,000 agents)', () => {
  const SEEDS = Array.from({ length: 20 }, (_, k) => replicateSeed(43, k));
  /** Half a year of burn-in: the arms of a seed start from the same world (the knockouts apply from week 0), and differ in the season's mechanism alone. */
  const RUN: Params = { scale: scaleFor(baseOption('kazakhstan-2008'), 10_000), 'population.burn_in_weeks': 26 };
  /** Through the end of the first season (farms stop within 12 weeks of 1 November: weeks 32–56). */
  const WEEKS = 60;
  const SETTINGS: Params[] = [{}, { 'labour.season_spread_weeks': 0 }, { 'migrant.season_return': 0 }];
  let runs: FinishedRun[][];
  beforeAll(async () => {
    const option = baseOption('kazakhstan-2008');
    // Each knockout is an event at week 0: the arms share their burn-in. Set before it, they ran apart for half a year
    // before anything was counted, and both knockouts' intervals came to include zero.
    const all = await simulateInChild(
      SETTINGS.flatMap((set) => SEEDS.map((seed) => ({ ...optionInput(option, seed, WEEKS, RUN), events: Object.keys(set).length > 0 ? [{ week: 0, set }] : [] }))),
    );
    runs = SETTINGS.map((_, k) => all.slice(k * SEEDS.length, (k + 1) * SEEDS.length));
  }, 900_000);

  /** The largest fall in employment (formal and informal) from one week to the next, as a share of the week before. */
  const largestFall = (run: FinishedRun) => {
    const formal = series(run.values, 'employed_formal');
    const employed = series(run.values, 'employed_informal').map((v, week) => v + formal[week]);
    let fall = 0;
    for (let week = 1; week < employed.length; week++) fall = Math.max(fall, (employed[week - 1] - employed[week]) / employed[week - 1]);
    return fall;
  };

  it('knockout: with every farm on the same dates (labour.season_spread_weeks 0), work falls more in a single week', () => {
    const d = meanInterval(runs[1].map((run, s) => largestFall(run) - largestFall(runs[0][s])));
    expect(d.ci_low, show(d)).toBeGreaterThan(0);
  });

  it('knockout: when seasonal workers do not go home with the season (migrant.season_return 0), fewer return as it ends', () => {
    const returns = (run: FinishedRun) => series(run.values, 'returns').slice(32, WEEKS + 1).reduce((a, b) => a + b, 0);
    const d = meanInterval(runs[0].map((run, s) => returns(run) - returns(runs[2][s])));
    expect(d.ci_low, show(d)).toBeGreaterThan(0);
  });
});

describe('employers\' demand', () => {
  it('follows a timeline change of labour.jobs_per_potential_migrant in proportion, employer by employer', () => {
    const option = baseOption('kazakhstan-2008');
    const jobs = Number(option.params['kazakhstan.labour.jobs_per_potential_migrant']);
    const offered: { week: number; demand: number[]; peak: number[]; farm: boolean[] }[] = [];
    simulate({
      // The business cycle held still, so that demand is the jobs and the timeline's change alone.
      ...optionInput(option, 'demand', 30, { ...SMALL, 'economy.cycle_sd': 0 }),
      events: [{ week: 28, set: { 'kazakhstan.labour.jobs_per_potential_migrant': jobs * 0.6 } }],
      onWeek: (week, _rows, world) => {
        const e = world.employers;
        if (week === 27 || week === 28) offered.push({ week, demand: Array.from(e.demand), peak: Array.from(e.jobs), farm: Array.from(e.sector, (s) => s === AGRICULTURE) });
      },
    });
    const [before, after] = offered;
    // Early July, in every farm's season (they start by 24 June): every employer offers its peak jobs, then 60% of them.
    expect(before.demand).toEqual(before.peak);
    expect(after.demand).toEqual(after.peak.map((j) => Math.floor(j * 0.6 + 1e-9)));
    expect(after.farm.some((f) => f)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { meanInterval } from '../../analysis/index.js';
import { transfer } from '../../sim/model/actions/transfer.js';
import { arrive } from '../../sim/model/actions/travel.js';
import { COLUMN } from '../../sim/model/indicators.js';
import { enforceOn } from '../../sim/model/rules/enforcement.js';
import { planPolicing, raidRate } from '../../sim/model/rules/policing.js';
import { Payment, PAYMENTS } from '../../sim/model/state/accounts.js';
import { Flag, Status } from '../../sim/model/state/codes.js';
import { streetCheckChance } from '../../sim/model/state/police.js';
import { DAYS_PER_MONTH } from '../../sim/model/time.js';
import { createWorld, type World } from '../../sim/model/world.js';
import { describeInterval, effectSign, knockout } from '../helpers/knockout.js';
import { baseOption, optionInput, SMALL, total, type Params } from '../helpers/model.js';
import { simulateInChild } from '../helpers/simulateInChild.js';
import { BOOKKEEPING, type Bookkeeping } from '../helpers/bookkeepingProbe.js';
import type { RaidedInformality } from './probes/raidedInformality.js';
import { moneyProblems } from '../helpers/worldChecks.js';

const RUSSIA = baseOption('russia-2025');
const WEEKS = 52;
const SEEDS = Array.from({ length: 10 }, (_, k) => `police:${k}`);
/** Raids are rare in a small world (about one employer in 500 a week); tests of raids make them 48 times as frequent. */
const MANY_RAIDS: Params = { 'police.raids_per_officer_weekly': 12 };

/** A small Russian world at day 0 with everyone at home. */
function worldAtHome(set: Params = {}): World {
  return createWorld({ ...RUSSIA.params, ...SMALL, ...set }, 'police', 0);
}

/** Sends the first `n` migrants at home abroad to region 0. */
function sendAbroad(world: World, n: number): void {
  for (let i = 0, sent = 0; i < world.migrants.count && sent < n; i++) {
    if (world.migrants.status[i] !== Status.AtHome) continue;
    arrive(world, i, 0);
    sent++;
  }
}

describe('police units: staff bounds checks', () => {
  /**
   * Street checks made on `migrants` migrants in region 0 over `weeks`
   * weeks. Nothing is ever detected and nobody is extorted, so the checks
   * change no one's state and the same people are checked week after week.
   */
  function streetChecks(migrants: number, weeks: number, set: Params = {}): { checks: number; chance: number } {
    const world = worldAtHome({ 'police.detection': 0, 'police.fake_detection': 0, 'police.extortion_of_legal': 0, 'police.raid_share': 0, ...set });
    sendAbroad(world, migrants);
    for (let week = 0; week < weeks; week++) {
      world.week = week;
      world.day = week * 7;
      planPolicing(world);
      for (let i = 0; i < world.migrants.count; i++) {
        enforceOn(world, i);
        world.migrants.flags[i] &= ~Flag.CheckedThisWeek;
      }
    }
    return { checks: world.flows[COLUMN.police_checks], chance: world.police.streetChance[0] };
  }

  it('with staff fixed, twice the migrants get more checks but fewer than twice as many: the share checked falls', () => {
    const few = streetChecks(300, 30);
    const many = streetChecks(600, 30);
    expect(few.checks).toBeGreaterThan(0);
    expect(many.checks).toBeGreaterThan(few.checks);
    expect(many.checks).toBeLessThan(2 * few.checks);
    expect(many.chance).toBeLessThan(few.chance);
  });

  it('without the bound of the time checks take, the share checked does not depend on the number of migrants', () => {
    const unbounded = { 'police.checks_per_officer_weekly': 1e12 };
    expect(streetChecks(600, 1, unbounded).chance).toBeCloseTo(streetChecks(300, 1, unbounded).chance, 9);
  });

  it('the street-check chance follows Holling\'s disc equation: checks per officer rise with migrants towards checks_per_officer_weekly', () => {
    const officersPerJob = 0.001;
    const checksPerOfficer = (n: number) => (-Math.log(1 - streetCheckChance(officersPerJob, n, 100, 25)) * n) / officersPerJob;
    expect(checksPerOfficer(0.5)).toBeLessThan(checksPerOfficer(1));
    expect(checksPerOfficer(1)).toBeLessThan(checksPerOfficer(4));
    expect(checksPerOfficer(4)).toBeLessThan(25);
    expect(streetCheckChance(0, 1, 100, 25)).toBe(0);
  });

  it('police.capacity scales the staff: no staff, no checks, no raids', () => {
    const world = worldAtHome({ 'police.capacity': 0 });
    sendAbroad(world, 100);
    planPolicing(world);
    expect(Array.from(world.police.staff)).toEqual(Array.from(world.police.staff, () => 0));
    expect(Array.from(world.police.streetChance).every((p) => p === 0)).toBe(true);
    expect(raidRate(world, 0)).toBe(0);
    const staffed = worldAtHome({ 'police.capacity': 2 });
    planPolicing(staffed);
    const usual = worldAtHome();
    planPolicing(usual);
    expect(staffed.police.staff[0]).toBeCloseTo(2 * usual.police.staff[0], 9);
    expect(raidRate(staffed, 0)).toBeCloseTo(2 * raidRate(usual, 0), 12);
  });
});

describe('police units: corruption and the monthly target', () => {
  it('each unit has its own corruption around police.corruption; with no spread all are equal to it', () => {
    const spread = worldAtHome({ 'police.corruption_spread': 1 });
    planPolicing(spread);
    const draws = new Set(Array.from(spread.police.propensity));
    expect(draws.size).toBe(spread.police.count);
    for (const p of draws) expect(p > 0 && p < 1).toBe(true);
    const none = worldAtHome({ 'police.corruption_spread': 0 });
    planPolicing(none);
    for (const p of none.police.propensity) expect(p).toBeCloseTo(none.params.dest[0].policeCorruption, 12);
    for (const c of [0, 1]) {
      const edge = worldAtHome({ 'police.corruption': c, 'police.corruption_spread': 1 });
      planPolicing(edge);
      expect(new Set([...edge.police.propensity, ...edge.police.bribeChance])).toEqual(new Set([c]));
    }
  });

  it('a unit behind its monthly target takes fewer bribes and records more; ahead of it, the reverse; on target, its own corruption', () => {
    const chanceWith = (share: number) => {
      const world = worldAtHome();
      sendAbroad(world, 100);
      // Halfway through a month, with `share` of the month's target recorded.
      world.day = Math.ceil(DAYS_PER_MONTH * 10.5);
      planPolicing(world);
      world.police.recorded[0] = share * world.police.target[0];
      planPolicing(world);
      return { chance: world.police.bribeChance[0], propensity: world.police.propensity[0] };
    };
    const behind = chanceWith(0);
    const onTarget = chanceWith((Math.ceil(DAYS_PER_MONTH * 10.5) - 10 * DAYS_PER_MONTH) / DAYS_PER_MONTH);
    const ahead = chanceWith(1);
    expect(behind.chance).toBeLessThan(onTarget.chance);
    expect(onTarget.chance).toBeLessThan(ahead.chance);
    expect(onTarget.chance).toBeCloseTo(onTarget.propensity, 12);
  });

  it('raising corruption raises bribe income and lowers recorded cases (10 paired seeds, Russia 2025, a year)', async () => {
    const arm = (corruption: number) => SEEDS.map((seed) => optionInput(RUSSIA, seed, WEEKS, { ...SMALL, 'police.corruption': corruption }));
    const runs = await simulateInChild([...arm(0.2), ...arm(0.6)]);
    const honest = runs.slice(0, SEEDS.length);
    const corrupt = runs.slice(SEEDS.length);
    const difference = (name: 'bribes_amount' | 'cases_recorded') => meanInterval(SEEDS.map((_, k) => total(corrupt[k].values, name) - total(honest[k].values, name)));
    const bribes = difference('bribes_amount');
    const cases = difference('cases_recorded');
    expect(bribes.ci_low, describeInterval(bribes)).toBeGreaterThan(0);
    expect(cases.ci_high, describeInterval(cases)).toBeLessThan(0);
  }, 300_000);
});

describe('police units: bribe income is conserved money', () => {
  it('each unit holds exactly the bribes it booked, every week (moneyProblems), and bribes were paid', async () => {
    const [run] = await simulateInChild([{ ...optionInput(RUSSIA, 'police-money', 26, { ...SMALL, 'police.corruption': 0.6, ...MANY_RAIDS }), probe: BOOKKEEPING }]);
    const books = run.probe as Bookkeeping;
    expect(books.money).toEqual([]);
    const bribes = PAYMENTS.flatMap((p, k) => (p.to === 'police' ? [books.paidAtEnd[k]] : [])).reduce((a, b) => a + b, 0);
    expect(bribes).toBeGreaterThan(0);
  }, 300_000);

  it('money paid into a unit\'s account past its own book is reported (so the check can fail)', () => {
    const world = worldAtHome();
    sendAbroad(world, 1);
    const i = world.migrants.status.indexOf(Status.Abroad);
    transfer(world, Payment.migrant_bribe, i, 0, 100, 0);
    expect(moneyProblems(world).some((p) => p.startsWith('police unit 0 holds 100, but booked bribes of 0'))).toBe(true);
  });
});

/**
 * Targeting's knockout: what it drives is who gets raided, which no
 * indicator shows, so the paired comparison with raids at random
 * (police.targeting 0) is made here on the employers' own workers.
 */
describe('police units: raids are aimed', () => {
  /** Per seed, the informal workers of the employers raids hit relative to chance (1), over a year (probes/raidedInformality.ts). */
  async function raidedInformality(set: Params): Promise<number[]> {
    const probe = { module: 'tests/model/probes/raidedInformality.ts', name: 'raidedInformality' };
    const runs = await simulateInChild(SEEDS.map((seed) => ({ ...optionInput(RUSSIA, seed, WEEKS, { ...SMALL, ...MANY_RAIDS, ...set }), probe })));
    return runs.map((run) => {
      const { raided, chance } = run.probe as RaidedInformality;
      return raided / chance;
    });
  }

  it('employers with more informal workers are raided more than chance would give, and more than with raids at random (knockout of police.targeting, 10 paired seeds)', async () => {
    const aimed = await raidedInformality({});
    const random = await raidedInformality({ 'police.targeting': 0 });
    const aboveChance = meanInterval(aimed.map((x) => x - 1));
    const aboveRandom = meanInterval(aimed.map((x, k) => x - random[k]));
    expect(aboveChance.ci_low, describeInterval(aboveChance)).toBeGreaterThan(0);
    expect(aboveRandom.ci_low, describeInterval(aboveRandom)).toBeGreaterThan(0);
  }, 300_000);
});

describe('knockouts of the police units\' mechanisms (10 paired seeds, Russia 2025, small, a year)', () => {
  const common = { ...SMALL };

  it('target pressure: a unit far behind a high target records more cases than one that ignores it (police.target_pressure 0)', async () => {
    // Corrupt units, so that there are many bribes the target can turn into recorded cases.
    const result = await knockout({
      option: RUSSIA,
      common: { ...common, 'police.cases_target_monthly': 100, 'police.corruption': 0.6 },
      off: { 'police.target_pressure': 0 },
      seeds: SEEDS,
      weeks: WEEKS,
      measure: (run) => total(run.values, 'cases_recorded'),
    });
    expect(effectSign(result), describeInterval(result.difference)).toBe(1);
  }, 300_000);

  it('staff bound: where migrants crowd the jobs, the bound leaves fewer checks than checks proportional to migrants at the rate of one migrant per job', async () => {
    // Off: checks take no time (no bound), and officers meet migrants at the rate that gives the same checks at one migrant per job (100 / (1 + 100/25) = 20).
    const result = await knockout({
      option: RUSSIA,
      common: { ...common, 'labour.jobs_per_potential_migrant': 0.2 },
      off: { 'police.checks_per_officer_weekly': 1e12, 'police.encounters_weekly': 20 },
      seeds: SEEDS,
      weeks: WEEKS,
      measure: (run) => total(run.values, 'police_checks'),
    });
    expect(effectSign(result), describeInterval(result.difference)).toBe(-1);
  }, 300_000);

  it('buy-back: employers who bribe to get detained workers back (employer.buy_back_prob) leave fewer removals', async () => {
    const result = await knockout({
      option: RUSSIA,
      common: { ...common, 'employer.buy_back_prob': 1, 'police.corruption': 0.8 },
      off: { 'employer.buy_back_prob': 0 },
      seeds: SEEDS,
      weeks: WEEKS,
      measure: (run) => total(run.values, 'removals'),
    });
    expect(effectSign(result), describeInterval(result.difference)).toBe(-1);
  }, 300_000);
});

import { beforeAll, describe, expect, it } from 'vitest';
import { meanInterval, type MeanInterval } from '../../analysis/index.js';
import { quotaOpen, workerQuotaLeft } from '../../sim/model/actions/quotaBook.js';
import { REGIME_CODE } from '../../sim/model/params/places.js';
import { replicateSeed } from '../../sim/model/random.js';
import { openQuotaYear, setQuotaCaps } from '../../sim/model/rules/policy.js';
import { slotUseChance } from '../../sim/model/rules/quotaApplications.js';
import { SLOT_KINDS, SlotKind } from '../../sim/model/state/employerSlots.js';
import { createWorld, type World } from '../../sim/model/world.js';
import { baseOption, optionInput, scaleFor, series, SMALL, type Params } from '../helpers/model.js';
import { simulateInChild, type FinishedRun, type QuotaYear } from '../helpers/simulateInChild.js';

/**
 * Kazakhstan's quota set from employers' applications (004 L1217–1225):
 * employers apply for slots before the year at a cost, the state grants
 * them in whole permits within the ceiling quota.annual, and each employer
 * spreads its slots over the year. Comparisons are paired over seeds
 * (common random numbers) with 95% t-intervals.
 */
const KAZAKHSTAN = baseOption('kazakhstan-2008');
const LOW_SKILL = Number(KAZAKHSTAN.params['kazakhstan.quota.low_skill_share']);
const CEILING = Number(KAZAKHSTAN.params['kazakhstan.quota.annual']);
const show = (i: MeanInterval) => `mean ${i.mean.toPrecision(4)}, 95% CI [${i.ci_low.toPrecision(4)}, ${i.ci_high.toPrecision(4)}]`;

/** A world of the base opened at its first quota year (day 0, no burn-in). */
function openedWorld(set: Params = {}): World {
  const world = createWorld({ ...KAZAKHSTAN.params, ...SMALL, ...set }, 'quota-applications', 0, KAZAKHSTAN.places);
  openQuotaYear(world);
  return world;
}

/** Employer ids of each region of the world's only country. */
function regionsOf(world: World): number[][] {
  const e = world.employers;
  return Array.from({ length: world.params.places.regions.length }, (_, r) => Array.from({ length: e.regionStart[r + 1] - e.regionStart[r] }, (_, k) => e.regionStart[r] + k));
}

describe('the state grants slots from applications, in whole permits', () => {
  /** Uneven applications with fractions, general and (for every third employer) farm slots: about 4 slots each. */
  function apply(world: World): void {
    const s = world.slots;
    for (let e = 0; e < world.employers.count; e++) {
      s.applied[e * SLOT_KINDS + SlotKind.General] = 3 + (e % 7) * 0.37;
      s.applied[e * SLOT_KINDS + SlotKind.Farm] = e % 3 === 0 ? 0.85 : 0;
    }
  }
  const appliedOf = (world: World, ids: number[], kind: number) => ids.reduce((a, e) => a + world.slots.applied[e * SLOT_KINDS + kind], 0);

  it('scales every application down in proportion when the total would pass quota.annual, and never grants past it', () => {
    // 2,000 agents at 20 people each, 40 employers: a ceiling of 3,000 × 0.625 / 20 = 93.75 agents, below what they apply for.
    const world = openedWorld({ 'quota.annual': 3000 });
    apply(world);
    setQuotaCaps(world);
    const s = world.slots;
    const parts = [(3000 * LOW_SKILL * (1 - 0.07)) / 20, (3000 * LOW_SKILL * 0.07) / 20];
    for (const kind of [SlotKind.General, SlotKind.Farm]) {
      const all = regionsOf(world).flat();
      const factor = parts[kind] / appliedOf(world, all, kind);
      expect(factor, 'the ceiling binds, so the test can fail').toBeLessThan(1);
      let granted = 0;
      for (const ids of regionsOf(world)) {
        const region = ids.reduce((a, e) => a + s.granted[e * SLOT_KINDS + kind], 0);
        // A region's slots are its employers' scaled applications, rounded down to whole agents.
        expect(region).toBe(Math.floor(factor * appliedOf(world, ids, kind)));
        for (const e of ids) expect(Math.abs(s.granted[e * SLOT_KINDS + kind] - factor * s.applied[e * SLOT_KINDS + kind])).toBeLessThan(1);
        granted += region;
      }
      expect(granted).toBeLessThanOrEqual(parts[kind]);
    }
    expect(world.quota[0].capReported).toBe(3000);
    expect(Number.isInteger(world.quota[0].cap)).toBe(true);
  });

  it('grants quota.approval_share of what is applied for when there is no ceiling, and reports that as the quota', () => {
    const world = openedWorld({ 'quota.annual': null, 'quota.approval_share': 0.5 });
    apply(world);
    setQuotaCaps(world);
    let granted = 0;
    for (const ids of regionsOf(world)) {
      for (const kind of [SlotKind.General, SlotKind.Farm]) {
        const region = ids.reduce((a, e) => a + world.slots.granted[e * SLOT_KINDS + kind], 0);
        expect(region).toBe(Math.floor(0.5 * appliedOf(world, ids, kind)));
        granted += region;
      }
    }
    expect(world.quota[0].cap).toBe(granted);
    expect(world.quota[0].capReported).toBeCloseTo((granted * 20) / LOW_SKILL, 6);
  });

  it('sets no quota where no origin needs employer-tied permits, and leaves worker-tied permits uncounted', () => {
    const world = openedWorld({
      'uzbekistan.kazakhstan.regime': 'worker-tied',
      'kyrgyzstan.kazakhstan.regime': 'worker-tied',
      'tajikistan.kazakhstan.regime': 'worker-tied',
    });
    expect(world.quota[0].cap).toBeNaN();
    expect(world.quota[0].capReported).toBeNaN();
    expect(workerQuotaLeft(world, 0)).toBe(true);
    expect(quotaOpen(world, 0, REGIME_CODE['worker-tied'])).toBe(1);
  });
});

describe('an employer spreads its slots over the year', () => {
  /** Employer 0 with 10 general slots, expecting to need 40 this year. */
  function employer(week: number, used: number, needsSoFar: number, expected = 40) {
    const world = openedWorld();
    const k = 0 * SLOT_KINDS + SlotKind.General;
    world.slots.granted[k] = 10;
    world.slots.used[k] = used;
    world.slots.expected[k] = expected;
    world.slots.needsThisYear[k] = needsSoFar;
    world.week = week;
    return world;
  }
  const yearLength = (world: World) => world.quotaYearEnd - world.quotaYearStart;

  it('uses a slot for the share of its needs its slots cover: 10 slots for 40 expected needs is a chance of 1/4', () => {
    expect(slotUseChance(employer(0, 0, 0), 0, false)).toBeCloseTo(0.25, 12);
  });

  it('revises what it expects by the pace of its needs so far, so fewer needs than expected raise the chance', () => {
    const half = Math.round(yearLength(employer(0, 0, 0)) / 2);
    const world = employer(half, 3, 10);
    const elapsed = half / yearLength(world);
    const needsLeft = ((40 + 10) / (1 + elapsed)) * (1 - elapsed);
    expect(slotUseChance(world, 0, false)).toBeCloseTo(7 / needsLeft, 12);
    expect(slotUseChance(world, 0, false)).toBeGreaterThan(slotUseChance(employer(half, 3, 30), 0, false));
  });

  it('uses every slot when its slots cover the needs it still expects, and so late in the year', () => {
    expect(slotUseChance(employer(0, 0, 0, 5), 0, false)).toBe(1);
    const world = employer(0, 0, 0);
    world.week = world.quotaYearEnd - 1;
    world.slots.needsThisYear[0] = 40;
    expect(slotUseChance(world, 0, false)).toBe(1);
  });
});

describe('what migrants at home see of the quota', () => {
  it('is the share of the year\'s permits still unused against the share of the year still to come, at most 1', () => {
    const world = openedWorld({ 'quota.mode': 'fixed', 'quota.annual': 100_000 });
    const q = world.quota[0];
    const half = Math.round((world.quotaYearEnd - world.quotaYearStart) / 2);
    world.week = world.quotaYearStart + half;
    const yearLeft = (world.quotaYearEnd - world.week) / (world.quotaYearEnd - world.quotaYearStart);
    q.regionIssued.fill(0);
    q.regionIssued[0] = q.cap * 0.5;
    expect(quotaOpen(world, 0, REGIME_CODE['employer-tied'])).toBeCloseTo(Math.min(1, 0.5 / yearLeft), 12);
    q.regionIssued[0] = q.cap * 0.75;
    expect(quotaOpen(world, 0, REGIME_CODE['employer-tied'])).toBeCloseTo(0.25 / yearLeft, 12);
  });
});

describe('kazakhstan-2008 with its quota from applications (10 paired seeds, 10,000 agents, two quota years)', () => {
  const SEEDS = Array.from({ length: 10 }, (_, k) => replicateSeed(31, k));
  /** The base's potential migrants at about 10,000 agents; a year of burn-in; years 0 and 1 of the horizon. */
  const SCALE = scaleFor(KAZAKHSTAN, 10_000);
  const RUN: Params = { scale: SCALE, 'population.burn_in_weeks': 52 };
  const WEEKS = 103;
  const SETTINGS: Params[] = [
    {},
    { 'quota.application_cost': 0 },
    // A quarter of the jobs: employers need, and so apply for, fewer slots (about the ceiling instead of twice it and more).
    { 'labour.jobs_per_potential_migrant': 0.125 },
    { 'quota.application_weeks': 4 },
  ];
  let runs: FinishedRun[][];
  beforeAll(async () => {
    const all = await simulateInChild(SETTINGS.flatMap((set, k) => (k === 3 ? SEEDS.slice(0, 1) : SEEDS).map((seed) => optionInput(KAZAKHSTAN, seed, WEEKS, { ...RUN, ...set }))));
    const n = SEEDS.length;
    runs = [all.slice(0, n), all.slice(n, 2 * n), all.slice(2 * n, 3 * n), all.slice(3 * n)];
  }, 900_000);

  /** The quota years that ran whole within the horizon (weeks 0–51 and 52–103). */
  const wholeYears = (run: FinishedRun) => run.years.filter((y) => y.yearStart >= 0 && y.lastWeek === y.yearStart + 51);
  const issued = (y: QuotaYear) => y.regionIssued.reduce((a, b) => a + b, 0);
  /** Permits issued in the year over the quota in force (the modelled part of quota.annual), both in real permits. */
  const use = (y: QuotaYear) => (issued(y) * SCALE) / (y.capReported * LOW_SKILL);
  /** Slots applied for over the whole quota years. */
  const applied = (run: FinishedRun) => wholeYears(run).reduce((a, y) => a + y.applied, 0);
  const meanUse = (run: FinishedRun) => {
    const years = wholeYears(run);
    return years.reduce((a, y) => a + use(y), 0) / years.length;
  };

  it('runs two whole quota years in each run (so the tests below read something)', () => {
    for (const run of runs[0]) expect(wholeYears(run).map((y) => y.yearStart)).toEqual([0, 52]);
  });

  it('uses less than the whole quota', () => {
    const u = meanInterval(runs[0].map(meanUse));
    expect(u.ci_high, show(u)).toBeLessThan(1);
    expect(u.ci_low, show(u)).toBeGreaterThan(0);
  });

  it('never issues more than the cap, in any year or region, in real permits', () => {
    const wrong: string[] = [];
    runs[0].forEach((run, s) => {
      for (const y of wholeYears(run)) {
        y.regionCap.forEach((cap, r) => {
          if (!Number.isInteger(cap)) wrong.push(`seed ${s}, year from week ${y.yearStart}, region ${r}: cap ${cap} is not whole`);
          if (y.regionIssued[r] > cap) wrong.push(`seed ${s}, year from week ${y.yearStart}, region ${r}: ${y.regionIssued[r] * SCALE} issued over a cap of ${cap * SCALE}`);
        });
        const caps = y.regionCap.reduce((a, b) => a + b, 0) * SCALE;
        if (caps > CEILING * LOW_SKILL) wrong.push(`seed ${s}, year from week ${y.yearStart}: ${caps} granted over the ceiling`);
        // The week's flows say the same: permits_issued over the year's weeks stay within what was granted.
        if (y.yearStart === 52) {
          const flow = series(run.values, 'permits_issued').slice(52, 104).reduce((a, b) => a + b, 0);
          if (flow > caps) wrong.push(`seed ${s}: ${flow} permits issued in weeks 52–103 over ${caps} granted`);
        }
      }
    });
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  /**
   * What employers apply for is the response to their demand. The share of
   * the quota they then use is not asserted: with the base recalibrated on
   * 5 December 2026 it fell with a quarter of the jobs by only −0.028
   * [−0.056, +0.0001] over these 10 seeds and −0.019 [−0.042, +0.003] over
   * 20.
   */
  it('responds to employers\' demand: with a quarter of the jobs, employers apply for fewer slots', () => {
    const d = meanInterval(runs[2].map((run, s) => applied(run) - applied(runs[0][s])));
    expect(d.ci_high, show(d)).toBeLessThan(0);
  });

  it('knockout: applying for free, employers apply for more slots', () => {
    const d = meanInterval(runs[1].map((run, s) => applied(run) - applied(runs[0][s])));
    expect(d.ci_low, show(d)).toBeGreaterThan(0);
  });

  it('employers pay for their applications quota.application_weeks before the year: state revenue peaks in that week', () => {
    const peakWeek = (run: FinishedRun) => {
      const revenue = series(run.values, 'state_revenue');
      let best = 53;
      for (let week = 53; week <= WEEKS; week++) if (revenue[week] > revenue[best]) best = week;
      return best;
    };
    expect(peakWeek(runs[0][0])).toBe(104 - Number(KAZAKHSTAN.params['kazakhstan.quota.application_weeks']));
    expect(peakWeek(runs[3][0])).toBe(104 - 4);
  });
});

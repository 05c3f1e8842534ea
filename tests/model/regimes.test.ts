import { describe, expect, it } from 'vitest';
import { employ, issueEmployerTiedPermit, separate } from '../../sim/model/actions/employment.js';
import { arrive } from '../../sim/model/actions/travel.js';
import { REGIME_CODE, type Regime } from '../../sim/model/params/places.js';
import { documentUpkeep } from '../../sim/model/rules/documentUpkeep.js';
import { paperwork } from '../../sim/model/rules/paperwork.js';
import { Flag, NO_ONE, Permit, Registration, Status } from '../../sim/model/state/codes.js';
import { Payment } from '../../sim/model/state/accounts.js';
import { createWorld, type World } from '../../sim/model/world.js';
import type { SimulationInput } from '../../sim/model/simulate.js';
import { baseOption, once, optionInput, scenarioOptions, series, SMALL, type Params } from '../helpers/model.js';
import { simulateInChild, type FinishedRun } from '../helpers/simulateInChild.js';

const KAZAKHSTAN = baseOption('kazakhstan-2008');
const RUSSIA = baseOption('russia-2025');
const BASES = [
  { label: 'kazakhstan-2008', option: KAZAKHSTAN },
  { label: 'russia-2025', option: RUSSIA },
];

/** A world at day 0 with every migrant at home (no burn-in, no one seeded abroad). */
function emptyWorld(params: Params, set: Params = {}): World {
  return createWorld({ ...params, ...SMALL, ...set }, 'regimes', 0);
}

/** Sends the first migrant at home whose origin is under `regime` abroad today; returns its id. */
function arriveUnder(world: World, regime: Regime): number {
  const m = world.migrants;
  for (let i = 0; i < m.count; i++) {
    // The bases of this file have one destination country: pairs are indexed by origin.
    if (m.status[i] !== Status.AtHome || world.params.pair[m.origin[i]].regimeCode !== REGIME_CODE[regime]) continue;
    arrive(world, i, 0);
    return i;
  }
  throw new Error(`no migrant of an origin under ${regime}`);
}

/** An employer in the migrant's region. */
function employerNear(world: World, i: number): number {
  const region = world.migrants.region[i];
  const e = world.employers.regionStart[region];
  if (e >= world.employers.regionStart[region + 1]) throw new Error(`no employer in ${world.params.places.regions[region]}`);
  return e;
}

/** One day of paperwork and document upkeep (the rules that make and keep status). */
function runDay(world: World, day: number): void {
  world.day = day;
  world.week = Math.floor(day / 7);
  paperwork(world);
  documentUpkeep(world);
}

function isLegalNow(world: World, i: number): boolean {
  return (world.migrants.flags[i] & Flag.Legal) !== 0;
}

/** The days from..to (inclusive) on which the migrant was legal after that day's upkeep. */
function legalDays(world: World, i: number, from: number, to: number): number[] {
  const days: number[] = [];
  for (let day = from; day <= to; day++) {
    runDay(world, day);
    if (isLegalNow(world, i)) days.push(day);
  }
  return days;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, k) => from + k);
}

const ALL_FREE: Params = {
  'kyrgyzstan.russia.regime': 'free-movement',
  'uzbekistan.russia.regime': 'free-movement',
  'tajikistan.russia.regime': 'free-movement',
};
/**
 * 6,000 agents and a quota of 187.5 agents a year (3,000 × 0.625 / 10), far below what employers would hire. The world
 * starts with about the share abroad it settles at (0.3 of the calibrated base, against the registry's 0.55), so that
 * even after half a year of burn-in the first quota year meets as many job seekers as the later ones, and the years
 * differ only in the calendar under test.
 */
const QUOTA = 3_000;
const QUOTA_WORLD: Params = {
  'population.potential_migrants': 60_000,
  scale: 10,
  'population.burn_in_weeks': 52,
  'population.initial_abroad_share': 0.3,
  'quota.annual': QUOTA,
};
const QUOTA_WEEKS = 156;

/** Every whole simulation of this file, run together in one child process on first use. */
const SIMULATIONS: Record<string, SimulationInput> = {
  'russia-2025, every origin under free movement': optionInput(RUSSIA, 'free-movement', 52, { ...SMALL, ...ALL_FREE }),
  'permit-tying: free movement': optionInput(scenarioOptions('permit-tying.yaml').find((o) => o.name === 'free movement')!, 'free-movement', 52, SMALL),
  quota: optionInput(KAZAKHSTAN, 'quota', QUOTA_WEEKS, QUOTA_WORLD),
  'quota, half a year of burn-in': optionInput(KAZAKHSTAN, 'quota', QUOTA_WEEKS, { ...QUOTA_WORLD, 'population.burn_in_weeks': 26 }),
  'quota, fixed': optionInput(KAZAKHSTAN, 'quota', QUOTA_WEEKS, { ...QUOTA_WORLD, 'quota.mode': 'fixed' }),
  'quota, fixed, half a year of burn-in': optionInput(KAZAKHSTAN, 'quota', QUOTA_WEEKS, { ...QUOTA_WORLD, 'quota.mode': 'fixed', 'population.burn_in_weeks': 26 }),
  ...Object.fromEntries(
    BASES.flatMap(({ label, option }) => [
      [`${label} as is`, optionInput(option, 'police', 52, SMALL)],
      [`${label} corruption 0`, optionInput(option, 'police', 52, { ...SMALL, 'police.corruption': 0 })],
      [`${label} capacity 0`, optionInput(option, 'police', 52, { ...SMALL, 'police.capacity': 0 })],
    ]),
  ),
};
const allRuns = once(() => simulateInChild(Object.values(SIMULATIONS)));

async function simulated(label: string): Promise<FinishedRun> {
  const k = Object.keys(SIMULATIONS).indexOf(label);
  if (k < 0) throw new Error(`no simulation "${label}"`);
  return (await allRuns())[k];
}

/** Day on which the tested migrant's situation changes; well past the registration and permit-application windows of arrival. */
const START = 70;

describe('employer-tied permits', () => {
  /** A formal worker holding an employer-tied permit for its employer, registered at the employer's address, legal on day START. */
  function tiedWorker(graceDays: number) {
    const world = emptyWorld(KAZAKHSTAN.params, { 'permit.grace_days': graceDays, 'registration.attempt_prob': 0 });
    const m = world.migrants;
    const i = arriveUnder(world, 'employer-tied');
    world.day = START;
    const e = employerNear(world, i);
    employ(world, i, e, true);
    issueEmployerTiedPermit(world, i, e, 365);
    m.registration[i] = Registration.EmployerAddress;
    m.registeredUntil[i] = START + 90;
    runDay(world, START);
    expect(isLegalNow(world, i)).toBe(true);
    return { world, i };
  }

  it.each([15, 30])(
    'a worker who loses the job keeps legal status for permit.grace_days (%i) days and is irregular from the day after',
    (graceDays) => {
      const { world, i } = tiedWorker(graceDays);
      separate(world, i, false);
      expect(legalDays(world, i, START + 1, START + graceDays + 20)).toEqual(range(START + 1, START + graceDays));
      expect(world.migrants.permit[i]).toBe(Permit.None);
      expect(world.migrants.employer[i]).toBe(NO_ONE);
    },
  );

  it('a worker who keeps the job stays legal over the same days', () => {
    const { world, i } = tiedWorker(15);
    expect(legalDays(world, i, START + 1, START + 35)).toEqual(range(START + 1, START + 35));
    expect(world.migrants.permit[i]).toBe(Permit.EmployerTied);
  });
});

describe('worker-tied permits (patents)', () => {
  /** A formally employed patent holder whose last paid day is START + 20, registered at their own address for a year. */
  /** Sharp choices (a large logit scale) make the holder keep or drop the permit for certain. */
  const DROPS: Params = { 'migrant.status_choice_scale': 100, 'migrant.legal_value': 0, 'police.capacity': 0 };
  const KEEPS: Params = { 'migrant.status_choice_scale': 100, 'migrant.legal_value': 5 };

  function patentHolder(savings: number, set: Params) {
    const world = emptyWorld(RUSSIA.params, { 'registration.attempt_prob': 0, ...set });
    const m = world.migrants;
    const i = arriveUnder(world, 'worker-tied');
    world.day = START;
    employ(world, i, employerNear(world, i), true);
    m.permit[i] = Permit.WorkerTied;
    m.permitEmployer[i] = NO_ONE;
    m.permitUntil[i] = START + 20;
    m.registration[i] = Registration.OwnAddress;
    m.registeredUntil[i] = START + 365;
    m.savings[i] = savings;
    return { world, i, paidUntil: START + 20 };
  }

  it('a holder who chooses to stop paying is legal until the last paid day and irregular from the day after', () => {
    const { world, i, paidUntil } = patentHolder(1_000_000, DROPS);
    expect(legalDays(world, i, START, paidUntil + 30)).toEqual(range(START, paidUntil));
    expect(world.migrants.permit[i]).toBe(Permit.None);
  });

  it('a holder without savings who wants to keep the permit borrows the fee and stays legal', () => {
    const { world, i, paidUntil } = patentHolder(0, KEEPS);
    expect(legalDays(world, i, START, paidUntil + 30)).toEqual(range(START, paidUntil + 30));
    expect(world.migrants.debt[i]).toBeGreaterThan(0);
    expect(world.accounts.paid[Payment.borrowed]).toBeGreaterThan(0);
  });

  it('a holder who can pay renews the permit and stays legal past the paid period', () => {
    const { world, i, paidUntil } = patentHolder(1_000_000, KEEPS);
    expect(legalDays(world, i, START, paidUntil + 30)).toEqual(range(START, paidUntil + 30));
    expect(world.migrants.permit[i]).toBe(Permit.WorkerTied);
    expect(world.accounts.paid[Payment.migrant_fee]).toBeGreaterThan(0);
  });
});

describe('free movement', () => {
  it('a formally employed, registered migrant without any permit is legal, and needs none later', () => {
    const world = emptyWorld(RUSSIA.params, { 'registration.attempt_prob': 0 });
    const m = world.migrants;
    const i = arriveUnder(world, 'free-movement');
    world.day = START;
    employ(world, i, employerNear(world, i), true);
    m.registration[i] = Registration.OwnAddress;
    m.registeredUntil[i] = START + 365;
    expect(m.permit[i]).toBe(Permit.None);
    expect(legalDays(world, i, START, START + 60)).toEqual(range(START, START + 60));
    expect(m.permit[i]).toBe(Permit.None);
  });

  it.each(['russia-2025, every origin under free movement', 'permit-tying: free movement'])(
    '%s issues no permits in any week, while migrants work formally and legally',
    async (label) => {
      const { values } = await simulated(label);
      expect(series(values, 'permits_issued').filter((v) => v !== 0)).toEqual([]);
      expect(series(values, 'legal').at(-1)).toBeGreaterThan(0);
      expect(series(values, 'employed_formal').at(-1)).toBeGreaterThan(0);
    },
  );
});

describe('the yearly quota (calendar quota years of the horizon: weeks 0–51, 52–103, 104–155)', () => {
  const yearOf = (week: number) => Math.floor(week / 52);

  /** Permits issued in each quota year of the horizon (week 0 carries no flows). */
  function issuedByYear(values: Float64Array): number[] {
    const permits = series(values, 'permits_issued');
    const byYear = Array.from({ length: yearOf(QUOTA_WEEKS - 1) + 1 }, () => 0);
    for (let week = 1; week < QUOTA_WEEKS; week++) byYear[yearOf(week)] += permits[week];
    return byYear;
  }

  // The base's own mode (slots granted to employers from their applications, quota.annual their ceiling) and the fixed book.
  describe.each([
    { mode: 'applications', run: 'quota', shortBurnIn: 'quota, half a year of burn-in' },
    { mode: 'fixed', run: 'quota, fixed', shortBurnIn: 'quota, fixed, half a year of burn-in' },
  ])('quota.mode $mode', ({ run, shortBurnIn }) => {
    it('is never exceeded: permits issued in each quota year stay within quota.annual × quota.low_skill_share, up to rounding each book to whole agents', async () => {
      const { values, quota: q, scale } = await simulated(run);
      const cap = QUOTA * (KAZAKHSTAN.params['kazakhstan.quota.low_skill_share'] as number);
      // A book (a region's, or its farm part) may issue up to the next whole agent above its share of the cap.
      let roundedUp = 0;
      for (let r = 0; r < q.regionCap.length; r++) roundedUp += Math.ceil(q.regionCap[r]) + Math.ceil(q.regionFarmCap[r]);
      expect(roundedUp * scale).toBeLessThanOrEqual(cap + q.regionCap.length * 2 * scale);

      const byYear = issuedByYear(values);
      byYear.forEach((issued, year) => expect(issued, `quota year ${year}`).toBeLessThanOrEqual(roundedUp * scale));
      // The quota binds: a later year uses most of what its books allow (whole permits each), so the bound above is tested.
      expect(Math.max(...byYear.slice(1))).toBeGreaterThanOrEqual(0.8 * cap);
    });

    it('books every permit: each week the quota book grows by the week\'s permits_issued, or starts from them when a year opens', async () => {
      const { values, scale, weekly } = await simulated(run);
      const permits = series(values, 'permits_issued');
      const wrong: string[] = [];
      for (let week = 1; week <= QUOTA_WEEKS; week++) {
        const opened = weekly.yearStart[week] !== weekly.yearStart[week - 1];
        const expected = (opened ? 0 : weekly.booked[week - 1]) + permits[week] / scale;
        if (weekly.booked[week] !== expected) wrong.push(`week ${week}: book ${weekly.booked[week]}, expected ${expected}`);
      }
      expect(wrong.slice(0, 5)).toEqual([]);
    });

    // Fails: the quota year that should open at week 0 never opens when there is a burn-in.
    // The burn-in's last step is week 0, which opens the horizon's first quota year (its permits count in the
    // book, though week 0 carries no flows), so each year's issue is read from the book in its last week.
    it.each([run, shortBurnIn])(
      'opens a quota year at week 0 whatever the burn-in, so that the first year issues permits like the others (%s)',
      async (label) => {
        const { weekly } = await simulated(label);
        expect(weekly.yearStart.slice(0, 52).filter((start) => start !== 0)).toEqual([]);
        const byYear = [51, 103, 155].map((lastWeek) => weekly.booked[lastWeek]);
        // Like the others: what employers are granted may fall short of the ceiling (the farm part), so the first year is compared with the later ones.
        // Employers' applications swing about their level for years from the start (ODD 5: from one year to the next, from about a third to about twice as many slots),
        // so after a short burn-in "like the others" is at least half the later years' most; a year that never opened issues none.
        expect(byYear[0]).toBeGreaterThanOrEqual(0.5 * Math.max(...byYear.slice(1)));
      },
    );
  });

  it('spends a fixed book first come, first served, but employers spread their own slots over the year', async () => {
    // Share of a quota year's permits issued in its first quarter (weeks 1–13 of year 1).
    const firstQuarter = (values: Float64Array) => {
      const permits = series(values, 'permits_issued');
      const year = permits.slice(52, 104).reduce((a, b) => a + b, 0);
      return permits.slice(52, 65).reduce((a, b) => a + b, 0) / year;
    };
    // Both books bind (the quota is far below what employers would hire): a fixed book is gone within the first quarter,
    // while slots spread over the year issue about a quarter of them there (half would mean most were spent early).
    expect(firstQuarter((await simulated('quota, fixed')).values)).toBeGreaterThan(0.5);
    expect(firstQuarter((await simulated('quota')).values)).toBeLessThan(0.5);
  });
});

describe('police', () => {
  const nonZero = (values: Float64Array, name: Parameters<typeof series>[1]) =>
    series(values, name)
      .map((v, week) => ({ week, v }))
      .filter(({ v }) => v !== 0);
  const sum = (values: Float64Array, name: Parameters<typeof series>[1]) => series(values, name).reduce((a, b) => a + b, 0);

  describe.each(BASES)('on $label, small', ({ label }) => {
    it('with the base\'s own corruption there are bribes (so the next test can fail)', async () => {
      expect(sum((await simulated(`${label} as is`)).values, 'bribes_count')).toBeGreaterThan(0);
    });

    it('police.corruption 0 means no bribes: bribes_count and bribes_amount are 0 in every week', async () => {
      const { values } = await simulated(`${label} corruption 0`);
      expect(nonZero(values, 'bribes_count')).toEqual([]);
      expect(nonZero(values, 'bribes_amount')).toEqual([]);
    });

    it('with the base\'s own police capacity there are removals and detainees (so the next test can fail)', async () => {
      const { values } = await simulated(`${label} as is`);
      expect(sum(values, 'removals')).toBeGreaterThan(0);
      expect(Math.max(...series(values, 'detained'))).toBeGreaterThan(0);
    });

    it('police.capacity 0 means no removals and nobody detained in any week', async () => {
      const { values } = await simulated(`${label} capacity 0`);
      expect(nonZero(values, 'removals')).toEqual([]);
      expect(nonZero(values, 'detained')).toEqual([]);
    });
  });
});

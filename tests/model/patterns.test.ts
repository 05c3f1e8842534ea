import { describe, expect, it } from 'vitest';
import { meanInterval, type MeanInterval } from '../../analysis/index.js';
import { COLUMN, INDICATORS, type IndicatorName } from '../../sim/model/indicators.js';
import type { ParamValue } from '../../sim/model/params/paramDef.js';
import { replicateSeed } from '../../sim/model/random.js';
import type { TimelineEvent } from '../../sim/model/simulate.js';
import { monthToWeek } from '../../sim/model/time.js';
import type { ResolvedOption } from '../../sim/scenario/index.js';
import { describeInterval } from '../helpers/knockout.js';
import { baseOption, meanOfLast, scaleFor, scenarioOptions } from '../helpers/model.js';
import { simulateInChild } from '../helpers/simulateInChild.js';

/**
 * Patterns the sources describe (ODD 1.2), checked over 20 seeds with
 * common random numbers: the arms of each test share their seeds and differ
 * in one thing only, the mechanism the pattern names. Each threshold is a
 * direction of effect or a bound read from the source cited beside it,
 * never from the model's output; each test's message reports the model's
 * value with its 95% interval. Nothing here is tuned into the model.
 */

const SEEDS = 20;
const W = INDICATORS.length;
/**
 * About 5,000 agents in Kazakhstan and 2,500 in Russia, with half a year of
 * burn-in: small enough for 20 seeds, and the arms' differences stay far
 * from the bounds (each test reports its intervals). The population is kept
 * and only the people per agent raised, so that quotas and other absolute
 * levels keep their weight against it.
 */
const KAZAKHSTAN_SMALL: Params = { scale: scaleFor(baseOption('kazakhstan-2008'), 5000), 'population.burn_in_weeks': 26 };
const RUSSIA_SMALL: Params = { scale: scaleFor(baseOption('russia-2025'), 2500), 'population.burn_in_weeks': 26 };
/** Generous: the machine running the suite may be shared. */
const TIMEOUT = 900_000;

type Params = Record<string, ParamValue>;
type Option = Pick<ResolvedOption, 'params' | 'places'>;

/** One arm: an option with parameters set on top and timeline events. */
interface Arm {
  readonly option: Option;
  readonly set?: Params;
  readonly events?: TimelineEvent[];
}

/**
 * Runs arms over the same SEEDS seeds (common random numbers) in one child
 * process (full speed); returns, per arm, the rows of place `all` of each seed.
 */
async function runArms(arms: readonly Arm[], small: Params, weeks: number, stream: number): Promise<Float64Array[][]> {
  const inputs = arms.flatMap(({ option, set = {}, events = [] }) =>
    Array.from({ length: SEEDS }, (_, seed) => ({ params: { ...option.params, ...set, ...small }, places: option.places, events, seed: replicateSeed(stream, seed), weeks })),
  );
  const runs = await simulateInChild(inputs);
  return arms.map((_, k) => runs.slice(k * SEEDS, (k + 1) * SEEDS).map((run) => run.values));
}

function at(values: Float64Array, week: number, name: IndicatorName): number {
  return values[week * W + COLUMN[name]];
}

function total(values: Float64Array, name: IndicatorName): number {
  let sum = 0;
  for (let week = 1; week < values.length / W; week++) sum += values[week * W + COLUMN[name]];
  return sum;
}

/** A per-seed statistic's mean over SEEDS seeds with its 95% t-interval (paired, when it is a difference between arms). */
function overSeeds(statistic: (seed: number) => number): MeanInterval {
  return meanInterval(Array.from({ length: SEEDS }, (_, seed) => statistic(seed)));
}

describe('patterns from the sources, one mechanism at a time, over 20 paired seeds', () => {
  it('higher police corruption raises bribes paid without raising removals (003 L3197–3200)', async () => {
    // Arms differ only in police.corruption, at the two ends of the range the bases give it
    // (scenarios/bases/kazakhstan-2008.yaml: [0.2, 0.8], an assumption; no survey, regimes CR1).
    const option = scenarioOptions('quota-cut.yaml')[0];
    const [honest, corrupt] = await runArms(
      [
        { option, set: { 'police.corruption': 0.2 } },
        { option, set: { 'police.corruption': 0.8 } },
      ],
      KAZAKHSTAN_SMALL,
      52,
      99,
    );
    const bribes = overSeeds((s) => total(corrupt[s], 'bribes_amount') - total(honest[s], 'bribes_amount'));
    const removals = overSeeds((s) => total(corrupt[s], 'removals') - total(honest[s], 'removals'));
    // 003 L3197–3200: employers bribe the police and take their workers back from detention, so
    // raids become "a way to earn money": more bribes, and fewer of the detained removed.
    expect(bribes.ci_low, `bribes, corrupt − honest: ${describeInterval(bribes)}`).toBeGreaterThan(0);
    expect(removals.ci_high, `removals, corrupt − honest: ${describeInterval(removals)}`).toBeLessThan(0);
  }, TIMEOUT);

  it('an employer-tied amnesty legalises a cohort that returns to irregularity when it expires (003 L2155–2209)', async () => {
    // The 2006 amnesty (scenarios/amnesty.yaml: the 2006 quota, employer-tied status). Three arms
    // on the same seeds: no window; the window with the status expiring; the same window with a
    // status that outlasts the horizon. The last two differ only in the expiry.
    const option = scenarioOptions('amnesty.yaml')[1];
    // The window is open three months, as the 2006 legalisation took about three months
    // (003 L1413). The status lasts half a year rather than three years (003 L2155–2161) to keep
    // the run short (what is tested is what happens at its end, not its length), and so that
    // its permits differ from quota permits (permit.validity_days, a year).
    const open = monthToWeek(1);
    const close = monthToWeek(4);
    const window: TimelineEvent[] = [
      { week: open, set: { 'amnesty.open': true } },
      { week: close, set: { 'amnesty.open': false } },
    ];
    const validityDays = 182;
    const heldWeek = open + validityDays / 7 - 1;
    // One registration period (3 months, 003 L2951–2952) after the last status has lapsed.
    const laterWeek = close + validityDays / 7 + 13;
    const probe = (validity: number) => ({ module: 'tests/model/probes/amnestyCohort.ts', name: 'amnestyCohort', args: { validityDays: validity, closeWeek: close, heldWeek, laterWeek } });
    const arms: { validity: number; events: TimelineEvent[] }[] = [
      { validity: validityDays, events: [] },
      { validity: validityDays, events: window },
      { validity: 7300, events: window },
    ];
    const runs = await simulateInChild(
      arms.flatMap(({ validity, events }) =>
        Array.from({ length: SEEDS }, (_, seed) => ({
          params: { ...option.params, 'amnesty.validity_days': validity, ...KAZAKHSTAN_SMALL },
          places: option.places,
          events,
          seed: replicateSeed(99, seed),
          weeks: laterWeek,
          probe: probe(validity),
        })),
      ),
    );
    const arm = (k: number) => runs.slice(k * SEEDS, (k + 1) * SEEDS);
    const [none, expiring, lasting] = [arm(0), arm(1), arm(2)];
    const legal = (runsOfArm: typeof none, week: number, s: number) => at(runsOfArm[s].values, week, 'legal');
    const gainWhileOpen = overSeeds((s) => legal(expiring, close + 4, s) - legal(none, close + 4, s));
    const gainBeforeExpiry = overSeeds((s) => legal(expiring, heldWeek, s) - legal(none, heldWeek, s));
    const gainAfter = overSeeds((s) => legal(expiring, laterWeek, s) - legal(none, laterWeek, s));
    // Of the legalised still legal the week before the first status expires: the share legal
    // (among those still abroad) a registration period after the last expiry, in each arm.
    const stillLegal = (runsOfArm: typeof none, s: number) => runsOfArm[s].probe as number;
    const withExpiry = overSeeds((s) => stillLegal(expiring, s));
    const withoutExpiry = overSeeds((s) => stillLegal(lasting, s));
    const lost = overSeeds((s) => stillLegal(lasting, s) - stillLegal(expiring, s));
    const report =
      `legal, amnesty − none: 4 weeks after the window ${describeInterval(gainWhileOpen)}, the week before the first expiry ${describeInterval(gainBeforeExpiry)}, ` +
      `a registration period after the last ${describeInterval(gainAfter)}; share of the cohort legal then, with the expiry ${describeInterval(withExpiry)}, ` +
      `without it ${describeInterval(withoutExpiry)}`;
    expect(gainWhileOpen.ci_low, report).toBeGreaterThan(0);
    expect(gainBeforeExpiry.ci_low, report).toBeGreaterThan(0);
    // When the status ends the legalised fall back on 3-month registrations and "не смогу работать
    // легально" (003 L2197–2203), with nothing decided to follow (004 L1316–1324); the ministry
    // judged such legalisation "cannot become a system" (003 L2205–2209). So: the expiry itself
    // takes legal status away (lasting − expiring > 0, per seed), and afterwards most of those
    // who held it are irregular (the share legal, with the expiry, below one half).
    expect(lost.ci_low, `${report}; lost to the expiry ${describeInterval(lost)}`).toBeGreaterThan(0);
    expect(withExpiry.ci_high, report).toBeLessThan(0.5);
  }, TIMEOUT);

  it('costs above earnings make patent holders irregular after about three months (001 L24–28)', async () => {
    const option = scenarioOptions('patent-price.yaml')[0];
    // The source's condition (001 L19–28): registration, patent and housing cost more than the
    // migrant can earn. From week 1 the living cost is the base's highest formal wage
    // (construction, 54,000 RUB a month: regimes RU40), so that no wage covers it and the patent
    // too. The two arms differ only in this cost.
    const highestWage = 54_000;
    const squeeze: TimelineEvent[] = [{ week: 1, set: { 'migrant.living_cost': highestWage } }];
    // Followed directly (probes/patentCohort.ts): the share of week-0 patent holders still abroad
    // who hold a valid patent, by week; without a valid patent a worker is irregular (7.0).
    const cohort = { module: 'tests/model/probes/patentCohort.ts', name: 'patentCohort' };
    const weeks = 39;
    const runs = await simulateInChild(
      [squeeze, []].flatMap((events) =>
        Array.from({ length: SEEDS }, (_, seed) => ({ params: { ...option.params, ...RUSSIA_SMALL }, places: option.places, events, seed: replicateSeed(7, seed), weeks, probe: cohort })),
      ),
    );
    /** The week half the cohort has lapsed (the horizon if it never does). */
    const halfLife = (survival: (number | null)[]) => {
      const week = survival.findIndex((share) => share !== null && share < 0.5);
      return week < 0 ? survival.length : week;
    };
    const months = runs.map((run) => halfLife(run.probe as (number | null)[]) / (52 / 12));
    const squeezed = overSeeds((s) => months[s]);
    const later = overSeeds((s) => months[SEEDS + s] - months[s]);
    const report = `months to half the cohort irregular, squeezed: ${describeInterval(squeezed)}; usual − squeezed: ${describeInterval(later)}`;
    // "3 айдан кийин эле" (after just 3 months, 001 L26): one figure in whole months, with no
    // spread. Read as within one month of three: the interval of the mean lies in [2, 4] months.
    expect(squeezed.ci_low, report).toBeGreaterThanOrEqual(2);
    expect(squeezed.ci_high, report).toBeLessThanOrEqual(4);
    // Under the base's costs holders keep paying longer (direction only).
    expect(later.ci_low, report).toBeGreaterThan(0);
  }, TIMEOUT);

  // Once a known miss (ODD 1.2, 9): under the RU base's earlier values formal employment did not
  // rise (factor about 1.0, 95% interval including 1, on 20 seeds); under its calibrated values
  // (calibration/russia-2025/) the interval of the factor lies above 1.
  it("Russia's switch to worker-issued permits multiplies legal employment (003 L2734–2736; 004 L1876–1882)", async () => {
    // Russia (the RU base), where the switch happened: permits issued to employers for named
    // workers before, to the migrants themselves after (004 L1876–1882). The arms differ only in
    // the regime, for citizens of every origin (all needed a permit then; the Kyrgyz joined free
    // movement only in 2015, regimes RU17); the quota (none) and all else are the base's. Both
    // arms set the same price of a permit, whoever holds it: at issue, the worker-tied permit costs
    // its holder what the employer-tied one costs its employer (employer.permit_cost, the
    // registry's 10,000, which the RU base keeps), with no monthly fee, so that the price of
    // the 2025 patent is not what is compared.
    const option = baseOption('russia-2025');
    const permitPrice = 10_000;
    const regime = (value: string): Params => ({
      'kyrgyzstan.russia.regime': value,
      'uzbekistan.russia.regime': value,
      'tajikistan.russia.regime': value,
      'permit.monthly_fee': 0,
      'permit.initial_cost': permitPrice,
    });
    const weeks = 78;
    const [employerTied, workerTied] = await runArms([{ option, set: regime('employer-tied') }, { option, set: regime('worker-tied') }], RUSSIA_SMALL, weeks, 99);
    // Formal employment averaged over the last year (a quota year's cycle averages out over 52 weeks).
    const formal = (arm: Float64Array[], s: number) => meanOfLast(arm[s], 52, 'employed_formal');
    const factor = overSeeds((s) => formal(workerTied, s) / Math.max(formal(employerTied, s), 1));
    // The source saw ×25 (13,000 → 330,000 Kyrgyz with work permits), "above all" from the 2007
    // reform (003 L2734–2736) but without separating it from other causes, so no size can be
    // read from it: the test asks for the direction, a factor whose interval lies above 1.
    expect(factor.ci_low, `factor worker-tied / employer-tied ${describeInterval(factor)} (source: ×25)`).toBeGreaterThan(1);
  }, TIMEOUT);
});

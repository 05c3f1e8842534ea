import { beforeAll, describe, expect, it } from 'vitest';
import { meanInterval } from '../../analysis/index.js';
import type { IndicatorName } from '../../sim/model/indicators.js';
import { monthToWeek } from '../../sim/model/time.js';
import type { ResolvedEvent, ResolvedOption } from '../../sim/scenario/index.js';
import { describeInterval, effectSign, type KnockoutResult } from '../helpers/knockout.js';
import { baseOption, optionInput, series, total, type Params } from '../helpers/model.js';
import type { ProbeRequest } from '../helpers/probe.js';
import { simulateSideBySide, type ChildInput, type FinishedRun } from '../helpers/simulateInChild.js';
import type { HiresByRegion } from './probes/employers.js';
import type { LeavingOwed } from './probes/knockouts.js';

/**
 * Knockouts of the rules of sim/model/rules (and the decisions they call):
 * each rule's parameter at a neutral value moves the indicator the rule
 * drives, paired over 10 seeds (each seed's arms start from the same
 * world), with a 95% interval of the paired differences on − off that
 * excludes zero on the side the rule says. Mechanisms knocked out in other
 * files (employers, brokers, police units, relocation, quota applications,
 * seasons, renewal, debts) are not repeated here.
 *
 * Arms that share a world share one "on" run per seed; all runs go to two
 * child processes at once (the model runs at full speed there).
 */

const RUSSIA = baseOption('russia-2025');
const KAZAKHSTAN = baseOption('kazakhstan-2008');
/**
 * 1,500 agents after half a year of burn-in: each arm's runs differ from the
 * other arm's only in the mechanism, on the same seeds, so a small world
 * shows each of these effects well clear of zero.
 */
const SMALL_WORLD: Params = { 'population.potential_migrants': 30_000, scale: 20, 'population.burn_in_weeks': 26 };
/** 3,000 agents, for Russia as it is: removals by denunciation are rare, and need the larger world to stand clear of zero. */
const RUSSIA_WORLD: Params = { ...SMALL_WORLD, 'population.potential_migrants': 60_000 };
const SEEDS = Array.from({ length: 10 }, (_, k) => `knockouts:${k}`);
const PROBES = 'tests/model/probes/knockouts.ts';
/** A timeline event at the start of a month of the horizon. */
const event = (month: number, set: Params): ResolvedEvent => ({ month, week: monthToWeek(month), set });
/** Kazakhstan with an amnesty window open in months 1–2. */
const AMNESTY = { ...KAZAKHSTAN, events: [event(1, { 'amnesty.open': true }), event(3, { 'amnesty.open': false })] };
/** Generous: the machine running the suite may be shared. */
const TIMEOUT = 600_000;

/** Runs of one world: the mechanisms on (arm `on`), and each named arm with its parameters switched to neutral. */
interface Setting {
  readonly option: Pick<ResolvedOption, 'params' | 'events' | 'places'>;
  readonly common: Params;
  readonly weeks: number;
  readonly probe?: ProbeRequest;
  readonly off: Record<string, Params>;
  /** Arms whose parameters change at week 0, after a burn-in they share with arm `on`. */
  readonly offFromWeek0?: Record<string, Params>;
}

const SETTINGS = {
  /** Russia 2025 as it is, a year. */
  russia: {
    option: RUSSIA,
    common: RUSSIA_WORLD,
    weeks: 52,
    off: {
      detection: { 'police.detection': 0 },
      listing: { 'registry.listing_weekly': 0 },
      signal: { 'digital.signal_loss_weekly': 0 },
      denunciation: { 'employer.denounce_prob': 0 },
    },
    /*
     * Wages cut to nothing after the burn-in, so that both arms start the
     * horizon from the same world and the first weeks' departures differ
     * by the decision alone; cut from the start, half a year without pay
     * changes who is at home and abroad by week 0, which moved arrivals
     * even when the decision ignored the wage abroad.
     */
    offFromWeek0: {
      earnings: { 'labour.wage.construction': 0, 'labour.wage.agriculture': 0, 'labour.wage.trade': 0, 'labour.wage.services': 0, 'labour.wage.domestic': 0 },
    },
  },
  /**
   * Russia where no employer withholds pay or denounces workers (no
   * abusive employers), so that what an employer expects the police to
   * cost it bears only on whether it hires formally, and where raids are
   * 48 times as frequent (in a small world raids are rare); a year, with
   * every hire counted.
   */
  fines: {
    option: RUSSIA,
    common: { ...SMALL_WORLD, 'employer.abusive_share': 0, 'police.raids_per_officer_weekly': 12 },
    weeks: 52,
    probe: { module: 'tests/model/probes/employers.ts', name: 'hiresAfterFineWave', args: { weeks: 52 } },
    off: { noFine: { 'employer.fine': 0 } },
  },
  /**
   * Russia where checks find no irregularity (police.detection 0), so the
   * police take bribes only by extorting legal migrants, every check finds a
   * rubber address out, and migrants can register only at a broker's rubber
   * address (no own or employer's address); half a year.
   */
  checks: {
    option: RUSSIA,
    common: { ...SMALL_WORLD, 'police.detection': 0, 'broker.rubber_address_detect': 1, 'registration.own_address_prob': 0, 'registration.employer_address_prob': 0 },
    weeks: 26,
    probe: { module: PROBES, name: 'onRubberAddresses' },
    off: { extortion: { 'police.extortion_of_legal': 0 }, rubber: { 'broker.rubber_address_detect': 0 } },
  },
  /** Kazakhstan 2008 (employer-tied permits, farm work) without the business cycle, whose turns would blur the seasons; a year from 1 January. */
  kazakhstan: {
    option: KAZAKHSTAN,
    common: { ...SMALL_WORLD, 'economy.cycle_sd': 0 },
    weeks: 52,
    off: {
      season: { 'labour.offseason_demand': 1 },
      workerTied: { 'uzbekistan.kazakhstan.regime': 'worker-tied', 'kyrgyzstan.kazakhstan.regime': 'worker-tied', 'tajikistan.kazakhstan.regime': 'worker-tied' },
    },
  },
  /** Kazakhstan where nobody quits over arrears (at 24 months owed): the tie changes only what employers withhold. */
  withholding: {
    option: KAZAKHSTAN,
    common: { ...SMALL_WORLD, 'migrant.quit_arrears_months': 24 },
    weeks: 52,
    off: { untied: { 'migrant.tied_quit_factor': 1 } },
  },
  /** Kazakhstan where a worker earns the employer nothing above the wage, so losing one costs it nothing: the tie changes only who quits. */
  quitting: {
    option: KAZAKHSTAN,
    common: { ...SMALL_WORLD, 'employer.revenue_per_wage': 0 },
    weeks: 52,
    probe: { module: PROBES, name: 'leavingOwed' },
    off: { untied: { 'migrant.tied_quit_factor': 1 } },
  },
  /** Russia where no migrant from a patent country speaks Russian and nobody passes the language exam; half a year. */
  exam: {
    option: RUSSIA,
    common: { ...SMALL_WORLD, 'uzbekistan.russian_speakers': 0, 'tajikistan.russian_speakers': 0, 'permit.exam_pass_rate': 0 },
    weeks: 26,
    off: { noExam: { 'permit.exam_pass_rate': 1 } },
  },
  /** Kazakhstan with an employer-tied amnesty open in months 1–2 whose status lasts 13 weeks; 40 weeks. */
  amnesty: {
    option: AMNESTY,
    common: { ...SMALL_WORLD, 'amnesty.validity_days': 91 },
    weeks: 40,
    off: { lasting: { 'amnesty.validity_days': 7300 } },
  },
  /** The same with an open amnesty (a permit of the worker's own). */
  openAmnesty: {
    option: AMNESTY,
    common: { ...SMALL_WORLD, 'amnesty.kind': 'open', 'amnesty.validity_days': 91 },
    weeks: 40,
    off: { lasting: { 'amnesty.validity_days': 7300 } },
  },
} satisfies Record<string, Setting>;

type SettingName = keyof typeof SETTINGS;
/** Runs by setting and arm (`on` or an off arm's name), one per seed in SEEDS' order. */
let runs: Record<string, Record<string, FinishedRun[]>>;

beforeAll(async () => {
  const jobs: { setting: string; arm: string; input: ChildInput }[] = [];
  for (const [name, s] of Object.entries(SETTINGS) as [string, Setting][]) {
    const arms = [
      { arm: 'on', option: s.option, set: {} },
      ...Object.entries(s.off).map(([arm, set]) => ({ arm, option: s.option, set })),
      ...Object.entries(s.offFromWeek0 ?? {}).map(([arm, set]) => ({ arm, option: { ...s.option, events: [...s.option.events, event(0, set)] }, set: {} })),
    ];
    for (const { arm, option, set } of arms) {
      for (const seed of SEEDS) {
        const input = optionInput(option, seed, s.weeks, { ...s.common, ...set });
        jobs.push({ setting: name, arm, input: s.probe ? { ...input, probe: s.probe } : input });
      }
    }
  }
  // Two children (the machine has two cores).
  const done = await simulateSideBySide(jobs.map((job) => job.input), 2);
  runs = {};
  jobs.forEach((job, j) => {
    const arms = (runs[job.setting] ??= {});
    (arms[job.arm] ??= []).push(done[j]);
  });
}, TIMEOUT);

/** The knockout of arm `off` of a setting against its `on` arm, by `measure`. */
function knockedOut(setting: SettingName, off: string, measure: (run: FinishedRun) => number): KnockoutResult {
  const on = runs[setting].on.map(measure);
  const offValues = runs[setting][off].map(measure);
  return { on, off: offValues, difference: meanInterval(on.map((x, k) => x - offValues[k])) };
}

/** The mean of an indicator over weeks from..to. */
const meanOver = (run: FinishedRun, name: IndicatorName, from: number, to: number) => total(run.values, name, from, to) / (to - from + 1);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('withholding pay from tied workers (decisions/abuse.ts, called by rules/money.ts; migrant.tied_quit_factor 1; wages_withheld)', () => {
  it('employers withhold more pay where a worker cannot walk out without losing status or passport: with no quits over arrears, a tie that no longer holds workers lowers wages withheld', () => {
    const result = knockedOut('withholding', 'untied', (run) => total(run.values, 'wages_withheld'));
    expect(effectSign(result), describeInterval(result.difference)).toBe(1);
  });
});

describe('tied workers are reluctant to quit (rules/labourMarket.ts; migrant.tied_quit_factor 1; the share of tied workers owed wages who leave their job within a week)', () => {
  it('when quitting ends their legal status or leaves their passport with the employer, fewer of those owed wages leave: without the tie more do', () => {
    const rate = (run: FinishedRun) => {
      const owed = run.probe as LeavingOwed;
      return owed.tiedLeft / owed.tiedAtRisk;
    };
    const result = knockedOut('quitting', 'untied', rate);
    expect(effectSign(result), describeInterval(result.difference)).toBe(-1);
  });
});

describe('listing on the control registry (rules/documentUpkeep.ts; registry.listing_weekly 0; on_registry)', () => {
  it('listing irregular migrants whose lapse the state recorded raises the number on the registry', () => {
    const result = knockedOut('russia', 'listing', (run) => meanOver(run, 'on_registry', 1, 52));
    expect(effectSign(result), describeInterval(result.difference)).toBe(1);
  });
});

describe('digital registration loses its signal (rules/documentUpkeep.ts; digital.signal_loss_weekly 0; on_registry)', () => {
  it('a digital registration lost for want of a location signal lists the migrant: signal loss raises the number on the registry', () => {
    const result = knockedOut('russia', 'signal', (run) => meanOver(run, 'on_registry', 1, 52));
    expect(effectSign(result), describeInterval(result.difference)).toBe(1);
  });
});

describe('police find rubber addresses out (rules/enforcement.ts; broker.rubber_address_detect 0; migrants registered at a rubber address)', () => {
  it('a check that finds a rubber address invalid ends the registration: fewer are registered at rubber addresses', () => {
    const result = knockedOut('checks', 'rubber', (run) => run.probe as number);
    expect(effectSign(result), describeInterval(result.difference)).toBe(-1);
  });
});

describe('police extort legal migrants (rules/enforcement.ts; police.extortion_of_legal 0; bribes_count)', () => {
  it('where checks find no irregularity, the bribes paid are extorted from legal migrants: extortion raises bribes paid', () => {
    const result = knockedOut('checks', 'extortion', (run) => total(run.values, 'bribes_count'));
    expect(effectSign(result), describeInterval(result.difference)).toBe(1);
  });
});

describe('employers found employing informally are fined (rules/enforcement.ts; employer.fine 0; fines_employers)', () => {
  it('fines on employers are paid', () => {
    const result = knockedOut('fines', 'noFine', (run) => total(run.values, 'fines_employers'));
    expect(result.off.every((x) => x === 0)).toBe(true);
    expect(effectSign(result), describeInterval(result.difference)).toBe(1);
  });
});

describe('expected sanctions deter informal hiring (decisions/formality.ts, called by rules/hiring.ts; employer.fine 0; share of hires that are formal)', () => {
  it('employers who expect fines for informal workers hire formally more: without fines a smaller share of hires is formal', () => {
    const share = (run: FinishedRun) => {
      const { hires, formal } = run.probe as HiresByRegion;
      return sum(formal) / sum(hires);
    };
    const result = knockedOut('fines', 'noFine', share);
    expect(effectSign(result), describeInterval(result.difference)).toBe(1);
  });
});

describe('employers denounce irregular workers they owe (rules/money.ts, decisions/abuse.ts; employer.denounce_prob 0; removals)', () => {
  it('a worker the employer calls the police on is detained and removed: denunciation raises removals', () => {
    const result = knockedOut('russia', 'denunciation', (run) => total(run.values, 'removals'));
    expect(effectSign(result), describeInterval(result.difference)).toBe(1);
  });
});

describe('police detect irregularity (rules/enforcement.ts; police.detection 0; cases_recorded)', () => {
  it('a check that finds an irregularity leads to a case (unless bribed away): detection raises the cases recorded', () => {
    const result = knockedOut('russia', 'detection', (run) => total(run.values, 'cases_recorded'));
    expect(effectSign(result), describeInterval(result.difference)).toBe(1);
  });
});

describe('the destination\'s earnings draw migrants (decisions/destinationChoice.ts, called by rules/departures.ts; labour.wage.* 0 from week 0; arrivals in the first quarter)', () => {
  it('the wage expected abroad is what makes leaving worth it: with no earnings abroad, most who would leave stay', () => {
    const result = knockedOut('russia', 'earnings', (run) => total(run.values, 'arrivals', 1, 13));
    expect(effectSign(result), describeInterval(result.difference)).toBe(1);
    // Without pay, going costs more than it brings whatever else a migrant weighs, so most stay (0.6% of the arrivals are left); a decision blind to the wage abroad (its gain taken at the home wage) still lost some arrivals, through the cost of papers, which weighs the wage, but kept 72%.
    const kept = sum(result.off) / sum(result.on);
    expect(kept, `arrivals in the first quarter without earnings abroad, as a share of those with them`).toBeLessThan(0.5);
  });
});

describe('farm seasons (rules/labourDemand.ts; labour.offseason_demand 1; employment in July–August less employment in January–February)', () => {
  it('farms offer fewer jobs out of season: the seasons widen the gap between summer and winter employment', () => {
    const swing = (run: FinishedRun) => {
      const employed = series(run.values, 'employed_formal').map((x, week) => x + series(run.values, 'employed_informal')[week]);
      // Week 1 starts on 1 January; weeks 27–36 are July and August.
      return sum(employed.slice(27, 37)) / 10 - sum(employed.slice(1, 9)) / 8;
    };
    const result = knockedOut('kazakhstan', 'season', swing);
    expect(effectSign(result), describeInterval(result.difference)).toBe(1);
  });
});

describe('the permit regime: a permit tied to the employer (actions/legalStatus.ts, rules/hiring.ts, rules/paperwork.ts; the pair\'s regime worker-tied; wages_withheld)', () => {
  it('a worker whose permit names the employer is trapped with it, and employers withhold more pay than when the permit is the worker\'s', () => {
    const result = knockedOut('kazakhstan', 'workerTied', (run) => total(run.values, 'wages_withheld'));
    expect(effectSign(result), describeInterval(result.difference)).toBe(1);
  });
});

describe('the language exam for a worker-tied permit (rules/paperwork.ts; permit.exam_pass_rate 1; permits_issued)', () => {
  it('an exam nobody passes issues no permit to those who speak no Russian; without the exam permits are issued', () => {
    const result = knockedOut('exam', 'noExam', (run) => total(run.values, 'permits_issued'));
    expect(result.on.every((x) => x === 0)).toBe(true);
    expect(effectSign(result), describeInterval(result.difference)).toBe(-1);
  });
});

describe('amnesty status runs out (rules/amnesty.ts, rules/documentUpkeep.ts; amnesty.validity_days 7300; legal)', () => {
  it('a status that expires after 13 weeks leaves fewer legal once it has run out than one lasting 20 years', () => {
    // The last permits of the window run out in week monthToWeek(3) + 13.
    const result = knockedOut('amnesty', 'lasting', (run) => meanOver(run, 'legal', monthToWeek(3) + 14, 40));
    expect(effectSign(result), describeInterval(result.difference)).toBe(-1);
  });

  it('so does an open amnesty\'s permit', () => {
    const result = knockedOut('openAmnesty', 'lasting', (run) => meanOver(run, 'legal', monthToWeek(3) + 14, 40));
    expect(effectSign(result), describeInterval(result.difference)).toBe(-1);
  });
});

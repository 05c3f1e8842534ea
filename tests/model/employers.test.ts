import { describe, expect, it } from 'vitest';
import { meanInterval } from '../../analysis/index.js';
import { denounceChance, withholdChance } from '../../sim/model/decisions/abuse.js';
import { employerExpectedSanction } from '../../sim/model/decisions/employerPerception.js';
import { formalPropensity } from '../../sim/model/decisions/formality.js';
import { SECTORS } from '../../sim/model/params/places.js';
import { employerLearning } from '../../sim/model/rules/employerLearning.js';
import { measure, placeCount } from '../../sim/model/rules/measure.js';
import { employerBribes, fineEmployer } from '../../sim/model/rules/enforcement.js';
import { adjustWages } from '../../sim/model/rules/wages.js';
import { simulate } from '../../sim/model/simulate.js';
import { Flag, NO_ONE, Status } from '../../sim/model/state/codes.js';
import type { World } from '../../sim/model/world.js';
import { describeInterval, effectSign, knockout } from '../helpers/knockout.js';
import { baseOption, once, optionInput, scaleFor, SMALL, WIDTH, type Params } from '../helpers/model.js';
import { COLUMN } from '../../sim/model/indicators.js';
import { simulateInChild } from '../helpers/simulateInChild.js';
import type { HiresByRegion } from './probes/employers.js';

/**
 * Employers that adapt: they learn what the police cost them from their own
 * and their peers' cases, weigh withholding and denunciation by what they
 * gain and risk, pay wages the market moves, and offer jobs as the regional
 * economy moves.
 */

const RUSSIA = baseOption('russia-2025');
const MOSCOW = 0;
const ST_PETERSBURG = 1;
/** About 2,500 agents (the base's potential migrants at as many people per agent as that takes), half a year of burn-in. */
const RUSSIA_SMALL: Params = { scale: scaleFor(RUSSIA, 2500), 'population.burn_in_weeks': 26 };
const PROBES = 'tests/model/probes/employers.ts';
/** Generous: the machine running the suite may be shared. */
const TIMEOUT = 600_000;

/** A small Russian world after its burn-in, as week 0 leaves it. */
function worldAfterWeek0(set: Params = {}): World {
  return simulate({ params: { ...RUSSIA.params, ...SMALL, ...set }, places: RUSSIA.places, seed: 'employers', weeks: 0 }).world;
}

/** Measures the world once more, gathering this week's news as the week's measure does. */
function gatherNews(world: World): World {
  measure(world, new Float64Array(placeCount(world) * WIDTH));
  return world;
}

/** A small Russian world after its burn-in, at week 0, with the news of its informal workers gathered as the week's measure gathers them. */
function worldAtStart(set: Params = {}): World {
  return gatherNews(worldAfterWeek0(set));
}

/** Informal workers of each employer abroad now. */
function informalWorkers(world: World): Int32Array {
  const count = new Int32Array(world.employers.count);
  const m = world.migrants;
  for (let i = 0; i < m.count; i++) if (m.status[i] === Status.Abroad && m.employer[i] !== NO_ONE && !(m.flags[i] & Flag.Formal)) count[m.employer[i]]++;
  return count;
}

/** The employer with most informal workers among those that have a peer (another employer of its region and sector). */
function busiestWithPeers(world: World): { e: number; peer: number; informal: number } {
  const informal = informalWorkers(world);
  let best = { e: -1, peer: -1, informal: 0 };
  for (const peers of world.employers.bySector) {
    if (peers.length < 2) continue;
    for (const e of peers) if (informal[e] > best.informal) best = { e, peer: peers[0] === e ? peers[1] : peers[0], informal: informal[e] };
  }
  if (best.e < 0) throw new Error('no employer with informal workers and a peer');
  return best;
}

describe('the news of week 0', () => {
  it('is gathered once: after week 0 is recorded, a measure counts each informal worker once for its employer and each job seeker once', () => {
    const world = worldAfterWeek0();
    expect(world.employers.newsInformal.every((n) => n === 0)).toBe(true);
    expect(world.economy.seekers.every((n) => n === 0)).toBe(true);
    gatherNews(world);
    const informal = informalWorkers(world);
    expect(informal.some((n) => n > 0)).toBe(true);
    expect(Array.from(world.employers.newsInformal)).toEqual(Array.from(informal));
    const m = world.migrants;
    let seekers = 0;
    for (let i = 0; i < m.count; i++) if (m.status[i] === Status.Abroad && m.employer[i] === NO_ONE) seekers++;
    expect(seekers).toBeGreaterThan(0);
    expect(world.economy.seekers.reduce((a, n) => a + n, 0)).toBe(seekers);
  });
});

describe('employers learn what the police cost them (russia-2025, a small world after burn-in)', () => {
  /** Three copies of the same world: left alone, the busiest employer fined, and the same employer buying its way out. */
  const arms = once(() => {
    const [quiet, fined, bribed] = [worldAtStart(), worldAtStart(), worldAtStart()];
    const { e, peer, informal } = busiestWithPeers(quiet);
    for (let k = 0; k < informal; k++) {
      fineEmployer(fined, e);
      employerBribes(bribed, e);
    }
    for (const world of [quiet, fined, bribed]) employerLearning(world);
    return { quiet, fined, bribed, e, peer };
  });

  it('a fined employer expects a higher sanction and hires formally more readily than it would have unfined', () => {
    const { quiet, fined, e } = arms();
    expect(employerExpectedSanction(fined, e)).toBeGreaterThan(employerExpectedSanction(quiet, e));
    expect(formalPropensity(fined, e, false)).toBeGreaterThan(formalPropensity(quiet, e, false));
  });

  it('its peers (same region and sector) also expect more and hire formally more readily', () => {
    const { quiet, fined, peer } = arms();
    expect(employerExpectedSanction(fined, peer)).toBeGreaterThan(employerExpectedSanction(quiet, peer));
    expect(formalPropensity(fined, peer, false)).toBeGreaterThan(formalPropensity(quiet, peer, false));
  });

  it('an employer that bribed its way out expects a lower sanction and hires formally less readily', () => {
    const { quiet, bribed, e } = arms();
    expect(employerExpectedSanction(bribed, e)).toBeLessThan(employerExpectedSanction(quiet, e));
    expect(formalPropensity(bribed, e, false)).toBeLessThan(formalPropensity(quiet, e, false));
  });
});

describe('withholding and denunciation weigh what the employer gains against what it risks', () => {
  /** Some worker of an abusive employer with the given legal status. */
  function workerOfAbusive(world: World, legal: boolean): { i: number; e: number } {
    const m = world.migrants;
    for (let i = 0; i < m.count; i++) {
      const e = m.employer[i];
      if (m.status[i] === Status.Abroad && e !== NO_ONE && world.employers.abusive[e] && ((m.flags[i] & Flag.Legal) !== 0) === legal) return { i, e };
    }
    throw new Error(`no ${legal ? 'legal' : 'irregular'} worker of an abusive employer`);
  }

  it.each([true, false])('withholding from a worker (legal: %s) falls when the cost the employer expects of a case rises', (legal) => {
    const world = worldAtStart();
    const { i, e } = workerOfAbusive(world, legal);
    const before = withholdChance(world, i, e);
    world.employers.caseCost[e] *= 3;
    expect(withholdChance(world, i, e)).toBeLessThan(before);
  });

  it('an employer withholds more from an irregular worker, who is less likely to complain, than from a legal one', () => {
    const world = worldAtStart();
    const { i, e } = workerOfAbusive(world, true);
    const legal = withholdChance(world, i, e);
    world.migrants.flags[i] &= ~Flag.Legal;
    expect(withholdChance(world, i, e)).toBeGreaterThan(legal);
  });

  it('calling the police on an irregular worker becomes likelier the more the employer owes them, and less likely the more it expects to be sanctioned', () => {
    const world = worldAtStart();
    const { i, e } = workerOfAbusive(world, false);
    const m = world.migrants;
    m.arrears[i] = 0.25 * m.wage[i];
    const owedLittle = denounceChance(world, i, e);
    m.arrears[i] = 2 * m.wage[i];
    const owedMuch = denounceChance(world, i, e);
    expect(owedMuch).toBeGreaterThan(owedLittle);
    world.employers.caseRate[e] *= 50;
    expect(denounceChance(world, i, e)).toBeLessThan(owedMuch);
  });
});

describe('wages follow the balance of vacancies and job seekers', () => {
  it('one week of the wage rule raises the wage where only vacancies are open and lowers it where only job seekers wait', () => {
    const world = worldAtStart();
    const sectors = SECTORS.length;
    const { economy, employers } = world;
    // Moscow's construction: every job open; St Petersburg's construction: nobody hired, many looking.
    const short = MOSCOW * sectors;
    const plentiful = ST_PETERSBURG * sectors;
    for (const e of employers.bySector[short]) employers.workers[e] = 0;
    for (const e of employers.bySector[plentiful]) employers.workers[e] = employers.jobs[e] * 10;
    economy.seekers.fill(0);
    economy.seekers[plentiful] = 1000;
    const before = [economy.wage[short], economy.wage[plentiful]];
    adjustWages(world);
    expect(economy.wage[short]).toBeGreaterThan(before[0]);
    expect(economy.wage[plentiful]).toBeLessThan(before[1]);
  });
});

describe('adaptation over runs (russia-2025, 2,500 agents, 20 paired seeds)', () => {
  const seeds = Array.from({ length: 20 }, (_, k) => `employers:${k}`);

  it("after a wave of fines on Moscow's employers, the share of hires that are formal rises there relative to the other regions", async () => {
    const weeks = 26;
    // Both arms in one child process: every seed left alone, then every seed with Moscow's employers fined at week 0.
    const runs = await simulateInChild(
      [undefined, MOSCOW].flatMap((fineRegion) =>
        seeds.map((seed) => ({ ...optionInput(RUSSIA, seed, weeks, RUSSIA_SMALL), probe: { module: PROBES, name: 'hiresAfterFineWave', args: { fineRegion, weeks } } })),
      ),
    );
    const hires = runs.map((run) => run.probe as HiresByRegion);
    const [quiet, fined] = [hires.slice(0, seeds.length), hires.slice(seeds.length)];
    const share = (h: HiresByRegion, inMoscow: boolean) => {
      const pick = (xs: number[]) => xs.reduce((sum, x, r) => sum + ((r === MOSCOW) === inMoscow ? x : 0), 0);
      return pick(h.formal) / Math.max(1, pick(h.hires));
    };
    const relative = (h: HiresByRegion) => share(h, true) - share(h, false);
    const d = meanInterval(seeds.map((_, k) => relative(fined[k]) - relative(quiet[k])));
    expect(d.ci_low, describeInterval(d)).toBeGreaterThan(0);
  }, TIMEOUT);

  it('wages rise in a region whose demand outgrows its workers relative to one where job seekers outnumber jobs', async () => {
    const weeks = 26;
    const boomAndSlump = { ...RUSSIA, events: [{ week: 1, month: 0, set: { 'russia.moscow.demand_factor': 1.5, 'russia.st_petersburg.demand_factor': 0.5 } }] };
    const runs = await simulateInChild(
      [RUSSIA, boomAndSlump].flatMap((option) =>
        seeds.map((seed) => ({ ...optionInput(option, seed, weeks, RUSSIA_SMALL), probe: { module: PROBES, name: 'wagesAt', args: { at: weeks } } })),
      ),
    );
    const levels = runs.map((run) => run.probe as number[]);
    const [usual, shifted] = [levels.slice(0, seeds.length), levels.slice(seeds.length)];
    const gap = (levels: number[]) => levels[MOSCOW] - levels[ST_PETERSBURG];
    const d = meanInterval(seeds.map((_, k) => gap(shifted[k]) - gap(usual[k])));
    expect(d.ci_low, describeInterval(d)).toBeGreaterThan(0);
  }, TIMEOUT);
});

describe('knockouts of the employers\' mechanisms (russia-2025, 2,500 agents, 10 paired seeds)', () => {
  const seeds = Array.from({ length: 10 }, (_, k) => `employer-knockout:${k}`);
  const mean = (values: Float64Array, name: 'employed_formal' | 'employed_informal' | 'vacancies_unfilled', from: number, to: number) => {
    let sum = 0;
    for (let week = from; week <= to; week++) sum += values[week * WIDTH + COLUMN[name]];
    return sum / (to - from + 1);
  };

  it('without learning, employers ignore a surge of raids: learning raises the formal share of employment after it', async () => {
    const surge = { ...RUSSIA, events: [{ week: 1, month: 0, set: { 'police.raids_per_officer_weekly': 2.5 } }] };
    const result = await knockout({
      option: surge,
      common: RUSSIA_SMALL,
      off: { 'employer.belief_weight': 0, 'employer.experience_weight': 0 },
      seeds,
      weeks: 52,
      measure: (run) => mean(run.values, 'employed_formal', 27, 52) / (mean(run.values, 'employed_formal', 27, 52) + mean(run.values, 'employed_informal', 27, 52)),
    });
    expect(effectSign(result), describeInterval(result.difference)).toBe(1);
  }, TIMEOUT);

  it('without wage adjustment, shortages persist: adjusting wages, which draws migrants to where jobs wait, lowers the vacancies left unfilled', async () => {
    // Read in the second year: in the first months the migrants placed abroad at the start crowd Moscow and wages there fall.
    // Vacancies are a small difference of large numbers: this one runs a larger world, about 7,500 agents.
    const result = await knockout({
      option: RUSSIA,
      common: { ...RUSSIA_SMALL, scale: scaleFor(RUSSIA, 7500), 'population.burn_in_weeks': 52 },
      off: { 'labour.wage_flexibility': 0 },
      seeds,
      weeks: 52,
      measure: (run) => mean(run.values, 'vacancies_unfilled', 27, 52),
    });
    expect(effectSign(result), describeInterval(result.difference)).toBe(-1);
  }, TIMEOUT);

  it('without the business cycle, demand stands still: the cycle raises the spread over the weeks of the jobs offered (employed plus vacancies left unfilled)', async () => {
    // The jobs employers offer are what the cycle moves; vacancies alone are evened out by wages and by migrants moving to them.
    const spread = (values: Float64Array) => {
      const offered = Array.from({ length: 104 }, (_, k) => {
        const row = (k + 1) * WIDTH;
        return values[row + COLUMN.employed_formal] + values[row + COLUMN.employed_informal] + values[row + COLUMN.vacancies_unfilled];
      });
      const m = offered.reduce((a, b) => a + b, 0) / offered.length;
      return Math.sqrt(offered.reduce((a, b) => a + (b - m) ** 2, 0) / (offered.length - 1));
    };
    const result = await knockout({ option: RUSSIA, common: RUSSIA_SMALL, off: { 'economy.cycle_sd': 0 }, seeds, weeks: 104, measure: (run) => spread(run.values) });
    expect(effectSign(result), describeInterval(result.difference)).toBe(1);
  }, TIMEOUT);
});

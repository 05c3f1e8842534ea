import { beforeAll, describe, expect, it } from 'vitest';
import { meanInterval } from '../../analysis/index.js';
import { Experience, NEVER, Status } from '../../sim/model/state/codes.js';
import { renewal } from '../../sim/model/rules/renewal.js';
import { setClock, createWorld, type World } from '../../sim/model/world.js';
import { arrive } from '../../sim/model/actions/travel.js';
import { baseOption, optionInput, scaleFor, series, type Params } from '../helpers/model.js';
import { simulateInChild } from '../helpers/simulateInChild.js';

const RUSSIA = baseOption('russia-2025');
/** 2,000 agents of the Russia base, built at day 0 with nobody abroad. */
function smallWorld(set: Params = {}): World {
  const world = createWorld({ ...RUSSIA.params, scale: 1500, ...set }, 'renewal', 0, RUSSIA.places);
  setClock(world, 0);
  return world;
}

describe('renewal (rules/renewal.ts)', () => {
  it('replaces someone at home whose years in the pool are up by a newcomer of the same village, with no ban and no experience', () => {
    const world = smallWorld();
    const m = world.migrants;
    const i = 7;
    const village = m.village[i];
    const origin = m.origin[i];
    const sizes = Int32Array.from(world.villages.size);
    m.agesOutDay[i] = world.day;
    m.bannedUntil[i] = world.day + 1000;
    m.experience[i] = Experience.Caught | Experience.Defrauded;
    const traits = [m.riskAversion[i], m.horizonMonths[i], m.wealth[i]];
    renewal(world);
    expect(m.count).toBe(sizes.reduce((a, b) => a + b, 0));
    expect([m.village[i], m.origin[i], m.status[i]]).toEqual([village, origin, Status.AtHome]);
    expect(world.villages.size).toEqual(sizes);
    expect(m.bannedUntil[i]).toBe(NEVER);
    expect(m.experience[i]).toBe(0);
    expect([m.riskAversion[i], m.horizonMonths[i], m.wealth[i]]).not.toEqual(traits);
    // A full working span ahead: 27 years by default.
    expect(m.agesOutDay[i]).toBe(world.day + Math.round(27 * 365.25));
    expect(m.nextReviewDay[i]).toBeGreaterThan(world.day);
  });

  it('leaves someone abroad in place until they come home, and keeps everyone whose years are not up', () => {
    const world = smallWorld();
    const m = world.migrants;
    arrive(world, 3, 0);
    m.agesOutDay[3] = world.day - 70;
    m.experience[3] = Experience.Caught;
    const before = Uint8Array.from(m.experience);
    for (let i = 0; i < m.count; i++) if (i !== 3) m.agesOutDay[i] = world.day + 1;
    renewal(world);
    expect(m.status[3]).toBe(Status.Abroad);
    expect(m.experience).toEqual(before);
  });

  it('does nothing without renewal (population.working_years: null)', () => {
    const world = smallWorld({ 'population.working_years': null });
    const m = world.migrants;
    expect(Math.min(...m.agesOutDay)).toBeGreaterThan(1e9);
    const sector = Uint8Array.from(m.sector);
    setClock(world, 52 * 30);
    renewal(world);
    expect(m.sector).toEqual(sector);
  });
});

/**
 * Knockout: without renewal (population.working_years: null) a re-entry
 * ban lasts its full 5 years and nobody new comes of age, so more of the
 * origin is banned. Russia 2025, 6,000 agents (with 2,000 the effect, a few
 * per cent, was within the noise), 20 paired seeds, a year of burn-in and
 * three years of horizon.
 */
describe('renewal knockout (20 paired seeds, Russia 2025, 6,000 agents, 3 years)', () => {
  const SEEDS = Array.from({ length: 20 }, (_, k) => `renewal:${k}`);
  const SMALL: Params = { scale: scaleFor(RUSSIA, 6000), 'population.burn_in_weeks': 52 };
  let banned: { renewed: number[]; fixed: number[] };

  beforeAll(async () => {
    const inputs = [SMALL, { ...SMALL, 'population.working_years': null }].flatMap((set) => SEEDS.map((seed) => optionInput(RUSSIA, seed, 156, set)));
    const runs = await simulateInChild(inputs);
    const meanBanned = (values: Float64Array) => {
      const weekly = series(values, 'banned').slice(1);
      return weekly.reduce((a, b) => a + b, 0) / weekly.length;
    };
    const means = runs.map((run) => meanBanned(run.values));
    banned = { renewed: means.slice(0, SEEDS.length), fixed: means.slice(SEEDS.length) };
  }, 600_000);

  it('bans fewer people when people age out of the pool and newcomers take their place', () => {
    const d = meanInterval(banned.fixed.map((x, k) => x / banned.renewed[k] - 1));
    expect(d.ci_low, `relative difference in the banned stock without renewal: mean ${d.mean}, CI [${d.ci_low}, ${d.ci_high}]`).toBeGreaterThan(0);
  });
});

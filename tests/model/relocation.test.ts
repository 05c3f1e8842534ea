import { describe, expect, it } from 'vitest';
import { employ } from '../../sim/model/actions/employment.js';
import { arrive, relocate } from '../../sim/model/actions/travel.js';
import { simulate } from '../../sim/model/simulate.js';
import { reviewChances } from '../../sim/model/rules/returns.js';
import { Permit, Registration, Status } from '../../sim/model/state/codes.js';
import { createWorld } from '../../sim/model/world.js';
import { baseOption, optionInput, placeRows, SMALL, total } from '../helpers/model.js';
import { describeInterval, effectSign, knockout } from '../helpers/knockout.js';
import { moneyProblems, worldProblems } from '../helpers/worldChecks.js';

const RUSSIA = baseOption('russia-2025');

describe('moving to another region of the same country', () => {
  it('ends the job, the registration and a patent (valid in one region, regimes RU16), keeps the books, and costs migrant.move_cost', () => {
    const world = createWorld({ ...RUSSIA.params, ...SMALL }, 'relocation', 0);
    const m = world.migrants;
    const moscow = world.params.places.regions.indexOf('moscow');
    const spb = world.params.places.regions.indexOf('st_petersburg');
    const i = 0;
    arrive(world, i, moscow);
    employ(world, i, world.employers.regionStart[moscow], true);
    m.permit[i] = Permit.WorkerTied;
    m.permitUntil[i] = world.day + 30;
    m.registration[i] = Registration.OwnAddress;
    m.registeredUntil[i] = world.day + 90;
    const savings = m.savings[i];
    const debt = m.debt[i];
    relocate(world, i, spb);
    expect(m.status[i]).toBe(Status.Abroad);
    expect(m.region[i]).toBe(spb);
    expect(m.employer[i]).toBe(-1);
    expect(m.permit[i]).toBe(Permit.None);
    expect(m.registration[i]).toBe(Registration.None);
    const cost = world.params.dest[world.params.places.countryOf[spb]].migrantMoveCost;
    expect(savings - m.savings[i] + (m.debt[i] - debt)).toBeCloseTo(cost, 6);
    expect(worldProblems(world)).toEqual([]);
    expect(moneyProblems(world)).toEqual([]);
  });

  it('happens in a run, with every week\'s books in order', () => {
    const problems: string[] = [];
    const run = simulate({
      ...optionInput(RUSSIA, 'relocation-run', 52, SMALL),
      onWeek: (week, _rows, w) => {
        for (const p of [...worldProblems(w), ...moneyProblems(w)]) problems.push(`week ${week}: ${p}`);
      },
    });
    expect(problems).toEqual([]);
    expect(total(placeRows(run), 'relocations')).toBeGreaterThan(0);
  });
});

describe('knockout: moving between regions (migrant.move_cost)', () => {
  it('with moving made prohibitively dear nobody moves; with its default cost people do (10 paired seeds, Russia 2025, 1 year)', async () => {
    const result = await knockout({
      option: RUSSIA,
      common: SMALL,
      off: { 'russia.migrant.move_cost': 1e12 },
      seeds: Array.from({ length: 10 }, (_, k) => `move-knockout:${k}`),
      weeks: 52,
      measure: (run) => total(run.values, 'relocations'),
    });
    expect(Math.max(...result.off)).toBe(0);
    expect(effectSign(result), describeInterval(result.difference)).toBe(1);
  }, 300_000);
});

describe('the choice to move, from the migrant\'s own beliefs and costs', () => {
  /** An unemployed migrant without papers in Moscow, whose village believes what `jobs` says of each Russian region. */
  function seeker(jobs: Record<string, number>, set: Record<string, number> = {}) {
    const world = createWorld({ ...RUSSIA.params, ...SMALL, ...set }, 'move-choice', 0);
    const regions = world.params.places.regions;
    const i = 0;
    arrive(world, i, regions.indexOf('moscow'));
    world.day = 60;
    const v = world.migrants.village[i];
    for (const [region, belief] of Object.entries(jobs)) world.beliefs.job[v * regions.length + regions.indexOf(region)] = belief;
    const first = world.params.places.countryStart[world.params.places.countryOf[regions.indexOf('moscow')]];
    const chance = (region: string) => reviewChances(world, i)[2 + regions.indexOf(region) - first];
    return { world, i, chance };
  }

  it('moves where the village believes work is easier to find', () => {
    const { chance } = seeker({ moscow: 0.3, st_petersburg: 0.9, yekaterinburg: 0.3 });
    expect(chance('st_petersburg')).toBeGreaterThan(2 * chance('yekaterinburg'));
    expect(chance('moscow')).toBe(0);
  });

  it('moves less as moving costs more, smoothly: every step of the cost lowers the chance, none by a jump', () => {
    const costs = [0, 10_000, 20_000, 40_000, 80_000, 160_000];
    const chances = costs.map((cost) => seeker({ moscow: 0.3, st_petersburg: 0.9, yekaterinburg: 0.3 }, { 'russia.migrant.move_cost': cost }).chance('st_petersburg'));
    for (let k = 1; k < chances.length; k++) {
      expect(chances[k], `${costs[k]}`).toBeLessThan(chances[k - 1]);
      expect(chances[k], `${costs[k]}`).toBeGreaterThan(0);
    }
  });

  it('moves less when attached to the place (migrant.place_attachment), and going home is weighed as before', () => {
    const loose = seeker({ moscow: 0.3, st_petersburg: 0.9 }, { 'migrant.place_attachment': 0 });
    const attached = seeker({ moscow: 0.3, st_petersburg: 0.9 }, { 'migrant.place_attachment': 2 });
    expect(attached.chance('st_petersburg')).toBeLessThan(loose.chance('st_petersburg') / 2);
    const odds = (c: Float64Array) => c[0] / c[1];
    expect(odds(reviewChances(attached.world, attached.i))).toBeCloseTo(odds(reviewChances(loose.world, loose.i)), 9);
  });
});

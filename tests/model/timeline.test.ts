import { describe, expect, it } from 'vitest';
import { simulate, type SimulationInput } from '../../sim/model/simulate.js';
import { monthToWeek } from '../../sim/model/time.js';
import { baseOption, optionInput, placeRows, series, type Params } from '../helpers/model.js';

/** Kazakhstan 2008 at 400 agents with a short burn-in: enough to read the quota each week. */
const TINY: Params = { 'population.potential_migrants': 20_000, scale: 50, 'population.burn_in_weeks': 4 };
const KAZAKHSTAN = baseOption('kazakhstan-2008');

function quotaByWeek(input: SimulationInput): number[] {
  return series(placeRows(simulate(input), 'kazakhstan'), 'quota');
}

describe('timeline events', () => {
  it('apply from week 0 when set at month 0, and from the week their month starts otherwise', () => {
    const input = optionInput(KAZAKHSTAN, 'timeline', 8, TINY);
    const before = quotaByWeek(input)[0];
    const at = monthToWeek(1);
    const quota = quotaByWeek({
      ...input,
      events: [
        { week: monthToWeek(0), set: { 'kazakhstan.quota.annual': 50_000 } },
        { week: at, set: { 'kazakhstan.quota.annual': 20_000 } },
      ],
    });
    expect(before).not.toBe(50_000);
    expect(quota[0]).toBe(50_000);
    expect(quota[at - 1]).toBe(50_000);
    expect(quota[at]).toBe(20_000);
  });

  it.each([
    ['scale', 10],
    ['kazakhstan.employer.abusive_share', 0.1],
    ['broker.protection_share', 1],
    ['kazakhstan.labour.sector_share.trade', 0.5],
  ])('refuse to set %s, which is fixed when the world is built', (name, value) => {
    const input = { ...optionInput(KAZAKHSTAN, 'timeline', 8, TINY), events: [{ week: 3, set: { [name]: value } }] };
    expect(() => simulate(input)).toThrow(`parameter ${name} is fixed at the start of a run`);
  });
});

import { describe, expect, it } from 'vitest';
import { arrive, leave } from '../../sim/model/actions/travel.js';
import { COLUMN, INDICATORS } from '../../sim/model/indicators.js';
import { debtAtHome } from '../../sim/model/rules/debts.js';
import { Payment, PAYMENTS } from '../../sim/model/state/accounts.js';
import { Status } from '../../sim/model/state/codes.js';
import { createWorld } from '../../sim/model/world.js';
import { baseOption, SMALL, total, type Params } from '../helpers/model.js';
import { describeInterval, effectSign, knockout } from '../helpers/knockout.js';
import { moneyProblems } from '../helpers/worldChecks.js';

const RUSSIA = baseOption('russia-2025');

describe('the literal indices of the hot loops', () => {
  it('Payment numbers the payment kinds in the order of PAYMENTS', () => {
    expect(Object.entries(Payment)).toEqual(PAYMENTS.map((p, k) => [p.name, k]));
  });
  it('COLUMN numbers the indicators in the order of INDICATORS', () => {
    expect(Object.entries(COLUMN)).toEqual(INDICATORS.map((p, k) => [p.name, k]));
  });
});

describe('debts outlive a trip', () => {
  /** A world at day 0 with everyone at home, and a migrant who must borrow for the trip. */
  function borrower(set: Params = {}) {
    const world = createWorld({ ...RUSSIA.params, ...SMALL, 'migrant.initial_savings_months': 0.1, ...set }, 'debts', 0);
    const i = 0;
    arrive(world, i, world.migrants.region[i]);
    return { world, i };
  }

  it('a migrant who comes home owing more than they saved still owes the rest, and their next trip starts with less from home', () => {
    const { world, i } = borrower({ 'kyrgyzstan.russia.trip_cost': 50_000, 'uzbekistan.russia.trip_cost': 50_000, 'tajikistan.russia.trip_cost': 50_000 });
    const m = world.migrants;
    const owed = m.debt[i];
    expect(owed).toBeGreaterThan(0);
    const savings = m.savings[i];
    leave(world, i, false);
    expect(m.status[i]).toBe(Status.AtHome);
    expect(m.debt[i]).toBeCloseTo(owed - savings, 6);
    expect(world.accounts.paid[Payment.debt_repaid]).toBeCloseTo(savings, 6);
    const broughtBefore = world.accounts.paid[Payment.brought];
    arrive(world, i, m.region[i]);
    const broughtNow = world.accounts.paid[Payment.brought] - broughtBefore;
    expect(broughtNow).toBeCloseTo(Math.max(0, m.wealth[i] * world.params.origin[m.origin[i]].homeWage - (owed - savings)), 6);
    expect(moneyProblems(world)).toEqual([]);
  });

  it('a lender who waits no time writes the debt off, counted as a default and moving no money', () => {
    const { world, i } = borrower({ 'kyrgyzstan.russia.trip_cost': 50_000, 'uzbekistan.russia.trip_cost': 50_000, 'tajikistan.russia.trip_cost': 50_000, 'migrant.debt_default_months': 0.1 });
    const m = world.migrants;
    leave(world, i, false);
    const owed = m.debt[i];
    expect(owed).toBeGreaterThan(0);
    const paid = world.accounts.paid.slice();
    debtAtHome(world, i);
    expect(m.debt[i]).toBe(0);
    expect(world.accounts.defaulted).toBeCloseTo(owed, 6);
    expect(world.flows[COLUMN.debt_defaults]).toBeCloseTo(owed, 6);
    expect(Array.from(world.accounts.paid)).toEqual(Array.from(paid));
    expect(moneyProblems(world)).toEqual([]);
  });
});

describe('knockout: debts written off at home (migrant.debt_default_months)', () => {
  it('a lender who never gives up leaves no defaults; the default rule makes them (10 paired seeds, Russia 2025, 2 years)', async () => {
    const result = await knockout({
      option: RUSSIA,
      common: { ...SMALL, 'population.burn_in_weeks': 52 },
      off: { 'migrant.debt_default_months': 1e6 },
      seeds: Array.from({ length: 10 }, (_, k) => `debt-knockout:${k}`),
      weeks: 104,
      measure: (run) => total(run.values, 'debt_defaults'),
    });
    expect(effectSign(result), describeInterval(result.difference)).toBe(1);
  }, 300_000);
});

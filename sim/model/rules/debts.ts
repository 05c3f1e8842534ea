import { flowsOf } from '../actions/flows.js';
import { COLUMN } from '../indicators.js';
import { DAYS_PER_MONTH, DAYS_PER_WEEK } from '../time.js';
import type { World } from '../world.js';

/**
 * Summary of rule: a debt a migrant still owes when they come home stays
 * with them. A later trip repays it from savings (money.ts), and the
 * money they take from home on that trip is less by what they owe
 * (travel.ts). While they are at home the lender writes it off with a
 * weekly chance of one in migrant.debt_default_months of weeks (a
 * memoryless wait, assumption); what is written off counts in
 * debt_defaults.
 */
export function debtAtHome(world: World, i: number): void {
  const weeks = (world.params.g.migrantDebtDefaultMonths * DAYS_PER_MONTH) / DAYS_PER_WEEK;
  if (world.rng.debts() < 1 / Math.max(1, weeks)) writeOff(world, i);
}

/** The lender gives up migrant i's debt: no money moves, the claim is lost. */
export function writeOff(world: World, i: number): void {
  const m = world.migrants;
  const debt = m.debt[i];
  if (debt <= 0) return;
  world.flows[flowsOf(world, m.region[i]) + COLUMN.debt_defaults] += debt;
  world.accounts.defaulted += debt;
  m.debt[i] = 0;
}

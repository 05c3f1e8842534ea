import { COLUMN } from '../indicators.js';
import { Holder, Payment, PAYER, PAYMENT_COLUMN, RECEIVER } from '../state/accounts.js';
import { unitOfMigrant } from '../state/police.js';
import type { World } from '../world.js';
import { flowsOf } from './flows.js';

/** The balances of one kind of holder, indexed by its id. */
export function balancesOf(world: World, holder: number): Float64Array {
  return world.accounts.balances[holder];
}

/**
 * Moves `amount` from payer `from` to receiver `to` (ids of the payment
 * kind's holders, state/accounts.ts), books it, and adds it to the week's
 * indicators of the destination region `region` (its own indicator, and
 * state revenue when the state receives).
 */
export function transfer(world: World, payment: number, from: number, to: number, amount: number, region: number): void {
  const balances = world.accounts.balances;
  balances[PAYER[payment]][from] -= amount;
  const receiver = RECEIVER[payment];
  balances[receiver][to] += amount;
  world.accounts.paid[payment] += amount;
  const column = PAYMENT_COLUMN[payment];
  if (column < 0 && receiver !== Holder.state) return;
  const flows = flowsOf(world, region);
  if (column >= 0) world.flows[flows + column] += amount;
  if (receiver === Holder.state) world.flows[flows + COLUMN.state_revenue] += amount;
}

/** The id of the receiver of a payment by migrant i in their region: the police unit where they live, their region's country's state or economy, or their home. */
export function receiverFor(world: World, i: number, payment: number): number {
  const region = world.migrants.region[i];
  switch (RECEIVER[payment]) {
    case Holder.police:
      return unitOfMigrant(world.police, i, region);
    case Holder.home:
      return world.migrants.origin[i];
    default:
      return world.params.places.countryOf[region];
  }
}

/**
 * Migrant i pays a cost to a receiver of `payment` (receiverFor unless
 * `to` is given), borrowing what savings do not cover from relatives at
 * home (003 L3038–3041); the loan is the migrant's debt until repaid or
 * written off (rules/debts.ts).
 */
export function payOrBorrow(world: World, i: number, amount: number, payment: number, to = receiverFor(world, i, payment)): void {
  const m = world.migrants;
  if (m.savings[i] < amount) {
    const missing = amount - m.savings[i];
    m.debt[i] += missing;
    transfer(world, Payment.borrowed, m.origin[i], i, missing, m.region[i]);
  }
  transfer(world, payment, i, to, amount, m.region[i]);
}

/** Whether the migrant can pay `amount` from savings without borrowing. */
export function canAfford(world: World, i: number, amount: number): boolean {
  return world.migrants.savings[i] >= amount;
}

/** Migrant i pays an amount they can afford from savings. */
export function pay(world: World, i: number, amount: number, payment: number, to = receiverFor(world, i, payment)): void {
  transfer(world, payment, i, to, amount, world.migrants.region[i]);
}

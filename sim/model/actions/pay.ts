import { Account } from '../state/ledger.js';
import type { World } from '../world.js';

/**
 * Takes a cost a migrant must pay from savings, borrowing what is missing
 * (from relatives or the broker; 003 L3038–3041), and books it.
 */
export function payOrBorrow(world: World, i: number, amount: number, account: number): void {
  const m = world.migrants;
  const ledger = world.ledger;
  if (m.savings[i] < amount) {
    const missing = amount - m.savings[i];
    m.debt[i] += missing;
    m.savings[i] += missing;
    ledger[Account.borrowed] += missing;
  }
  m.savings[i] -= amount;
  ledger[account] += amount;
}

/** Whether the migrant can pay `amount` from savings without borrowing. */
export function canAfford(world: World, i: number, amount: number): boolean {
  return world.migrants.savings[i] >= amount;
}

/** Takes an amount the migrant can afford from savings and books it. */
export function pay(world: World, i: number, amount: number, account: number): void {
  world.migrants.savings[i] -= amount;
  world.ledger[account] += amount;
}

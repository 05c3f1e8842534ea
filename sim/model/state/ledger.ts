/**
 * Money flows of migrants abroad, summed over the run, for the conservation
 * check: what they bring, earn and borrow equals what they spend, send,
 * repay and carry home plus what they still hold. Kept in one typed array
 * (entry per account) so that the hot loops add to it cheaply.
 */
export const Account = {
  brought: 0,
  wagesReceived: 1,
  borrowed: 2,
  livingCosts: 3,
  tripCosts: 4,
  feesToState: 5,
  feesToBrokers: 6,
  finesPaid: 7,
  bribesPaid: 8,
  remitted: 9,
  remittanceLosses: 10,
  debtRepaid: 11,
  carriedHome: 12,
} as const;
export type Account = keyof typeof Account;

export function createLedger(): Float64Array {
  return new Float64Array(Object.keys(Account).length);
}

/** The ledger as named totals. */
export function ledgerTotals(ledger: Float64Array): Record<Account, number> {
  return Object.fromEntries(Object.entries(Account).map(([name, k]) => [name, ledger[k]])) as Record<Account, number>;
}

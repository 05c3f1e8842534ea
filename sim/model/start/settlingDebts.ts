import { writeOff } from '../rules/debts.js';
import { Status } from '../state/codes.js';
import type { World } from '../world.js';

/**
 * Debts that the start's rush sends home are written off when the burn-in
 * has settled. The people put abroad at the start all look for work at
 * once, and many go home owing what they borrowed to live meanwhile (in
 * Kazakhstan 2008 about ten times as many at home in debt in the first
 * half-year as later), a stock a longer history would not hold. A debt at
 * home waits for a later trip or the lender (on average
 * migrant.debt_default_months), and a debtor takes less from home on the
 * next trip, so kept, these debts cleared for years after week 0: the
 * debts owed at home fell by about half in Russia 2025, a third in
 * Kazakhstan 2008 and a sixth in Central Asia 2025 over the horizon's
 * first ten years (10 seeds each). Written off, the stock owed at home
 * refills from the model's own trips over the rest of the burn-in. The
 * write-off moves no money (rules/debts.ts writeOff) and, as a step of
 * the burn-in, is not recorded.
 */
export function forgiveSettlingDebts(world: World): void {
  const m = world.migrants;
  for (let i = 0; i < m.count; i++) if (m.status[i] === Status.AtHome) writeOff(world, i);
}

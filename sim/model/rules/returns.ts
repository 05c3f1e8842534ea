import { leave } from '../actions/travel.js';
import { countryRules } from '../actions/employment.js';
import { logistic } from '../decisions/logit.js';
import { Papers, papersCosts } from '../decisions/documentChoice.js';
import { Flag, Permit, Status } from '../state/codes.js';
import { DAYS_PER_MONTH } from '../time.js';
import type { World } from '../world.js';
import { monthlyGainNow, monthsLeft } from './paperwork.js';

const costs = new Float64Array(3);

/**
 * Summary of rule: a migrant abroad weighs going home with
 * migrant.return_review_weekly a week, choosing by a binary logit
 * (migrant.choice_scale) between
 *
 *   V_home = migrant.target_pull × ((sent home + savings − debt) / target − 1)
 *            + migrant.horizon_pull × (months abroad / planned stay − 1)
 *            + migrant.unemployment_pull × weeks without work
 *   V_stay = (this month's gain − cost of their papers − home wage) / home wage
 *            + wages still owed × employer.arrears_settle_prob / home wage
 *
 * The plan's terms are negative until it is fulfilled, so a migrant who
 * has just come stays unless staying is worth much less than home; the
 * savings target, the plan, unemployment and every cost of staying move
 * returns smoothly (003 L1447–1448, L1572–1576). A listed
 * person also leaves with registry.exit_weekly, pushed out by the lost
 * rights (regimes RU29).
 */
export function returns(world: World): void {
  for (let i = 0; i < world.migrants.count; i++) returnOf(world, i);
}

/** returns for one migrant (abroad and free only). */
export function returnOf(world: World, i: number): void {
  const m = world.migrants;
  if (m.status[i] !== Status.Abroad) return;
  const g = world.params.g;
  const rng = world.rng.returns;
  if (m.flags[i] & Flag.OnRegistry && rng() < countryRules(world, m.region[i]).registryExitWeekly) {
    leave(world, i, false);
    return;
  }
  if (rng() >= g.migrantReturnReviewWeekly) return;
  if (rng() < returnChance(world, i)) leave(world, i, false);
}

/** The logit chance that migrant i, weighing it now, goes home. */
export function returnChance(world: World, i: number): number {
  const m = world.migrants;
  const g = world.params.g;
  const homeWage = Math.max(1, world.params.origin[m.origin[i]].homeWage);
  const gain = monthlyGainNow(world, i);
  papersCosts(world, i, m.region[i], monthsLeft(world, i), gain, costs);
  // What staying costs from here on: the permit's monthly fee (the first costs are sunk), or the expected sanctions.
  let papers = costs[Papers.None];
  if (m.flags[i] & Flag.Legal) {
    papers = m.permit[i] === Permit.WorkerTied ? countryRules(world, m.region[i]).permitMonthlyFee * world.params.region[m.region[i]].permitFeeFactor : 0;
  } else if (m.flags[i] & Flag.FakeDocument) {
    papers = costs[Papers.Fake] - countryRules(world, m.region[i]).brokerFakeDocumentPrice / monthsLeft(world, i);
  }
  const progress = (m.tripEarned[i] + m.savings[i] - m.debt[i]) / Math.max(1, m.target[i]);
  const monthsAbroad = (world.day - m.arrivalDay[i]) / DAYS_PER_MONTH;
  const home = g.migrantTargetPull * (progress - 1) + g.migrantHorizonPull * (monthsAbroad / m.horizonMonths[i] - 1) + g.migrantUnemploymentPull * m.unemployedWeeks[i];
  const owed = (m.arrears[i] * world.params.g.employerArrearsSettleProb) / homeWage;
  const stay = (gain - papers - homeWage) / homeWage + owed;
  return logistic(g.migrantChoiceScale * (home - stay));
}

import { setDemand } from './rules/labourDemand.js';
import { amnesty } from './rules/amnesty.js';
import { businessCycle } from './rules/businessCycle.js';
import { brokerConduct } from './rules/brokerConduct.js';
import { debtAtHome } from './rules/debts.js';
import { departures } from './rules/departures.js';
import { takeGroupOrders } from './rules/groupRecruitment.js';
import { upkeepOf } from './rules/documentUpkeep.js';
import { employerLearning } from './rules/employerLearning.js';
import { enforceOn } from './rules/enforcement.js';
import { labourMarket } from './rules/labourMarket.js';
import { learning } from './rules/learning.js';
import { countMigrant, createTally, finishMeasure } from './rules/measure.js';
import { moneyOf } from './rules/money.js';
import { paperwork } from './rules/paperwork.js';
import { planPolicing } from './rules/policing.js';
import { renewal } from './rules/renewal.js';
import { openQuotaYear } from './rules/policy.js';
import { fileQuotaApplications } from './rules/quotaApplications.js';
import { returnOf } from './rules/returns.js';
import { adjustWages } from './rules/wages.js';
import { Status } from './state/codes.js';
import type { World } from './world.js';

/**
 * One week, in the order of the model's description (ODD, process overview):
 *
 *   policy (quota year, employers' applications) → renewal (coming of
 *   age, ageing out) → business cycle → demand (season) → brokers' conduct
 *   and group orders → departures (decisions at home, calls of recruiting
 *   brokers) → paperwork (+ amnesty) → labour market → policing (the
 *   police units plan their week) → document upkeep → enforcement →
 *   money → returns → measure → learning (villages, then employers, update
 *   their beliefs) → wages; people at home carry their debts (debts), in
 *   the same sweep
 *
 * Timeline events are applied by the loop before the step; no rule
 * advances the clock. The upkeep-to-measure rules run migrant by migrant
 * in one pass: none of them reads another migrant's state and each draws
 * from its own random stream, so this gives the result of running them
 * rule by rule (up to the order in which weekly sums are added), with one
 * sweep over memory instead of five (tests/model/migrantSweep.test.ts).
 */
export function step(world: World, rows: Float64Array): void {
  beforeSweep(world);
  const tally = tallyOf(world);
  tally.fill(0);
  const status = world.migrants.status;
  const debt = world.migrants.debt;
  for (let i = 0; i < world.migrants.count; i++) {
    // Most rules have nothing to do for someone at home: a debt from a trip, and counting them (bans).
    if (status[i] === Status.AtHome) {
      if (debt[i] > 0) debtAtHome(world, i);
      countMigrant(world, i, tally);
      continue;
    }
    upkeepOf(world, i);
    enforceOn(world, i);
    moneyOf(world, i);
    returnOf(world, i);
    countMigrant(world, i, tally);
  }
  finishMeasure(world, rows, tally);
  afterSweep(world);
}

/** The rules of the week before the sweep over migrants, in order: policy to policing. */
export function beforeSweep(world: World): void {
  // Quota years are the calendar years of the horizon, opening in the week of 1 January (and so in the burn-in).
  if (world.week === world.quotaYearEnd) openQuotaYear(world);
  fileQuotaApplications(world);
  renewal(world);
  businessCycle(world);
  setDemand(world);
  world.brokers.capacityLeft.fill(world.params.g.brokerCapacityWeekly);
  brokerConduct(world);
  takeGroupOrders(world);
  departures(world);
  paperwork(world);
  amnesty(world);
  labourMarket(world);
  planPolicing(world);
  // Reviews of the pass read where villages are as it begins, not as earlier migrants of the pass left them.
  world.villages.abroadInAtPass.set(world.villages.abroadIn);
}

/** The rules of the week after the sweep and the measure: learning, then wages. */
export function afterSweep(world: World): void {
  learning(world);
  employerLearning(world);
  adjustWages(world);
}

const tallies = new WeakMap<World, Float64Array>();
function tallyOf(world: World): Float64Array {
  let tally = tallies.get(world);
  if (!tally) tallies.set(world, (tally = createTally(world.params.places.destinations.length)));
  return tally;
}

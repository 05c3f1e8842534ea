import { arrive } from '../actions/travel.js';
import { brokerOf } from '../actions/brokerFor.js';
import { chooseBroker, UNKNOWN_BROKER } from '../decisions/brokerChoice.js';
import { chooseDestination, regionOfChoice, STAY, viaBroker } from '../decisions/destinationChoice.js';
import { exponentialDays } from '../random.js';
import { NO_ONE, Status } from '../state/codes.js';
import { DAYS_PER_MONTH } from '../time.js';
import { record } from '../state/trace.js';
import type { World } from '../world.js';
import { serveClient } from './brokerService.js';
import { answerCall } from './groupRecruitment.js';

const utilities = new Float64Array(1 + 2 * 256 * 2);
const scratch = new Float64Array(3);

/**
 * Summary of rule: each potential migrant at home weighs leaving at moments
 * of their own (on average every migrant.review_months), choosing between
 * staying and every open destination region, alone or through a broker
 * (decisions/destinationChoice.ts). One who chooses a broker picks one by
 * what their village believes of the brokers it knows
 * (decisions/brokerChoice.ts), or goes alone if no broker there has room.
 * Between reviews, a broker recruiting a group may call them
 * (groupRecruitment.ts).
 */
export function departures(world: World): void {
  const m = world.migrants;
  const p = world.params;
  const calledBy = world.villages.calledBy;
  const meanDays = p.g.migrantReviewMonths * DAYS_PER_MONTH;
  for (let i = 0; i < m.count; i++) {
    if (m.status[i] !== Status.AtHome) continue;
    if (m.nextReviewDay[i] > world.day) {
      if (calledBy[m.village[i]] !== NO_ONE) answerCall(world, i, scratch);
      continue;
    }
    m.nextReviewDay[i] = world.day + exponentialDays(world.rng.decisions, meanDays);
    const choice = chooseDestination(world, i, utilities, scratch);
    if (choice === STAY) continue;
    const region = regionOfChoice(choice);
    arrive(world, i, region);
    if (i === world.tracedAgent) record(world, 'departure', { region: p.places.regions[region], how: viaBroker(choice) ? 'broker' : 'alone' });
    world.villages.departures[m.village[i]]++;
    if (viaBroker(choice)) {
      world.villages.brokerDepartures[m.village[i]]++;
      useBroker(world, i);
    }
  }
}

/**
 * Migrant i, just arrived through a broker, takes the broker they choose
 * (decisions/brokerChoice.ts) if he has room this week; otherwise, or when
 * they chose one their village does not know, the first with room from a
 * random one on (one the village does not know, if they chose so). With
 * none with room they go on alone and pay nothing.
 */
function useBroker(world: World, i: number): void {
  const m = world.migrants;
  const region = m.region[i];
  const v = m.village[i];
  const rng = world.rng.brokers;
  const chosen = chooseBroker(world, v, region, rng);
  const broker = chosen >= 0 && world.brokers.capacityLeft[chosen] > 0 ? chosen : chosen === NO_ONE ? NO_ONE : brokerOf(world, v, region, chosen === UNKNOWN_BROKER, true, rng);
  if (broker === NO_ONE) {
    if (i === world.tracedAgent) record(world, 'no-broker');
    return;
  }
  world.brokers.capacityLeft[broker]--;
  serveClient(world, i, broker, NO_ONE, world.rng.decisions);
}

import { regionWage } from '../actions/employment.js';
import { flowsOf } from '../actions/flows.js';
import { arrive } from '../actions/travel.js';
import { expectedPapersCost } from '../decisions/documentChoice.js';
import { destinationUtilities, goingUtility, openTo, STAY } from '../decisions/destinationChoice.js';
import { inclusiveValue, logistic } from '../decisions/logit.js';
import { perceivedFraud, perceivedJob } from '../decisions/perception.js';
import { demand } from '../actions/employment.js';
import { COLUMN } from '../indicators.js';
import { BROKERS_KNOWN, slotOf } from '../state/brokerBeliefs.js';
import { NO_ONE } from '../state/codes.js';
import { record } from '../state/trace.js';
import type { World } from '../world.js';
import { serveClient } from './brokerService.js';

/**
 * Summary of rule: each week a broker takes, with broker.group_order_weekly,
 * an order for a group of workers from the one of his employers with the
 * most jobs to fill: as many as it lacks, at most broker.group_size
 * ("a firm calls the intermediaries and asks for about thirty people",
 * 003 L3019–3021). He calls the villages that know him; a village listens
 * to the caller it trusts most. While the group is not full, each member
 * at home of a called village is reached with broker.call_reach and weighs
 * the offer as one more way to go in their destination choice
 * (decisions/destinationChoice.ts): going to that employer's region through
 * this broker, at the wage of the employer's sector, trusting him as their
 * village does, against staying and every other destination. Those who
 * take it travel through him (brokerService.ts) and are placed with the
 * employer who ordered them; the others wait for their own next review.
 */
export function takeGroupOrders(world: World): void {
  const brokers = world.brokers;
  const g = world.params.g;
  const rng = world.rng.brokers;
  brokers.orderLeft.fill(0);
  brokers.orderEmployer.fill(NO_ONE);
  for (let b = 0; b < brokers.count; b++) {
    // Drawn for every broker whatever the order size, so that other draws of the stream do not shift with it.
    if (rng() >= g.brokerGroupOrderWeekly) continue;
    let wanted = NO_ONE;
    let most = 0;
    for (let e = brokers.tieStart[b]; e < brokers.tieStart[b] + brokers.tieCount[b]; e++) {
      const lacking = demand(world, e) - world.employers.workers[e];
      if (lacking > most) {
        most = lacking;
        wanted = e;
      }
    }
    if (wanted === NO_ONE) continue;
    brokers.orderLeft[b] = Math.min(most, g.brokerGroupSize);
    brokers.orderEmployer[b] = wanted;
  }
  callVillages(world);
}

/** Each village hears, this week, the broker with an open order that it trusts most among those it knows. */
function callVillages(world: World): void {
  const beliefs = world.beliefs.brokers;
  const calledBy = world.villages.calledBy;
  const orderLeft = world.brokers.orderLeft;
  calledBy.fill(NO_ONE);
  for (let v = 0; v < calledBy.length; v++) {
    let trust = Infinity;
    for (let s = v * BROKERS_KNOWN; s < (v + 1) * BROKERS_KNOWN; s++) {
      const b = beliefs.broker[s];
      if (b === NO_ONE || orderLeft[b] <= 0 || beliefs.letDown[s] >= trust) continue;
      trust = beliefs.letDown[s];
      calledBy[v] = b;
    }
  }
}

/**
 * Migrant i, at home in a village a broker is calling, may be reached and
 * weigh his offer (takeGroupOrders); on accepting they leave at once.
 */
export function answerCall(world: World, i: number, scratch: Float64Array): void {
  const m = world.migrants;
  const brokers = world.brokers;
  const p = world.params;
  const rng = world.rng.brokers;
  const v = m.village[i];
  const b = world.villages.calledBy[v];
  if (brokers.orderLeft[b] <= 0 || !(rng() < p.g.brokerCallReach)) return;
  const r = brokers.region[b];
  if (!openTo(world, i, r)) return;
  const e = brokers.orderEmployer[b];
  const wage = regionWage(world, r, world.employers.sector[e]);
  const job = perceivedJob(world, i, r);
  const papers = expectedPapersCost(world, i, r, m.horizonMonths[i], wage * job - p.dest[p.places.countryOf[r]].migrantLivingCost, scratch);
  const s = slotOf(world.beliefs.brokers, v, b);
  const fraud = perceivedFraud(world, i, s >= 0 ? world.beliefs.brokers.letDown[s] : world.beliefs.fraud[v * p.places.regions.length + r]);
  const offer = goingUtility(world, i, r, wage, job, papers, fraud);
  if (!(rng() < acceptChance(world, i, offer, scratch))) return;
  brokers.orderLeft[b]--;
  arrive(world, i, r);
  if (i === world.tracedAgent) {
    record(world, 'recruited');
    record(world, 'departure', { region: p.places.regions[r], how: 'broker' });
  }
  world.villages.departures[v]++;
  world.villages.brokerDepartures[v]++;
  world.flows[flowsOf(world, r) + COLUMN.group_recruits]++;
  serveClient(world, i, b, e, rng);
}

const utilities = new Float64Array(1 + 2 * 256 + 1);

/**
 * The chance migrant i takes an offer worth `offer`: the offer joins their
 * destination choice as one more way to go (decisions/destinationChoice.ts),
 * and they take it if that choice would pick it; choosing to stay, or
 * another destination, leaves them at home until their next review.
 */
function acceptChance(world: World, i: number, offer: number, scratch: Float64Array): number {
  const g = world.params.g;
  const count = destinationUtilities(world, i, utilities, scratch);
  utilities[count] = offer;
  const scale = Math.max(g.migrantDestinationScale, g.migrantChoiceScale);
  const go = inclusiveValue(utilities, 1, count + 1, scale);
  return logistic(g.migrantChoiceScale * (go - utilities[STAY])) * Math.exp(scale * (offer - go));
}

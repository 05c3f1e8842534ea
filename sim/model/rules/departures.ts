import { arrive } from '../actions/travel.js';
import { payOrBorrow } from '../actions/transfer.js';
import { demand, employ } from '../actions/employment.js';
import { flowsOf } from '../actions/flows.js';
import { chooseDestination, regionOfChoice, STAY, viaBroker } from '../decisions/destinationChoice.js';
import { COLUMN } from '../indicators.js';
import { exponentialDays } from '../random.js';
import { Experience, Flag, Registration, Status } from '../state/codes.js';
import { DAYS_PER_MONTH } from '../time.js';
import { Payment } from '../state/accounts.js';
import { record } from '../state/trace.js';
import type { World } from '../world.js';
import { decideFormalHire, retainPassport } from './hiring.js';

const utilities = new Float64Array(1 + 2 * 256 * 2);
const scratch = new Float64Array(3);

/**
 * Summary of rule: each potential migrant at home weighs leaving at moments
 * of their own (on average every migrant.review_months), choosing between
 * staying and every open destination region, alone or through a broker
 * (decisions/destinationChoice.ts). One who chooses a broker takes one with
 * room in that region, or goes alone if none has.
 */
export function departures(world: World): void {
  const m = world.migrants;
  const p = world.params;
  const meanDays = p.g.migrantReviewMonths * DAYS_PER_MONTH;
  for (let i = 0; i < m.count; i++) {
    if (m.status[i] !== Status.AtHome || m.nextReviewDay[i] > world.day) continue;
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
 * Summary of rule: a broker takes the placement fee and, unless he defrauds
 * the client (his own fraud rate; 003 L3033–3034), registers the client at
 * a "rubber" address, may keep the passport, places the client with one of
 * his employers and takes a monthly cut for the contract's months
 * (003 L3019–3025). The village hears of the outcome (rules/learning.ts).
 */
function useBroker(world: World, i: number): void {
  const m = world.migrants;
  const b = world.brokers;
  const p = world.params;
  const rng = world.rng.decisions;
  const region = m.region[i];
  const first = b.regionStart[region];
  const inRegion = b.regionStart[region + 1] - first;
  if (inRegion === 0) {
    if (i === world.tracedAgent) record(world, 'no-broker');
    return;
  }
  // The first broker with room, from a random one on.
  const start = Math.floor(rng() * inRegion);
  let broker = -1;
  for (let t = 0; t < inRegion && broker < 0; t++) {
    const candidate = first + ((start + t) % inRegion);
    if (b.capacityLeft[candidate] > 0) broker = candidate;
  }
  if (broker < 0) {
    if (i === world.tracedAgent) record(world, 'no-broker');
    return;
  }
  b.capacityLeft[broker]--;
  const d = p.dest[p.places.countryOf[region]];
  const flows = flowsOf(world, region);
  const news = world.beliefs.news;
  const cell = m.village[i] * p.places.regions.length + region;
  payOrBorrow(world, i, d.brokerPlacementFee, Payment.broker_fee, broker);
  if (i === world.tracedAgent) record(world, 'broker-fee', { amount: d.brokerPlacementFee });
  news.clients[cell]++;
  if (rng() < b.fraudRate[broker]) {
    world.flows[flows + COLUMN.fraud_victims]++;
    news.defrauded[cell]++;
    m.experience[i] |= Experience.Defrauded;
    if (i === world.tracedAgent) record(world, 'broker-fraud');
    return;
  }
  m.broker[i] = broker;
  m.brokerUntil[i] = world.day + Math.round(p.g.brokerContractMonths * DAYS_PER_MONTH);
  m.registration[i] = Registration.RubberAddress;
  m.registeredUntil[i] = world.day + d.registrationValidityDays;
  if (i === world.tracedAgent) record(world, 'registered', { how: 'rubber' });
  if (rng() < p.g.brokerPassportHoldProb) {
    m.flags[i] |= Flag.PassportHeld;
    world.flows[flows + COLUMN.abuse_incidents]++;
  }
  const ties = b.tieCount[broker];
  const offset = Math.floor(rng() * ties);
  for (let t = 0; t < ties; t++) {
    const e = b.tieStart[broker] + ((offset + t) % ties);
    if (world.employers.workers[e] < demand(world, e)) {
      employ(world, i, e, decideFormalHire(world, i, e, rng));
      retainPassport(world, i, e, rng);
      return;
    }
  }
}

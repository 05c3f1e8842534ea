import { COLUMN } from '../indicators.js';
import type { Rng } from '../random.js';
import { Payment } from '../state/accounts.js';
import { Experience, Flag, Registration } from '../state/codes.js';
import { record } from '../state/trace.js';
import { DAYS_PER_MONTH } from '../time.js';
import type { World } from '../world.js';
import { brokerNews } from '../actions/brokerNews.js';
import { countryRules, demand, employ } from '../actions/employment.js';
import { flowsOf } from '../actions/flows.js';
import { sanctionBroker } from '../actions/sanctionBroker.js';
import { payOrBorrow, transfer } from '../actions/transfer.js';
import { decideFormalHire, retainPassport } from './hiring.js';

/**
 * Summary of rule: a broker serves a migrant who has come to his region
 * through him, on their own or called for a group: the client pays
 * broker.placement_fee (borrowing if short), and the village hears how he
 * served them (its belief of the region's brokers, and of him by name).
 * With his fraud chance this week he delivers nothing (003 L3033–3034);
 * the client then reports him to the police with
 * broker.fraud_report_prob × police.capacity (a fine, broker.fine, or a
 * bribe). Otherwise he registers the client at his "rubber" address, may
 * keep the passport (broker.passport_hold_prob), starts a contract with a
 * monthly cut (003 L3019–3025) and places the client with the employer who
 * ordered the group if it still has a job free, else with the first of his
 * employers, from a random one on, that has one; the employer pays him
 * broker.service_fee for the worker ("the employer pays the intermediary
 * for his services", 003 L3024–3025).
 */
export function serveClient(world: World, i: number, b: number, wanted: number, rng: Rng): boolean {
  // Returns whether he placed the client in a job.
  const m = world.migrants;
  const brokers = world.brokers;
  const p = world.params;
  const region = m.region[i];
  const d = countryRules(world, region);
  const flows = flowsOf(world, region);
  const news = world.beliefs.news;
  const v = m.village[i];
  const cell = v * p.places.regions.length + region;
  payOrBorrow(world, i, d.brokerPlacementFee, Payment.broker_fee, b);
  if (i === world.tracedAgent) record(world, 'broker-fee', { amount: d.brokerPlacementFee });
  news.clients[cell]++;
  if (rng() < brokers.fraud[b]) {
    world.flows[flows + COLUMN.fraud_victims]++;
    news.defrauded[cell]++;
    brokerNews(world, v, b, true);
    m.experience[i] |= Experience.Defrauded;
    if (i === world.tracedAgent) record(world, 'broker-fraud');
    if (world.rng.brokers() < Math.min(1, p.g.brokerFraudReportProb * d.policeCapacity)) sanctionBroker(world, b, world.rng.brokers);
    return false;
  }
  brokerNews(world, v, b, false);
  m.broker[i] = b;
  m.brokerUntil[i] = world.day + Math.round(p.g.brokerContractMonths * DAYS_PER_MONTH);
  m.registration[i] = Registration.RubberAddress;
  m.registeredUntil[i] = world.day + d.registrationValidityDays;
  if (i === world.tracedAgent) record(world, 'registered', { how: 'rubber' });
  if (rng() < p.g.brokerPassportHoldProb) {
    m.flags[i] |= Flag.PassportHeld;
    world.flows[flows + COLUMN.abuse_incidents]++;
  }
  const employer = wanted >= 0 && world.employers.workers[wanted] < demand(world, wanted) ? wanted : tiedVacancy(world, b, rng);
  if (employer < 0) return false;
  employ(world, i, employer, decideFormalHire(world, i, employer, rng));
  retainPassport(world, i, employer, rng);
  transfer(world, Payment.broker_service, employer, b, d.brokerServiceFee, region);
  return true;
}

/** The first of broker b's employers, from a random one on, with a job free; −1 if none has. */
function tiedVacancy(world: World, b: number, rng: Rng): number {
  const brokers = world.brokers;
  const ties = brokers.tieCount[b];
  const offset = Math.floor(rng() * ties);
  for (let t = 0; t < ties; t++) {
    const e = brokers.tieStart[b] + ((offset + t) % ties);
    if (world.employers.workers[e] < demand(world, e)) return e;
  }
  return -1;
}

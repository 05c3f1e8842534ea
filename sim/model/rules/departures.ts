import { arrive } from '../actions/travel.js';
import { payOrBorrow } from '../actions/pay.js';
import { demand, employ } from '../actions/employment.js';
import { COLUMN } from '../indicators.js';
import { Flag, Registration, Status } from '../state/codes.js';
import { DAYS_PER_MONTH } from '../time.js';
import { Account } from '../state/ledger.js';
import type { World } from '../world.js';
import { decideFormalHire, retainPassport } from './hiring.js';

/**
 * Summary of rule: each week a potential migrant at home who is not banned
 * leaves with the origin's departure chance, raised by the share of the
 * village already abroad (network information). A share of leavers go
 * through a broker with free capacity in the destination region.
 */
export function departures(world: World, regionCum: Float64Array): void {
  const m = world.migrants;
  const p = world.params;
  const rng = world.rng.departures;
  for (let i = 0; i < m.count; i++) {
    if (m.status[i] !== Status.AtHome || m.bannedUntil[i] > world.day) continue;
    const v = m.village[i];
    const network = world.villageAbroad[v] / world.villageSize[v];
    const chance = world.departureChance[m.origin[i]] * (1 + p.networkEffect * network);
    if (rng() >= chance) continue;
    arrive(world, i, regionCum);
    if (rng() < p.brokerUse) useBroker(world, i);
  }
}

/**
 * Summary of rule: a broker takes the placement fee and, unless he defrauds
 * the client (broker.fraud_rate; 003 L3033–3034), registers the client at a
 * "rubber" address, may keep the passport, places the client with one of
 * his employers and takes a monthly cut for the contract's months
 * (003 L3019–3025).
 */
function useBroker(world: World, i: number): void {
  const m = world.migrants;
  const b = world.brokers;
  const p = world.params;
  const rng = world.rng.departures;
  const region = m.region[i];
  const first = b.regionStart[region];
  const inRegion = b.regionStart[region + 1] - first;
  if (inRegion === 0) return;
  // The first broker with room, from a random one on.
  const start = Math.floor(rng() * inRegion);
  let broker = -1;
  for (let t = 0; t < inRegion && broker < 0; t++) {
    const candidate = first + ((start + t) % inRegion);
    if (b.capacityLeft[candidate] > 0) broker = candidate;
  }
  if (broker < 0) return;
  b.capacityLeft[broker]--;
  payOrBorrow(world, i, p.brokerPlacementFee, Account.feesToBrokers);
  world.flows[COLUMN.broker_fees] += p.brokerPlacementFee;
  if (rng() < p.brokerFraudRate) {
    world.flows[COLUMN.fraud_victims]++;
    return;
  }
  m.broker[i] = broker;
  m.brokerUntil[i] = world.day + Math.round(p.brokerContractMonths * DAYS_PER_MONTH);
  m.registration[i] = Registration.RubberAddress;
  m.registeredUntil[i] = world.day + p.registrationValidityDays;
  if (rng() < p.brokerPassportHold) {
    m.flags[i] |= Flag.PassportHeld;
    world.flows[COLUMN.abuse_incidents]++;
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

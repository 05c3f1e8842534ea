import { canAfford, pay } from '../actions/pay.js';
import { quotaLeft, useQuota } from '../actions/quotaBook.js';
import { COLUMN } from '../indicators.js';
import { REGIME_CODE } from '../params/places.js';
import { Flag, NO_ONE, Permit, Registration, Status } from '../state/codes.js';
import { Account } from '../state/ledger.js';
import { PAID_MONTH_DAYS } from '../time.js';
import type { World } from '../world.js';

/**
 * Summary of rule: a migrant abroad without a valid registration tries, with
 * registration.attempt_prob a week, the cheapest channel open to them:
 * the digital app where it runs (002; regimes RU30); elsewhere the
 * employer's address for formal workers (003 L2917–2919), their own address
 * if the landlord agrees, else a broker's "rubber" address. If they cannot
 * pay the channel's cost they try again another week. A held passport or a listing on
 * the control registry (without delisting) blocks registration.
 */
export function register(world: World, i: number): void {
  const m = world.migrants;
  const p = world.params;
  const rng = world.rng.paperwork;
  if (m.registration[i] !== Registration.None && m.registeredUntil[i] >= world.day) return;
  if (m.flags[i] & Flag.PassportHeld) return;
  if (m.flags[i] & Flag.OnRegistry && !p.registryDelisting) return;
  if (rng() >= p.registrationAttemptProb) return;
  const region = m.region[i];
  let channel: number = Registration.None;
  let cost = 0;
  if (p.regionDigital[region]) {
    channel = Registration.Digital;
    cost = p.registrationFee * p.digitalFeeFactor;
  } else if (m.flags[i] & Flag.Formal && rng() < p.employerAddressProb) {
    channel = Registration.EmployerAddress;
  } else if (rng() < p.ownAddressProb) {
    channel = Registration.OwnAddress;
    cost = p.registrationFee;
  } else {
    channel = Registration.RubberAddress;
    cost = p.brokerRegistrationFee;
  }
  if (!canAfford(world, i, cost)) return;
  if (channel === Registration.RubberAddress) {
    pay(world, i, cost, Account.feesToBrokers);
    world.flows[COLUMN.broker_fees] += cost;
  } else if (cost > 0) {
    pay(world, i, cost, Account.feesToState);
    world.flows[COLUMN.state_revenue] += cost;
  }
  m.registration[i] = channel;
  m.registeredUntil[i] = world.day + p.registrationValidityDays;
}

/**
 * Summary of rule: under worker-tied rules a migrant without a permit
 * applies within permit.application_days of arrival (regimes RU10) if they
 * decided at arrival to seek legal status (migrant.legal_propensity), the monthly fee is within
 * what they tolerate of the expected wage (migrant.cost_tolerance;
 * 001 L24–28), they can pay the first costs and month, they pass the
 * language exam (regimes RU13; Russian speakers pass) and the quota, if
 * any, has room. With a delisting procedure, listed people may apply at any
 * time, and are delisted once legal (documentUpkeep).
 */
export function applyForWorkerPermit(world: World, i: number): void {
  const m = world.migrants;
  const p = world.params;
  const rng = world.rng.paperwork;
  const o = m.origin[i];
  if (p.regime[o] !== REGIME_CODE['worker-tied']) return;
  if (m.permit[i] !== Permit.None && m.permitUntil[i] >= world.day) return;
  const listed = (m.flags[i] & Flag.OnRegistry) !== 0;
  if (listed && !p.registryDelisting) return;
  // A delisting procedure lets listed people regularise without leaving (002); others only within the window.
  if (!listed && world.day > m.arrivalDay[i] + p.permitApplicationDays) return;
  if (m.flags[i] & Flag.PassportHeld) return;
  const region = m.region[i];
  const fee = p.permitMonthlyFee * p.regionPermitFeeFactor[region];
  const expectedWage = p.sectorWage[m.sector[i]] * p.regionWageFactor[region];
  if (fee > p.costTolerance * expectedWage) return;
  if (!(m.flags[i] & Flag.SeeksLegalStatus)) return;
  if (!canAfford(world, i, p.permitInitialCost + fee)) return;
  if (!(m.flags[i] & Flag.RussianSpeaker) && rng() >= p.examPassRate) return;
  if (!quotaLeft(world, region, false)) return;
  useQuota(world, region, false);
  pay(world, i, p.permitInitialCost + fee, Account.feesToState);
  world.flows[COLUMN.state_revenue] += p.permitInitialCost + fee;
  m.permit[i] = Permit.WorkerTied;
  m.permitEmployer[i] = NO_ONE;
  m.permitUntil[i] = world.day + PAID_MONTH_DAYS;
  world.flows[COLUMN.permits_issued]++;
}

/** Arrival paperwork for everyone abroad and free: registration, then a permit. */
export function paperwork(world: World): void {
  const m = world.migrants;
  for (let i = 0; i < m.count; i++) {
    if (m.status[i] !== Status.Abroad) continue;
    register(world, i);
    applyForWorkerPermit(world, i);
  }
}

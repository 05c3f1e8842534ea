import { countryRules, issueEmployerTiedPermit } from '../actions/employment.js';
import { formalPropensity } from '../decisions/formality.js';
import { flowsOf } from '../actions/flows.js';
import { transfer } from '../actions/transfer.js';
import { Payment } from '../state/accounts.js';
import { pairOf } from '../actions/legalStatus.js';
import { employerQuotaLeft, recordSlotNeed, useEmployerQuota } from '../actions/quotaBook.js';
import { COLUMN } from '../indicators.js';
import { AGRICULTURE, REGIME_CODE } from '../params/places.js';
import type { Rng } from '../random.js';
import { Flag, Permit } from '../state/codes.js';
import type { World } from '../world.js';
import { slotUseChance } from './quotaApplications.js';

const NO_ROUTE = 0;
const HAS_DOCUMENT = 1;
const NEEDS_PERMIT = 2;

/**
 * Whether employer e can employ migrant i legally: with the migrant's own
 * valid document, under free movement with a contract, or (NEEDS_PERMIT)
 * under employer-tied rules by obtaining a permit within the quota.
 */
function legalRoute(world: World, i: number, e: number): number {
  const m = world.migrants;
  const permitValid = m.permitUntil[i] >= world.day;
  if (permitValid && (m.permit[i] === Permit.WorkerTied || m.permit[i] === Permit.Open)) return HAS_DOCUMENT;
  if (permitValid && m.permit[i] === Permit.EmployerTied && m.permitEmployer[i] === e) return HAS_DOCUMENT;
  const regime = pairOf(world, i).regimeCode;
  if (regime === REGIME_CODE['free-movement']) return HAS_DOCUMENT;
  return regime === REGIME_CODE['employer-tied'] ? NEEDS_PERMIT : NO_ROUTE;
}

/**
 * Summary of rule: an employer hires formally when the law allows it and
 * either its propensity to formality leads it to (decisions/formality.ts:
 * its inclination, and the sanctions it has learnt to expect against the
 * cost of formality), or a worker who paid for their own permit insists on
 * a contract. Otherwise it hires informally (003 L2117–2119, L2937–2939;
 * 004 L1445–1455). Under employer-tied rules
 * the law allows it once the employer has searched for citizens at the
 * start of the run (employer.labour_test_weeks, 003 L2057–2067, not for
 * farm work) and while the quota has a permit for it (its own slots under
 * quota.mode applications, which it spreads over the year; its region's
 * book under fixed); the hire is noted as a need for a slot either way,
 * and a formal one issues a permit against the quota, paid by the
 * employer. Listed people cannot sign
 * contracts (regimes S44) unless a delisting procedure lets them
 * regularise through one (002).
 */
export function decideFormalHire(world: World, i: number, e: number, rng: Rng): boolean {
  const m = world.migrants;
  const region = world.employers.region[e];
  const d = countryRules(world, region);
  if (m.flags[i] & Flag.OnRegistry && !d.registryDelisting) return false;
  const route = legalRoute(world, i, e);
  if (route === NO_ROUTE) return false;
  const farm = route === NEEDS_PERMIT && world.employers.sector[e] === AGRICULTURE && pairOf(world, i).farmAgreement;
  if (route === NEEDS_PERMIT) {
    recordSlotNeed(world, e, farm);
    if (world.employers.labourTestDoneDay[e] > world.day || !employerQuotaLeft(world, e, farm)) return false;
  }
  if (rng() >= formalChance(world, i, e, route, farm)) return false;
  if (route === NEEDS_PERMIT) {
    useEmployerQuota(world, e, farm);
    issueEmployerTiedPermit(world, i, e, d.permitValidityDays);
    transfer(world, Payment.employer_fee, e, world.params.places.countryOf[region], d.employerPermitCost, region);
  }
  return true;
}

/**
 * The chance employer e hires migrant i formally given a legal route: its
 * propensity to formality (decisions/formality.ts), or more when a worker
 * with a permit of their own insists on a contract. Under quota.mode
 * applications a hire that needs a permit follows the employer's own plan
 * instead: its application weighed its propensity, and it spreads its
 * slots over the year (slotUseChance).
 */
function formalChance(world: World, i: number, e: number, route: number, farm: boolean): number {
  if (route === NEEDS_PERMIT && countryRules(world, world.employers.region[e]).quotaMode === 'applications') return slotUseChance(world, e, farm);
  const m = world.migrants;
  const ownPermit = m.permit[i] === Permit.WorkerTied || m.permit[i] === Permit.Open;
  const workerInsists = ownPermit && m.permitUntil[i] >= world.day ? world.params.g.migrantInsistOnContract : 0;
  return 1 - (1 - formalPropensity(world, e, route === NEEDS_PERMIT)) * (1 - workerInsists);
}

/**
 * Summary of rule: an abusive employer takes the passport of a worker hired
 * informally "for registration" with employer.passport_retention
 * (003 L3048–3050).
 */
export function retainPassport(world: World, i: number, e: number, rng: Rng): void {
  const m = world.migrants;
  if (!world.employers.abusive[e] || m.flags[i] & (Flag.Formal | Flag.PassportHeld)) return;
  if (rng() >= world.params.g.employerPassportRetention) return;
  m.flags[i] |= Flag.PassportHeld;
  world.flows[flowsOf(world, world.employers.region[e]) + COLUMN.abuse_incidents]++;
}

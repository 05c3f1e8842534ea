import { countryRules, issueEmployerTiedPermit, monthlyWage } from '../actions/employment.js';
import { flowsOf } from '../actions/flows.js';
import { transfer } from '../actions/transfer.js';
import { Payment } from '../state/accounts.js';
import { pairOf } from '../actions/legalStatus.js';
import { quotaLeft, useQuota } from '../actions/quotaBook.js';
import { COLUMN } from '../indicators.js';
import { AGRICULTURE, REGIME_CODE } from '../params/places.js';
import type { Rng } from '../random.js';
import { Flag, Permit } from '../state/codes.js';
import { WEEKS_PER_MONTH } from '../time.js';
import type { World } from '../world.js';
import { raidRate } from './policing.js';

const NO_ROUTE = 0;
const HAS_DOCUMENT = 1;
const NEEDS_PERMIT = 2;

/**
 * Whether employer e can employ migrant i legally: with the migrant's own
 * valid document, under free movement with a contract, or by obtaining an
 * employer-tied permit within the quota once the labour-market test is done
 * (003 L2057–2067, waived for farm work).
 */
function legalRoute(world: World, i: number, e: number): number {
  const m = world.migrants;
  const pair = pairOf(world, i);
  const permitValid = m.permitUntil[i] >= world.day;
  if (permitValid && (m.permit[i] === Permit.WorkerTied || m.permit[i] === Permit.Open)) return HAS_DOCUMENT;
  if (permitValid && m.permit[i] === Permit.EmployerTied && m.permitEmployer[i] === e) return HAS_DOCUMENT;
  const regime = pair.regimeCode;
  if (regime === REGIME_CODE['free-movement']) return HAS_DOCUMENT;
  if (regime !== REGIME_CODE['employer-tied']) return NO_ROUTE;
  if (world.employers.labourTestDoneDay[e] > world.day) return NO_ROUTE;
  const farm = world.employers.sector[e] === AGRICULTURE && pair.farmAgreement;
  return quotaLeft(world, world.employers.region[e], farm) ? NEEDS_PERMIT : NO_ROUTE;
}

/**
 * Summary of rule: an employer hires formally when the law allows it and
 * either it is compliant, or sanctions deter it (expected monthly fine per
 * informal worker, at the rate its region's police unit raids employers,
 * ÷ monthly cost of formality), or a worker who paid for
 * their own permit insists on a contract. Otherwise it hires informally
 * (003 L2117–2119, L2937–2939; 004 L1445–1455). A formal hire under
 * employer-tied rules issues a permit against the quota, paid by the employer.
 * Listed people cannot sign contracts (regimes S44) unless a delisting
 * procedure lets them regularise through one (002).
 */
export function decideFormalHire(world: World, i: number, e: number, rng: Rng): boolean {
  const m = world.migrants;
  const region = world.employers.region[e];
  const d = countryRules(world, region);
  if (m.flags[i] & Flag.OnRegistry && !d.registryDelisting) return false;
  const route = legalRoute(world, i, e);
  if (route === NO_ROUTE) return false;
  const formalCost = d.labourFormalCostShare * monthlyWage(world, e, true) + (route === NEEDS_PERMIT ? d.employerPermitCost / 12 : 0);
  const expectedFine = raidRate(world, region) * WEEKS_PER_MONTH * d.policeDetection * (1 - d.policeCorruption) * d.employerFine;
  const deterrence = formalCost > 0 ? Math.min(1, expectedFine / formalCost) : 1;
  const ownPermit = m.permit[i] === Permit.WorkerTied || m.permit[i] === Permit.Open;
  const workerInsists = ownPermit && m.permitUntil[i] >= world.day ? world.params.g.migrantInsistOnContract : 0;
  const formalChance = world.employers.compliant[e] ? 1 : 1 - (1 - deterrence) * (1 - workerInsists);
  if (rng() >= formalChance) return false;
  if (route === NEEDS_PERMIT) {
    const farm = world.employers.sector[e] === AGRICULTURE && pairOf(world, i).farmAgreement;
    useQuota(world, region, farm);
    issueEmployerTiedPermit(world, i, e, d.permitValidityDays);
    transfer(world, Payment.employer_fee, e, world.params.places.countryOf[region], d.employerPermitCost, region);
  }
  return true;
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

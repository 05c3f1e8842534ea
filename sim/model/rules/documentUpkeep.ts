import { countryRules, issueEmployerTiedPermit } from '../actions/employment.js';
import { pairOf } from '../actions/legalStatus.js';
import { formalPropensity } from '../decisions/formality.js';
import { logistic } from '../decisions/logit.js';
import { Papers, papersCosts } from '../decisions/documentChoice.js';
import { borrowingPremium, canRaise, monthlyGainNow, monthsLeft, papersScale } from './paperwork.js';
import { slotUseChance } from './quotaApplications.js';

const costs = new Float64Array(3);
import { isLegal } from '../actions/legalStatus.js';
import { payOrBorrow, transfer } from '../actions/transfer.js';
import { employerQuotaLeft, recordSlotNeed, useEmployerQuota } from '../actions/quotaBook.js';
import { AGRICULTURE } from '../params/places.js';
import { Flag, NEVER, NO_ONE, Permit, Registration, Status } from '../state/codes.js';
import { DAYS_PER_WEEK, PAID_MONTH_DAYS } from '../time.js';
import { Payment } from '../state/accounts.js';
import { record } from '../state/trace.js';
import type { World } from '../world.js';

/**
 * Summary of rule: documents are kept up or lapse, and legal status is
 * recomputed.
 * - A worker-tied permit falling due is paid (borrowing what is missing,
 *   up to migrant.borrowing_limit_months of home wage in debt) or let lapse
 *   by a logit choice between its monthly fee, with the cost of any
 *   borrowing, and the expected sanction of going without
 *   (migrant.status_choice_scale); one who cannot raise the fee lets it
 *   lapse, so costs beyond earnings end legal status once credit runs out
 *   (001 L24–28); a lapsed permit ends the day after the last paid day
 *   (regimes RU8).
 * - An employer-tied permit ends permit.grace_days after the job ends, and
 *   at expiry is renewed within the quota by an employer whose propensity
 *   to formality leads it to (decisions/formality.ts; under quota.mode
 *   applications, from its own slots as it spreads them over the year),
 *   which notes the renewal as a need for a slot.
 * - A registration expires unless a valid permit carries it
 *   (registration.follows_permit); a digital registration is lost, and the
 *   migrant listed, after 3 days without a location signal (regimes RU31).
 * - Irregular migrants whose lapse the state has recorded are listed on the
 *   control registry (regimes RU27); with a delisting rule, a listed person
 *   who regains legal documents is delisted (002).
 */
export function documentUpkeep(world: World): void {
  for (let i = 0; i < world.migrants.count; i++) upkeepOf(world, i);
}

/** documentUpkeep for one migrant (at home: nothing to keep). */
export function upkeepOf(world: World, i: number): void {
  const m = world.migrants;
  const status = m.status[i];
  if (status === Status.AtHome) return;
  const p = countryRules(world, m.region[i]);
  const day = world.day;
  if (status === Status.Abroad) {
    keepPermit(world, i);
    keepRegistration(world, i);
    if (m.registration[i] === Registration.Digital && world.rng.upkeep() < p.digitalSignalLossWeekly) {
      m.registration[i] = Registration.None;
      m.registeredUntil[i] = NEVER;
      m.flags[i] |= Flag.LapseRecorded;
      if (p.registryEnabled) m.flags[i] |= Flag.OnRegistry;
    }
    if (m.registration[i] === Registration.None && day > m.arrivalDay[i] + pairOf(world, i).registrationDays) {
      m.flags[i] |= Flag.LapseRecorded;
    }
  }
  if (m.flags[i] & Flag.OnRegistry && p.registryDelisting) {
    m.flags[i] &= ~Flag.OnRegistry;
    if (!isLegal(world, i)) m.flags[i] |= Flag.OnRegistry;
  }
  if (!p.registryEnabled) m.flags[i] &= ~Flag.OnRegistry;
  if (isLegal(world, i)) {
    m.flags[i] |= Flag.Legal;
    m.flags[i] &= ~Flag.LapseRecorded;
  } else {
    m.flags[i] &= ~Flag.Legal;
    if (p.registryEnabled && m.flags[i] & Flag.LapseRecorded && !(m.flags[i] & Flag.OnRegistry) && world.rng.upkeep() < p.registryListingWeekly) {
      m.flags[i] |= Flag.OnRegistry;
    }
  }
}

function lapsePermit(world: World, i: number): void {
  const m = world.migrants;
  m.permit[i] = Permit.None;
  m.permitEmployer[i] = NO_ONE;
  m.permitUntil[i] = NEVER;
  m.flags[i] &= ~Flag.Formal;
  m.flags[i] |= Flag.LapseRecorded;
  if (i === world.tracedAgent) record(world, 'permit-lapsed');
}

function keepPermit(world: World, i: number): void {
  const m = world.migrants;
  const region = m.region[i];
  const p = countryRules(world, region);
  const day = world.day;
  const permit = m.permit[i];
  if (permit === Permit.WorkerTied) {
    if (m.permitUntil[i] >= day + DAYS_PER_WEEK) return;
    const fee = p.permitMonthlyFee * world.params.region[region].permitFeeFactor;
    if (!(m.flags[i] & Flag.OnRegistry) && canRaise(world, i, fee) && world.rng.upkeep() < keepPayingChance(world, i, fee)) {
      payOrBorrow(world, i, fee, Payment.migrant_fee);
      m.permitUntil[i] = Math.max(m.permitUntil[i], day) + PAID_MONTH_DAYS;
      if (i === world.tracedAgent) record(world, 'permit-paid', { amount: fee });
    } else if (m.permitUntil[i] < day) {
      lapsePermit(world, i);
    }
  } else if (permit === Permit.EmployerTied) {
    const e = m.employer[i];
    if (e !== m.permitEmployer[i]) {
      if (day > m.graceUntil[i]) {
        lapsePermit(world, i);
        if (m.registration[i] === Registration.EmployerAddress || p.registrationFollowsPermit) {
          m.registration[i] = Registration.None;
          m.registeredUntil[i] = NEVER;
        }
      }
    } else if (m.permitUntil[i] < day) {
      const farm = world.employers.sector[e] === AGRICULTURE && pairOf(world, i).farmAgreement;
      recordSlotNeed(world, e, farm);
      const renews = p.quotaMode === 'applications' ? slotUseChance(world, e, farm) : formalPropensity(world, e, true);
      if (employerQuotaLeft(world, e, farm) && world.rng.upkeep() < renews) {
        useEmployerQuota(world, e, farm);
        issueEmployerTiedPermit(world, i, e, p.permitValidityDays);
        transfer(world, Payment.employer_fee, e, world.params.places.countryOf[region], p.employerPermitCost, region);
      } else {
        lapsePermit(world, i);
      }
    }
  } else if (permit === Permit.Open && m.permitUntil[i] < day) {
    lapsePermit(world, i);
  }
}

/** Chance of paying a permit's month: a logit between its fee and the cost of going without (expected sanctions, lost value of legality). */
function keepPayingChance(world: World, i: number, fee: number): number {
  const region = world.migrants.region[i];
  papersCosts(world, i, region, monthsLeft(world, i), monthlyGainNow(world, i), costs);
  const lapse = costs[Papers.None];
  return logistic(papersScale(world, i) * (lapse - fee - borrowingPremium(world, i, fee)));
}

function keepRegistration(world: World, i: number): void {
  const m = world.migrants;
  const p = countryRules(world, m.region[i]);
  if (m.registration[i] === Registration.None || m.registeredUntil[i] >= world.day) return;
  const carried =
    p.registrationFollowsPermit &&
    ((m.permit[i] !== Permit.None && m.permitUntil[i] >= world.day) || (m.flags[i] & Flag.Formal) !== 0);
  if (carried) {
    m.registeredUntil[i] = world.day + p.registrationValidityDays;
    return;
  }
  m.registration[i] = Registration.None;
  m.registeredUntil[i] = NEVER;
  m.flags[i] |= Flag.LapseRecorded;
}

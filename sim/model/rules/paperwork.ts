import { countryRules, regionWage } from '../actions/employment.js';
import { flowsOf } from '../actions/flows.js';
import { pairOf } from '../actions/legalStatus.js';
import { brokerFor } from '../actions/brokerFor.js';
import { canAfford, pay, payOrBorrow } from '../actions/transfer.js';
import { useWorkerQuota, workerQuotaLeft } from '../actions/quotaBook.js';
import { chooseByLogit, logistic } from '../decisions/logit.js';
import { Papers, papersCosts } from '../decisions/documentChoice.js';
import { perceivedJob } from '../decisions/perception.js';
import { COLUMN } from '../indicators.js';
import { REGIME_CODE } from '../params/places.js';
import { Flag, NO_ONE, Permit, Registration, Status } from '../state/codes.js';
import { Payment } from '../state/accounts.js';
import { DAYS_PER_MONTH, PAID_MONTH_DAYS } from '../time.js';
import { record } from '../state/trace.js';
import type { World } from '../world.js';

const costs = new Float64Array(3);
const utilities = new Float64Array(3);

/** Months a migrant expects still to stay (at least one). */
export function monthsLeft(world: World, i: number): number {
  const m = world.migrants;
  return Math.max(1, m.horizonMonths[i] - (world.day - m.arrivalDay[i]) / DAYS_PER_MONTH);
}

/** What a month abroad is worth to migrant i now: their wage, or the wage they expect times their chance of work, less living costs. */
export function monthlyGainNow(world: World, i: number): number {
  const m = world.migrants;
  const r = m.region[i];
  const earned = m.employer[i] !== NO_ONE ? m.wage[i] : regionWage(world, r, m.sector[i]) * perceivedJob(world, i, r);
  return earned - countryRules(world, r).migrantLivingCost;
}

/** Whether migrant i can pay `amount` now, from savings or by borrowing within migrant.borrowing_limit_months of home wage. */
export function canRaise(world: World, i: number, amount: number): boolean {
  const m = world.migrants;
  const missing = amount - m.savings[i];
  if (missing <= 0) return true;
  return m.debt[i] + missing <= world.params.g.migrantBorrowingLimitMonths * world.params.origin[m.origin[i]].homeWage;
}

/** Monthly cost of the money migrant i must borrow to pay `amount` now (none when their savings cover it). */
export function borrowingPremium(world: World, i: number, amount: number): number {
  return Math.max(0, amount - world.migrants.savings[i]) * world.params.g.migrantBorrowingCost;
}

/** Logit scale of choices about papers, per unit of money: migrant.status_choice_scale over home earnings. */
export function papersScale(world: World, i: number): number {
  return world.params.g.migrantStatusChoiceScale / Math.max(1, world.params.origin[world.migrants.origin[i]].homeWage);
}

/**
 * Summary of rule: a migrant abroad without a valid registration, when they
 * get round to it (registration.attempt_prob a week), weighs registering
 * through the channel open to them (its cost spread over the months they
 * expect to stay) against going without (the expected sanction and the
 * lost value of legality): they register with the logit chance of the
 * first (migrant.status_choice_scale), if they can pay. The channel is the
 * digital app where it runs (002; regimes RU30); elsewhere the employer's
 * address for a formal worker whose employer agrees (003 L2917–2919), their
 * own address if the landlord agrees, else a broker's "rubber" address. A held
 * passport or a listing on the control registry (without delisting) blocks
 * registration.
 */
export function register(world: World, i: number): void {
  const m = world.migrants;
  const p = world.params;
  const rng = world.rng.paperwork;
  if (m.registration[i] !== Registration.None && m.registeredUntil[i] >= world.day) return;
  if (m.flags[i] & Flag.PassportHeld) return;
  const region = m.region[i];
  const d = countryRules(world, region);
  if (m.flags[i] & Flag.OnRegistry && !d.registryDelisting) return;
  // Weighing registration takes a moment a migrant gets round to with registration.attempt_prob a week.
  if (rng() >= p.g.registrationAttemptProb) return;
  let channel: number = Registration.None;
  let cost = 0;
  if (p.region[region].digitalRegistration) {
    channel = Registration.Digital;
    cost = d.registrationFee * d.digitalFeeFactor;
  } else if (m.flags[i] & Flag.Formal && rng() < d.registrationEmployerAddressProb) {
    channel = Registration.EmployerAddress;
  } else if (rng() < d.registrationOwnAddressProb) {
    channel = Registration.OwnAddress;
    cost = d.registrationFee;
  } else {
    channel = Registration.RubberAddress;
    cost = d.brokerRegistrationFee;
  }
  const sanction = papersCostsNow(world, i)[Papers.None];
  const chance = logistic(papersScale(world, i) * (sanction - cost / monthsLeft(world, i)));
  if (rng() >= chance || !canAfford(world, i, cost)) return;
  if (channel === Registration.RubberAddress) pay(world, i, cost, Payment.broker_fee, brokerFor(world, i));
  else if (cost > 0) pay(world, i, cost, Payment.migrant_fee);
  m.registration[i] = channel;
  m.registeredUntil[i] = world.day + d.registrationValidityDays;
  if (i === world.tracedAgent) record(world, 'registered', { how: CHANNEL[channel], amount: cost });
}

/** Names of registration channels in trace events. */
const CHANNEL: Readonly<Record<number, string>> = {
  [Registration.OwnAddress]: 'own',
  [Registration.EmployerAddress]: 'employer',
  [Registration.RubberAddress]: 'rubber',
  [Registration.Digital]: 'digital',
};

function papersCostsNow(world: World, i: number): Float64Array {
  papersCosts(world, i, world.migrants.region[i], monthsLeft(world, i), monthlyGainNow(world, i), costs);
  return costs;
}

/**
 * Summary of rule: a migrant without papers, when they weigh their papers
 * (migrant.papers_review_weekly a week), chooses between
 * applying for a worker-tied permit where their citizenship needs one (first
 * costs and month, plus permit.late_fine after the application window,
 * regimes RU10), buying a fake document from a broker, and going without,
 * by a logit over their monthly costs (decisions/documentChoice.ts), in
 * which money they must borrow costs migrant.borrowing_cost a month. An
 * applicant borrows what they lack, up to migrant.borrowing_limit_months of
 * home wage in debt (from relatives or the broker,
 * 003 L3038–3041), must pass the language exam (regimes RU13; Russian
 * speakers pass) and find room in the quota, if any (under quota.mode
 * applications employers' slots do not cover worker-tied permits). Listed people
 * cannot apply unless a delisting procedure lets them; they are delisted
 * once legal (documentUpkeep).
 */
export function applyForWorkerPermit(world: World, i: number): void {
  const m = world.migrants;
  const rng = world.rng.paperwork;
  const regime = pairOf(world, i).regimeCode;
  if (regime === REGIME_CODE['free-movement']) return;
  if (m.flags[i] & Flag.FakeDocument) return;
  if (m.permit[i] !== Permit.None && m.permitUntil[i] >= world.day) return;
  const region = m.region[i];
  const d = countryRules(world, region);
  // Listed people cannot regularise, unless a delisting procedure lets them (002).
  if (m.flags[i] & Flag.OnRegistry && !d.registryDelisting) return;
  if (m.flags[i] & Flag.PassportHeld) return;
  if (rng() >= world.params.g.migrantPapersReviewWeekly) return;
  const workerTied = regime === REGIME_CODE['worker-tied'];
  const late = world.day > m.arrivalDay[i] + d.permitApplicationDays ? d.permitLateFine : 0;
  const c = papersCostsNow(world, i);
  // Under employer-tied rules the legal route is the employer's (hiring.ts); here only fake or none remain.
  const first = d.permitInitialCost + d.permitMonthlyFee * world.params.region[region].permitFeeFactor + late;
  if (workerTied) c[Papers.Legal] += late / monthsLeft(world, i) + borrowingPremium(world, i, first);
  else c[Papers.Legal] = Infinity;
  const scale = papersScale(world, i);
  for (let k = 0; k < 3; k++) utilities[k] = -c[k];
  const choice = chooseByLogit(utilities, 3, scale, rng);
  if (choice === Papers.Fake) buyFakeDocument(world, i);
  if (choice !== Papers.Legal) return;
  if (!canRaise(world, i, first)) return;
  if (!(m.flags[i] & Flag.RussianSpeaker) && rng() >= d.permitExamPassRate) return;
  if (!workerQuotaLeft(world, region)) return;
  useWorkerQuota(world, region);
  payOrBorrow(world, i, first, Payment.migrant_fee);
  const flows = flowsOf(world, region);
  m.permit[i] = Permit.WorkerTied;
  m.permitEmployer[i] = NO_ONE;
  m.permitUntil[i] = world.day + PAID_MONTH_DAYS;
  world.flows[flows + COLUMN.permits_issued]++;
  if (i === world.tracedAgent) record(world, 'permit-bought', { amount: first });
}

/** A fake work document from a broker (001 L34–43), if the migrant can pay for it; the fake is as good as its seller's (enforcement.ts). */
function buyFakeDocument(world: World, i: number): void {
  const m = world.migrants;
  const region = m.region[i];
  const price = countryRules(world, region).brokerFakeDocumentPrice;
  if (!canAfford(world, i, price)) return;
  const seller = brokerFor(world, i);
  pay(world, i, price, Payment.broker_fee, seller);
  m.flags[i] |= Flag.FakeDocument;
  m.fakeSeller[i] = seller;
  if (i === world.tracedAgent) record(world, 'fake-document', { amount: price });
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

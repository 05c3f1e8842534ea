import { COLUMN } from '../indicators.js';
import { exponentialDays } from '../random.js';
import { Flag, NEVER, NO_ONE, Permit, Registration, Status } from '../state/codes.js';
import { Payment } from '../state/accounts.js';
import { DAYS_PER_MONTH, DAYS_PER_WEEK } from '../time.js';
import { record } from '../state/trace.js';
import type { World } from '../world.js';
import { countryRules, regionWage, separate } from './employment.js';
import { flowsOf } from './flows.js';
import { isLegal, pairOf } from './legalStatus.js';
import { payOrBorrow, transfer } from './transfer.js';

/**
 * What migrant i can take from home for a trip: their savings at home
 * (migrant.initial_savings_months of home wage, a trait), less what they
 * still owe from earlier trips.
 */
export function fundsForTrip(world: World, i: number): number {
  const m = world.migrants;
  return Math.max(0, m.wealth[i] * world.params.origin[m.origin[i]].homeWage - m.debt[i]);
}

/**
 * Migrant i arrives in destination region `region` with the savings brought
 * from home, pays the trip (borrowing what is missing) and sets the
 * savings target of this trip. A debt from earlier trips comes along.
 */
export function arrive(world: World, i: number, region: number): void {
  const m = world.migrants;
  const p = world.params;
  const rng = world.rng.decisions;
  const o = m.origin[i];
  m.status[i] = Status.Abroad;
  m.region[i] = region;
  m.arrivalDay[i] = world.day;
  m.tripEarned[i] = 0;
  transfer(world, Payment.brought, o, i, fundsForTrip(world, i), region);
  payOrBorrow(world, i, pairOf(world, i).tripCost, Payment.trip);
  // Targets vary ±50% around their mean: assumption.
  m.target[i] = p.g.migrantSavingsTargetMonths * regionWage(world, region, m.sector[i]) * (0.5 + rng());
  m.unemployedWeeks[i] = 0;
  const v = m.village[i];
  world.villages.abroad[v]++;
  world.villages.abroadIn[v * p.places.regions.length + region]++;
  world.flows[flowsOf(world, region) + COLUMN.arrivals]++;
}

/**
 * Migrant i leaves the country: a voluntary return, or a removal with a
 * re-entry ban from that country. Savings go home with them, repaying
 * debt first, and what is still owed stays owed;
 * documents lapse; the next day they weigh leaving again is drawn, from
 * the stream of the rule that sent them home (enforcement for a removal).
 */
export function leave(world: World, i: number, removal: boolean): void {
  const m = world.migrants;
  const p = world.params;
  const region = m.region[i];
  const country = p.places.countryOf[region];
  // What they saw abroad goes home with them: the week's news counts them even though they are gone by the count.
  const news = world.beliefs.news;
  const cell = m.village[i] * p.places.regions.length + region;
  news.present[cell]++;
  if (m.employer[i] !== NO_ONE) news.employed[cell]++;
  if (m.flags[i] & Flag.CheckedThisWeek) news.checked[cell]++;
  separate(world, i, false);
  if (i === world.tracedAgent && !removal) record(world, 'returned', { amount: m.savings[i], region: p.places.regions[region] });
  // What they carry home first repays what they owe; a debt left over stays with them (rules/debts.ts).
  const repay = Math.min(m.debt[i], m.savings[i]);
  if (repay > 0) {
    transfer(world, Payment.debt_repaid, i, m.origin[i], repay, region);
    m.debt[i] -= repay;
  }
  if (m.savings[i] > 0) transfer(world, Payment.carried_home, i, m.origin[i], m.savings[i], region);
  m.savings[i] = 0;
  m.arrears[i] = 0;
  m.tripEarned[i] = 0;
  m.status[i] = Status.AtHome;
  m.permit[i] = Permit.None;
  m.permitEmployer[i] = NO_ONE;
  m.permitUntil[i] = NEVER;
  m.registration[i] = Registration.None;
  m.registeredUntil[i] = NEVER;
  m.graceUntil[i] = NEVER;
  m.broker[i] = NO_ONE;
  m.fakeSeller[i] = NO_ONE;
  m.flags[i] &= Flag.RussianSpeaker;
  const v = m.village[i];
  world.villages.abroad[v]--;
  world.villages.abroadIn[v * p.places.regions.length + region]--;
  m.nextReviewDay[i] = world.day + exponentialDays(removal ? world.rng.enforcement : world.rng.returns, p.g.migrantReviewMonths * DAYS_PER_MONTH);
  if (removal) {
    m.bannedUntil[i] = world.day + p.dest[country].sanctionBanDays;
    m.bannedFrom[i] = country;
    if (i === world.tracedAgent) record(world, 'removed', { region: p.places.regions[region], untilWeek: Math.floor(m.bannedUntil[i] / DAYS_PER_WEEK) });
    world.flows[flowsOf(world, region) + COLUMN.removals]++;
  } else {
    world.flows[flowsOf(world, region) + COLUMN.returns]++;
  }
}

/**
 * Migrant i moves to another region of the same country for work. They
 * leave their job (walking out, so a passport held by the employer stays
 * there); a registration is at an address and a patent is valid in one
 * region (regimes RU16), so both end, and an employer-tied permit runs out
 * after its grace period as for any job that ends; a broker works in his
 * own region, so his contract ends. The move costs migrant.move_cost,
 * borrowed if short. The days allowed after arrival to register do not
 * start again (assumption): until they register anew they are irregular.
 */
export function relocate(world: World, i: number, region: number): void {
  const m = world.migrants;
  const regions = world.params.places.regions.length;
  const from = m.region[i];
  separate(world, i, true);
  const v = m.village[i];
  world.villages.abroadIn[v * regions + from]--;
  world.villages.abroadIn[v * regions + region]++;
  m.region[i] = region;
  m.registration[i] = Registration.None;
  m.registeredUntil[i] = NEVER;
  if (m.permit[i] === Permit.WorkerTied) {
    m.permit[i] = Permit.None;
    m.permitUntil[i] = NEVER;
  }
  m.broker[i] = NO_ONE;
  payOrBorrow(world, i, countryRules(world, region).migrantMoveCost, Payment.trip);
  if (isLegal(world, i)) m.flags[i] |= Flag.Legal;
  else m.flags[i] &= ~Flag.Legal;
  world.flows[flowsOf(world, region) + COLUMN.relocations]++;
  if (i === world.tracedAgent) record(world, 'moved', { region: world.params.places.regions[region] });
}

import { COLUMN } from '../indicators.js';
import { cumulate, drawIndex } from '../random.js';
import { Flag, NEVER, NO_ONE, Permit, Registration, Status } from '../state/codes.js';
import { DAYS_PER_MONTH } from '../time.js';
import { Account } from '../state/ledger.js';
import type { World } from '../world.js';
import { separate } from './employment.js';
import { payOrBorrow } from './pay.js';

/**
 * Migrant i arrives abroad in a region drawn by its share of jobs, with
 * the savings brought from home, paying the trip (borrowing what is
 * missing) and planning a stay and a savings target.
 */
export function arrive(world: World, i: number, regionCum: Float64Array): void {
  const m = world.migrants;
  const p = world.params;
  const rng = world.rng.departures;
  const o = m.origin[i];
  m.status[i] = Status.Abroad;
  m.region[i] = drawIndex(rng, regionCum);
  m.arrivalDay[i] = world.day;
  const brought = p.initialSavingsMonths * p.homeWage[o] * (0.5 + rng());
  m.savings[i] = brought;
  m.debt[i] = 0;
  world.ledger[Account.brought] += brought;
  payOrBorrow(world, i, p.tripCost, Account.tripCosts);
  // Stays and targets vary ±50% around their means: assumption.
  m.plannedReturnDay[i] = world.day + Math.round(p.stayMonths * DAYS_PER_MONTH * (0.5 + rng()));
  const wage = p.sectorWage[m.sector[i]] * p.regionWageFactor[m.region[i]];
  m.target[i] = p.savingsTargetMonths * wage * (0.5 + rng());
  m.unemployedWeeks[i] = 0;
  if (rng() < p.fakeDocumentShare) m.flags[i] |= Flag.FakeDocument;
  if (rng() < p.legalPropensity) m.flags[i] |= Flag.SeeksLegalStatus;
  world.villageAbroad[m.village[i]]++;
  world.flows[COLUMN.arrivals]++;
}

/** Cumulative job shares of regions, for drawing where a migrant goes. */
export function regionWeights(world: World): Float64Array {
  return cumulate(world.params.regionJobsShare);
}

/**
 * Migrant i leaves the country: a voluntary return, or a removal with a
 * re-entry ban. Savings and debt go home with them; documents lapse.
 */
export function leave(world: World, i: number, removal: boolean): void {
  const m = world.migrants;
  separate(world, i, false);
  world.ledger[Account.carriedHome] += m.savings[i];
  m.savings[i] = 0;
  m.debt[i] = 0;
  m.arrears[i] = 0;
  m.status[i] = Status.AtHome;
  m.permit[i] = Permit.None;
  m.permitEmployer[i] = NO_ONE;
  m.permitUntil[i] = NEVER;
  m.registration[i] = Registration.None;
  m.registeredUntil[i] = NEVER;
  m.graceUntil[i] = NEVER;
  m.broker[i] = NO_ONE;
  m.flags[i] &= Flag.RussianSpeaker;
  world.villageAbroad[m.village[i]]--;
  if (removal) {
    m.bannedUntil[i] = world.day + world.params.banDays;
    world.flows[COLUMN.removals]++;
  } else {
    world.flows[COLUMN.returns]++;
  }
}

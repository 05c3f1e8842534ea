import { COLUMN } from '../indicators.js';
import { AGRICULTURE } from '../params/places.js';
import { Flag, NO_ONE, Permit } from '../state/codes.js';
import { monthOfYear } from '../time.js';
import type { World } from '../world.js';

/** Farm work runs April to October (003 L1428–1432, L1447–1448); other sectors hire all year. */
export function inSeason(day: number): boolean {
  const month = monthOfYear(day);
  return month >= 3 && month <= 9;
}

/** Jobs an employer offers this week: its peak jobs, cut off-season for farms. */
export function demand(world: World, e: number): number {
  const jobs = world.employers.jobs[e];
  return world.employers.sector[e] === AGRICULTURE ? Math.floor(jobs * world.farmDemand) : jobs;
}

/** Sets this week's farm demand from the season. */
export function setSeason(world: World): void {
  world.inSeason = inSeason(world.day);
  world.farmDemand = world.inSeason ? 1 : world.params.offseasonDemand;
}

/** Monthly wage an employer pays, formal or informal. */
export function monthlyWage(world: World, e: number, formal: boolean): number {
  const p = world.params;
  const wage = p.sectorWage[world.employers.sector[e]] * p.regionWageFactor[world.employers.region[e]];
  return formal ? wage : wage * p.informalWageFactor;
}

/** Puts migrant i to work for employer e. */
export function employ(world: World, i: number, e: number, formal: boolean): void {
  const m = world.migrants;
  m.employer[i] = e;
  m.wage[i] = monthlyWage(world, e, formal);
  m.unemployedWeeks[i] = 0;
  if (formal) m.flags[i] |= Flag.Formal;
  else m.flags[i] &= ~Flag.Formal;
  world.employers.workers[e]++;
}

/**
 * Ends migrant i's job. Unpaid arrears stay with the employer (they were
 * counted as withheld when withheld). The grace period starts: an
 * employer-tied permit holder or a free-movement worker keeps status for
 * permit.grace_days (regimes RU17). A passport held by the employer stays
 * with it when the worker walks out (003 L3048–3050).
 */
export function separate(world: World, i: number, walkedOut: boolean): void {
  const m = world.migrants;
  const e = m.employer[i];
  if (e === NO_ONE) return;
  world.employers.workers[e]--;
  m.employer[i] = NO_ONE;
  m.wage[i] = 0;
  m.arrears[i] = 0;
  m.flags[i] &= ~Flag.Formal;
  if (!walkedOut) m.flags[i] &= ~Flag.PassportHeld;
  m.graceUntil[i] = world.day + world.params.graceDays;
  m.unemployedWeeks[i] = 0;
}

/** Issues an employer-tied permit naming employer e, valid for `days`. */
export function issueEmployerTiedPermit(world: World, i: number, e: number, days: number): void {
  const m = world.migrants;
  m.permit[i] = Permit.EmployerTied;
  m.permitEmployer[i] = e;
  m.permitUntil[i] = world.day + days;
  world.flows[COLUMN.permits_issued]++;
}

/** Weekly amount of a monthly sum. */
export function weekly(monthly: number): number {
  return (monthly * 12) / 52;
}

import { COLUMN } from '../indicators.js';
import { SECTORS } from '../params/places.js';
import { Flag, NO_ONE, Permit } from '../state/codes.js';
import type { DestinationParams } from '../params/compileParams.js';
import { record } from '../state/trace.js';
import type { World } from '../world.js';
import { flowsOf } from './flows.js';

/** Jobs an employer offers this week (set weekly by rules/labourDemand.ts). */
export function demand(world: World, e: number): number {
  return world.employers.demand[e];
}

/** Formal monthly wage of a sector in a destination region: the parameters' wage as the market has moved it (rules/wages.ts). */
export function regionWage(world: World, region: number, sector: number): number {
  const p = world.params;
  return p.dest[p.places.countryOf[region]].sectorWage[sector] * p.region[region].wageFactor * world.economy.wage[region * SECTORS.length + sector];
}

/** Monthly wage an employer pays, formal or informal. */
export function monthlyWage(world: World, e: number, formal: boolean): number {
  const r = world.employers.region[e];
  const wage = regionWage(world, r, world.employers.sector[e]);
  return formal ? wage : wage * world.params.dest[world.params.places.countryOf[r]].labourInformalWageFactor;
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
  m.graceUntil[i] = world.day + countryRules(world, m.region[i]).permitGraceDays;
  m.unemployedWeeks[i] = 0;
}

/** Issues an employer-tied permit naming employer e, valid for `days`. */
export function issueEmployerTiedPermit(world: World, i: number, e: number, days: number): void {
  const m = world.migrants;
  m.permit[i] = Permit.EmployerTied;
  m.permitEmployer[i] = e;
  m.permitUntil[i] = world.day + days;
  world.flows[flowsOf(world, m.region[i]) + COLUMN.permits_issued]++;
  if (i === world.tracedAgent) record(world, 'permit-employer');
}

/** The rules of the destination country a region belongs to. */
export function countryRules(world: World, region: number): DestinationParams {
  return world.params.dest[world.params.places.countryOf[region]];
}

/** Weekly amount of a monthly sum. */
export function weekly(monthly: number): number {
  return (monthly * 12) / 52;
}

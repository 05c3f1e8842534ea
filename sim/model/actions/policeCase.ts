import { COLUMN } from '../indicators.js';
import { NO_ONE } from '../state/codes.js';
import { SECTORS } from '../params/places.js';
import type { World } from '../world.js';
import { flowsOf } from './flows.js';
import { transfer } from './transfer.js';

/**
 * A police unit found an irregular worker of employer e (in a raid, or in
 * the street and asked where they work): the unit that covers e (which
 * raids it) suspects e and e's sector by one more find (state/police.ts).
 */
export function noteFind(world: World, e: number): void {
  if (e === NO_ONE) return;
  const units = world.police;
  units.employerSuspicion[e]++;
  units.sectorSuspicion[units.unitOfEmployer[e] * SECTORS.length + world.employers.sector[e]]++;
}

/** Unit u records a case (a fine or a detention of a migrant, a fine of an employer): it counts towards its monthly target. */
export function recordCase(world: World, u: number): void {
  world.police.recorded[u]++;
  world.flows[flowsOf(world, world.police.region[u]) + COLUMN.cases_recorded]++;
}

/**
 * A bribe of `amount` to unit u from `payer` (the payment kind says who:
 * migrant, employer or broker): the money moves into the unit's account,
 * the unit books it, and it counts as a bribe.
 */
export function takeBribe(world: World, payment: number, payer: number, amount: number, u: number): void {
  const region = world.police.region[u];
  transfer(world, payment, payer, u, amount, region);
  world.police.bribeIncome[u] += amount;
  world.flows[flowsOf(world, region) + COLUMN.bribes_count]++;
}

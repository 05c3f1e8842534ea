import { COLUMN } from '../indicators.js';
import { Payment } from '../state/accounts.js';
import type { World } from '../world.js';
import { countryRules } from './employment.js';
import { flowsOf } from './flows.js';
import { transfer } from './transfer.js';

/**
 * The police take up a case against broker b: with police.corruption he
 * settles it with a bribe (police.bribe), otherwise he pays broker.fine to
 * the state. Brokers' accounts may go below zero, like employers'.
 */
export function sanctionBroker(world: World, b: number, rng: () => number): void {
  const region = world.brokers.region[b];
  const d = countryRules(world, region);
  if (rng() < d.policeCorruption) {
    world.flows[flowsOf(world, region) + COLUMN.bribes_count]++;
    transfer(world, Payment.broker_bribe, b, region, d.policeBribe, region);
    return;
  }
  transfer(world, Payment.broker_fine, b, world.params.places.countryOf[region], d.brokerFine, region);
}

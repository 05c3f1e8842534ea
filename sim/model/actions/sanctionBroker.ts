import { Payment } from '../state/accounts.js';
import type { World } from '../world.js';
import { countryRules } from './employment.js';
import { recordCase, takeBribe } from './policeCase.js';
import { transfer } from './transfer.js';

/** The police unit that takes up a case against broker b: the one covering the first employer he is tied to. */
function unitOfBroker(world: World, b: number): number {
  const brokers = world.brokers;
  return brokers.tieCount[b] > 0 ? world.police.unitOfEmployer[brokers.tieStart[b]] : world.police.unitStart[brokers.region[b]];
}

/**
 * Police unit u takes up a case against broker b: with the unit's bribe
 * chance he settles it with a bribe (police.bribe), otherwise the unit
 * records the case and he pays broker.fine to the state. Brokers'
 * accounts may go below zero, like employers'.
 */
export function sanctionBroker(world: World, b: number, rng: () => number, u: number = unitOfBroker(world, b)): void {
  const region = world.brokers.region[b];
  const d = countryRules(world, region);
  if (rng() < world.police.bribeChance[u]) {
    takeBribe(world, Payment.broker_bribe, b, d.policeBribe, u);
    return;
  }
  recordCase(world, u);
  transfer(world, Payment.broker_fine, b, world.params.places.countryOf[region], d.brokerFine, region);
}

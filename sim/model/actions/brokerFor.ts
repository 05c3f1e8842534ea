import { chooseBroker, UNKNOWN_BROKER } from '../decisions/brokerChoice.js';
import type { Rng } from '../random.js';
import { slotOf } from '../state/brokerBeliefs.js';
import { NO_ONE } from '../state/codes.js';
import type { World } from '../world.js';

/**
 * The broker who sells migrant i a service in their region (a "rubber"
 * address, a fake document): their own broker while under contract,
 * otherwise the broker they choose as at departure, by what their village
 * believes of the brokers it knows (decisions/brokerChoice.ts).
 */
export function brokerFor(world: World, i: number): number {
  const m = world.migrants;
  const region = m.region[i];
  const own = m.broker[i];
  if (own !== NO_ONE && m.brokerUntil[i] >= world.day && world.brokers.region[own] === region) return own;
  const rng = world.rng.brokers;
  const chosen = chooseBroker(world, m.village[i], region, rng);
  if (chosen >= 0) return chosen;
  return brokerOf(world, m.village[i], region, chosen === UNKNOWN_BROKER, false, rng);
}

/**
 * A broker of region r, looking from a random one on: the first one
 * village v does not know by name if `unknown`, and with room left this
 * week if `withRoom`; failing that, the first with room (if `withRoom`) or
 * the random one. NO_ONE when the region has none (or none with room).
 */
export function brokerOf(world: World, v: number, r: number, unknown: boolean, withRoom: boolean, rng: Rng): number {
  const brokers = world.brokers;
  const first = brokers.regionStart[r];
  const count = brokers.regionStart[r + 1] - first;
  if (count === 0) return NO_ONE;
  const start = Math.floor(rng() * count);
  let fallback = withRoom ? NO_ONE : first + start;
  for (let t = 0; t < count; t++) {
    const b = first + ((start + t) % count);
    if (withRoom && brokers.capacityLeft[b] <= 0) continue;
    if (!unknown || slotOf(world.beliefs.brokers, v, b) < 0) return b;
    if (fallback === NO_ONE) fallback = b;
  }
  return fallback;
}

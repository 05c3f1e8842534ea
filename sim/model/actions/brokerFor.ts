import { NO_ONE } from '../state/codes.js';
import type { World } from '../world.js';

/**
 * The broker who sells migrant i a service in their region: their own
 * broker while under contract there, otherwise one of the region's brokers
 * fixed by who the migrant is (assumption: a migrant deals with the
 * broker their acquaintances use, the same one every time).
 */
export function brokerFor(world: World, i: number): number {
  const m = world.migrants;
  const b = world.brokers;
  const region = m.region[i];
  const own = m.broker[i];
  if (own !== NO_ONE && b.region[own] === region) return own;
  const first = b.regionStart[region];
  return first + (i % Math.max(1, b.regionStart[region + 1] - first));
}

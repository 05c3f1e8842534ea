import type { World } from '../world.js';
import { countryRules } from './employment.js';

/** The book a region's permits count against: its own, or its country's first region's when the quota is not split. */
function poolOf(world: World, region: number): number {
  const { places } = world.params;
  return countryRules(world, region).quotaSplitByRegion ? region : places.countryStart[places.countryOf[region]];
}

/**
 * Whether a permit of the yearly quota is left for a worker in `region`
 * (farm permits only for origins with a bilateral agreement, 003 L2052–2055).
 * Caps are whole permits: a fraction of a permit is never issued.
 */
export function quotaLeft(world: World, region: number, farm: boolean): boolean {
  const q = world.quota[world.params.places.countryOf[region]];
  if (Number.isNaN(q.cap)) return true;
  const book = poolOf(world, region);
  if (farm && q.regionFarmIssued[book] + 1 <= q.regionFarmCap[book]) return true;
  return q.regionIssued[book] + 1 <= q.regionCap[book];
}

/** Books one permit against the quota (farm part first where it applies). */
export function useQuota(world: World, region: number, farm: boolean): void {
  const q = world.quota[world.params.places.countryOf[region]];
  const book = poolOf(world, region);
  if (farm && q.regionFarmIssued[book] + 1 <= q.regionFarmCap[book]) q.regionFarmIssued[book]++;
  else q.regionIssued[book]++;
}

import type { World } from '../world.js';

/** The book a region's permits count against: its own, or the national one (kept in slot 0) when the quota is not split. */
function poolOf(world: World, region: number): number {
  return world.params.quotaSplitByRegion ? region : 0;
}

/**
 * Whether a permit of the yearly quota is left for a worker in `region`
 * (farm permits only for origins with a bilateral agreement, 003 L2052–2055).
 */
export function quotaLeft(world: World, region: number, farm: boolean): boolean {
  const q = world.quota;
  if (Number.isNaN(q.cap)) return true;
  region = poolOf(world, region);
  if (farm && q.regionFarmIssued[region] < q.regionFarmCap[region]) return true;
  return q.regionIssued[region] < q.regionCap[region];
}

/** Books one permit against the quota (farm part first where it applies). */
export function useQuota(world: World, region: number, farm: boolean): void {
  const q = world.quota;
  region = poolOf(world, region);
  if (farm && q.regionFarmIssued[region] < q.regionFarmCap[region]) q.regionFarmIssued[region]++;
  else q.regionIssued[region]++;
}

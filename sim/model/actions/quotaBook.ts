import type { World } from '../world.js';

/**
 * Whether a permit of the yearly quota is left for a worker in `region`
 * (farm permits only for origins with a bilateral agreement, 003 L2052–2055).
 */
export function quotaLeft(world: World, region: number, farm: boolean): boolean {
  const q = world.quota;
  if (Number.isNaN(q.cap)) return true;
  if (farm && q.regionFarmIssued[region] < q.regionFarmCap[region]) return true;
  return q.regionIssued[region] < q.regionCap[region];
}

/** Books one permit against the quota (farm part first where it applies). */
export function useQuota(world: World, region: number, farm: boolean): void {
  const q = world.quota;
  if (farm && q.regionFarmIssued[region] < q.regionFarmCap[region]) q.regionFarmIssued[region]++;
  else q.regionIssued[region]++;
}

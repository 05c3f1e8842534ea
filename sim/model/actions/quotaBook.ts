import { REGIME_CODE } from '../params/places.js';
import { SLOT_KINDS, SlotKind } from '../state/employerSlots.js';
import type { World } from '../world.js';
import { countryRules } from './employment.js';

/** The book a region's permits count against: its own, or its country's first region's when the quota is not split (fixed mode). */
function poolOf(world: World, region: number): number {
  const { places } = world.params;
  return countryRules(world, region).quotaSplitByRegion ? region : places.countryStart[places.countryOf[region]];
}

function byApplications(world: World, region: number): boolean {
  return countryRules(world, region).quotaMode === 'applications';
}

/**
 * Whether employer e can still obtain an employer-tied permit of the
 * yearly quota for a worker (`farm`: seasonal farm work for an origin
 * with a bilateral agreement, 003 L2052–2055). Under quota.mode
 * applications only the employer's own slots count; under fixed, its
 * region's book, first come, first served. Slots and books are whole
 * permits: a fraction of a permit is never issued.
 */
export function employerQuotaLeft(world: World, e: number, farm: boolean): boolean {
  const region = world.employers.region[e];
  const q = world.quota[world.params.places.countryOf[region]];
  if (Number.isNaN(q.cap)) return true;
  if (byApplications(world, region)) {
    const s = world.slots;
    const k = e * SLOT_KINDS;
    if (farm && s.used[k + SlotKind.Farm] < s.granted[k + SlotKind.Farm]) return true;
    return s.used[k + SlotKind.General] < s.granted[k + SlotKind.General];
  }
  return regionQuotaLeft(world, region, farm);
}

/** Books one employer-tied permit against employer e's slots or its region's book (farm part first where it applies). */
export function useEmployerQuota(world: World, e: number, farm: boolean): void {
  const region = world.employers.region[e];
  const q = world.quota[world.params.places.countryOf[region]];
  if (Number.isNaN(q.cap)) return;
  if (!byApplications(world, region)) return useRegionQuota(world, region, farm);
  const s = world.slots;
  const k = e * SLOT_KINDS;
  if (farm && s.used[k + SlotKind.Farm] < s.granted[k + SlotKind.Farm]) {
    s.used[k + SlotKind.Farm]++;
    q.regionFarmIssued[region]++;
  } else {
    s.used[k + SlotKind.General]++;
    q.regionIssued[region]++;
  }
}

/**
 * Whether a worker-tied permit of the yearly quota is left in `region`.
 * Employers apply for employer-tied permits only, so under quota.mode
 * applications worker-tied permits count against no quota.
 */
export function workerQuotaLeft(world: World, region: number): boolean {
  if (byApplications(world, region)) return true;
  return Number.isNaN(world.quota[world.params.places.countryOf[region]].cap) || regionQuotaLeft(world, region, false);
}

/** Books one worker-tied permit against its region's book (fixed mode only). */
export function useWorkerQuota(world: World, region: number): void {
  if (byApplications(world, region) || Number.isNaN(world.quota[world.params.places.countryOf[region]].cap)) return;
  useRegionQuota(world, region, false);
}

/** Notes that employer e needed a quota slot for a hire or a renewal, slot or none: the record its next application follows. */
export function recordSlotNeed(world: World, e: number, farm: boolean): void {
  const k = e * SLOT_KINDS + (farm ? SlotKind.Farm : SlotKind.General);
  world.slots.needs[k]++;
  world.slots.needsThisYear[k]++;
}

/**
 * How likely the legal route through country c's quota is to be open for
 * an origin under `regimeCode`, as a migrant at home sees it: the share of
 * the year's caps still unused, against the share of the year still to
 * come (so a quota used evenly through the year looks open all year), at
 * most 1. Without a quota, or for worker-tied permits under quota.mode
 * applications, it is 1.
 */
export function quotaOpen(world: World, c: number, regimeCode: number): number {
  const q = world.quota[c];
  if (Number.isNaN(q.cap)) return 1;
  const d = world.params.dest[c];
  if (d.quotaMode === 'applications' && regimeCode !== REGIME_CODE['employer-tied']) return 1;
  if (q.cap <= 0) return 0;
  let issued = 0;
  const { places } = world.params;
  for (let r = places.countryStart[c]; r < places.countryStart[c + 1]; r++) issued += q.regionIssued[r] + q.regionFarmIssued[r];
  const unused = Math.max(0, 1 - issued / q.cap);
  const yearLeft = (world.quotaYearEnd - world.week) / Math.max(1, world.quotaYearEnd - world.quotaYearStart);
  return yearLeft > 0 ? Math.min(1, unused / yearLeft) : 1;
}

function regionQuotaLeft(world: World, region: number, farm: boolean): boolean {
  const q = world.quota[world.params.places.countryOf[region]];
  const book = poolOf(world, region);
  if (farm && q.regionFarmIssued[book] + 1 <= q.regionFarmCap[book]) return true;
  return q.regionIssued[book] + 1 <= q.regionCap[book];
}

function useRegionQuota(world: World, region: number, farm: boolean): void {
  const q = world.quota[world.params.places.countryOf[region]];
  const book = poolOf(world, region);
  if (farm && q.regionFarmIssued[book] + 1 <= q.regionFarmCap[book]) q.regionFarmIssued[book]++;
  else q.regionIssued[book]++;
}

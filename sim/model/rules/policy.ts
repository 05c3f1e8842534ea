import { SLOT_KINDS, SlotKind } from '../state/employerSlots.js';
import { yearOfWeek, yearStartWeek } from '../time.js';
import type { World } from '../world.js';
import { applyForSlots, needsEmployerPermits } from './quotaApplications.js';

/**
 * Summary of rule: at the start of each quota year (the week holding
 * 1 January) each destination country restarts its count of permits
 * issued against the quota, and nothing else: permits run for their
 * validity from the day they were issued. It then sets the year's caps
 * (setQuotaCaps): from the applications its employers filed
 * (quota.mode applications, 004 L1217–1225), or as a fixed number
 * (quota.mode fixed). Timeline events are applied by the loop before this
 * rule runs.
 */
export function openQuotaYear(world: World): void {
  const year = yearOfWeek(world.week);
  for (const q of world.quota) {
    q.regionIssued.fill(0);
    q.regionFarmIssued.fill(0);
    q.applicationsYear = NaN;
  }
  world.slots.used.fill(0);
  world.slots.needsThisYear.fill(0);
  world.quotaYearStart = world.week;
  world.quotaYearEnd = yearStartWeek(year + 1);
  const { places, dest } = world.params;
  const s = world.slots;
  for (let c = 0; c < places.destinations.length; c++) {
    if (dest[c].quotaMode !== 'applications' || !needsEmployerPermits(world, c)) continue;
    for (let e = world.employers.regionStart[places.countryStart[c]]; e < world.employers.regionStart[places.countryStart[c + 1]]; e++) {
      const k = e * SLOT_KINDS;
      // Filed before the year; an employer that has filed nothing for it (a run's first year) applies now.
      if (s.pendingYear[e] === year) {
        for (let kind = 0; kind < SLOT_KINDS; kind++) {
          s.applied[k + kind] = s.pending[k + kind];
          s.expected[k + kind] = s.pendingExpected[k + kind];
        }
      } else {
        applyForSlots(world, e, s.applied, s.expected);
      }
    }
    world.quota[c].applicationsYear = year;
  }
  setQuotaCaps(world);
}

/**
 * Sets the year's caps from the current parameters; a timeline event that
 * changes the quota calls it alone, keeping what was issued.
 * - quota.mode fixed: the cap is quota.annual × quota.low_skill_share,
 *   divided among the regions in proportion to jobs (003 L2028–2032)
 *   unless quota.split_by_region is off, with quota.farm_share of each part
 *   reserved for seasonal farm work (003 L2084–2089).
 * - quota.mode applications: each employer is granted quota.approval_share
 *   of the slots it applied for, scaled down in proportion if the total
 *   would pass quota.annual × quota.low_skill_share (its farm part for farm
 *   slots); the quota in force is quota.annual where it is set (what
 *   employers do not apply for is left unused), else what was granted.
 *   There is a quota only where some origin's citizens need employer-tied
 *   permits.
 * Every cap is a whole number of agents (`scale` real permits each),
 * rounded down, so a fraction of a permit is never issued.
 */
export function setQuotaCaps(world: World): void {
  const p = world.params;
  const { places } = p;
  for (let c = 0; c < places.destinations.length; c++) {
    const d = p.dest[c];
    const q = world.quota[c];
    const first = places.countryStart[c];
    const last = places.countryStart[c + 1];
    q.regionCap.fill(0, first, last);
    q.regionFarmCap.fill(0, first, last);
    if (d.quotaMode === 'applications') {
      grantSlots(world, c);
      continue;
    }
    if (Number.isNaN(d.quotaAnnual)) {
      q.cap = NaN;
      q.capReported = NaN;
      continue;
    }
    const capAgents = (d.quotaAnnual * d.quotaLowSkillShare) / p.g.scale;
    let total = 0;
    for (let r = first; r < last; r++) total += p.region[r].jobsShare;
    total ||= 1;
    // Unsplit, the whole cap sits in the book of the country's first region, which every region draws on (quotaBook.ts).
    const books = d.quotaSplitByRegion ? last - first : 1;
    for (let k = 0; k < books; k++) {
      const r = first + k;
      const regionShare = d.quotaSplitByRegion ? p.region[r].jobsShare / total : 1;
      q.regionFarmCap[r] = Math.floor(capAgents * regionShare * d.quotaFarmShare);
      q.regionCap[r] = Math.floor(capAgents * regionShare * (1 - d.quotaFarmShare));
    }
    q.cap = sumCaps(world, c);
    q.capReported = d.quotaAnnual;
  }
}

/** Slots granted to the employers of country c from this year's applications (quota.mode applications). */
function grantSlots(world: World, c: number): void {
  const p = world.params;
  const d = p.dest[c];
  const q = world.quota[c];
  const s = world.slots;
  const emp = world.employers;
  const first = p.places.countryStart[c];
  const last = p.places.countryStart[c + 1];
  const employersFrom = emp.regionStart[first];
  const employersTo = emp.regionStart[last];
  if (!needsEmployerPermits(world, c)) {
    for (let k = employersFrom * SLOT_KINDS; k < employersTo * SLOT_KINDS; k++) s.granted[k] = 0;
    q.cap = NaN;
    q.capReported = NaN;
    return;
  }
  // A change of mode during the year: the employers apply at once.
  const year = yearOfWeek(world.quotaYearStart);
  if (q.applicationsYear !== year) {
    for (let e = employersFrom; e < employersTo; e++) applyForSlots(world, e, s.applied, s.expected);
    q.applicationsYear = year;
  }
  const applied = [0, 0];
  for (let e = employersFrom; e < employersTo; e++) for (let kind = 0; kind < SLOT_KINDS; kind++) applied[kind] += s.applied[e * SLOT_KINDS + kind];
  const factor = [d.quotaApprovalShare, d.quotaApprovalShare];
  if (!Number.isNaN(d.quotaAnnual)) {
    const ceiling = (d.quotaAnnual * d.quotaLowSkillShare) / p.g.scale;
    const parts = [ceiling * (1 - d.quotaFarmShare), ceiling * d.quotaFarmShare];
    for (let kind = 0; kind < SLOT_KINDS; kind++) if (applied[kind] * factor[kind] > parts[kind]) factor[kind] = parts[kind] / applied[kind];
  }
  for (let r = first; r < last; r++) {
    for (let kind = 0; kind < SLOT_KINDS; kind++) {
      const granted = grantInRegion(world, r, kind, factor[kind]);
      if (kind === SlotKind.Farm) q.regionFarmCap[r] = granted;
      else q.regionCap[r] = granted;
    }
  }
  q.cap = sumCaps(world, c);
  // The quota in force: the ceiling where one is set (as the sources report quotas), else what was granted.
  q.capReported = Number.isNaN(d.quotaAnnual) ? (q.cap * p.g.scale) / Math.max(d.quotaLowSkillShare, 1e-9) : d.quotaAnnual;
}

/**
 * Grants the employers of region r `factor` of the slots of one kind they
 * applied for: the region's whole slots (rounded down) go to each employer
 * by the whole part of its share, and the slots left over to those with
 * the largest fractions (the lower id first on a tie). An employer keeps
 * at least the slots it has already used. Returns the region's slots.
 */
function grantInRegion(world: World, r: number, kind: number, factor: number): number {
  const s = world.slots;
  const from = world.employers.regionStart[r];
  const to = world.employers.regionStart[r + 1];
  let total = 0;
  for (let e = from; e < to; e++) total += s.applied[e * SLOT_KINDS + kind] * factor;
  let left = Math.floor(total);
  const fractions: number[] = [];
  for (let e = from; e < to; e++) {
    const share = s.applied[e * SLOT_KINDS + kind] * factor;
    const whole = Math.floor(share);
    s.granted[e * SLOT_KINDS + kind] = whole;
    left -= whole;
    if (share > whole) fractions.push(e);
  }
  const fraction = (e: number) => {
    const share = s.applied[e * SLOT_KINDS + kind] * factor;
    return share - Math.floor(share);
  };
  fractions.sort((a, b) => fraction(b) - fraction(a) || a - b);
  for (let k = 0; k < left && k < fractions.length; k++) s.granted[fractions[k] * SLOT_KINDS + kind]++;
  let granted = 0;
  for (let e = from; e < to; e++) {
    const k = e * SLOT_KINDS + kind;
    s.granted[k] = Math.max(s.granted[k], s.used[k]);
    granted += s.granted[k];
  }
  return granted;
}

/** A country's cap in agents: the sum of its regions' books. */
function sumCaps(world: World, c: number): number {
  const q = world.quota[c];
  const { countryStart } = world.params.places;
  let cap = 0;
  for (let r = countryStart[c]; r < countryStart[c + 1]; r++) cap += q.regionCap[r] + q.regionFarmCap[r];
  return cap;
}

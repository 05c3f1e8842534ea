import { formalPropensity } from '../decisions/formality.js';
import { AGRICULTURE } from '../params/places.js';
import { DAYS_PER_WEEK } from '../time.js';
import type { World } from '../world.js';

/**
 * Summary of rule: at the start of each quota year each destination
 * country sets its cap (fixed, or from employers' applications:
 * 004 L1217–1225), divides it among its regions in proportion to jobs
 * (003 L2028–2032) unless quota.split_by_region is off, reserves the farm
 * share (003 L2084–2089), and its employers start the year's labour-market
 * test (003 L2057–2067). Caps are whole permits. Timeline events are
 * applied by the loop before this rule runs.
 */
export function openQuotaYear(world: World): void {
  const e = world.employers;
  for (const q of world.quota) {
    q.regionIssued.fill(0);
    q.regionFarmIssued.fill(0);
  }
  world.quotaYearStart = world.week;
  // Each year's applications need a new search for citizens first, except for farm work.
  for (let k = 0; k < e.count; k++) {
    const weeks = world.params.dest[world.params.places.countryOf[e.region[k]]].employerLabourTestWeeks;
    e.labourTestDoneDay[k] = e.sector[k] === AGRICULTURE ? world.day : world.day + weeks * DAYS_PER_WEEK;
  }
  setQuotaCaps(world);
}

/** Sets the year's caps from the current parameters; a mid-year quota change calls it alone, keeping what was issued. */
export function setQuotaCaps(world: World): void {
  const p = world.params;
  const { places } = p;
  const e = world.employers;
  for (let c = 0; c < places.destinations.length; c++) {
    const d = p.dest[c];
    const q = world.quota[c];
    const first = places.countryStart[c];
    const last = places.countryStart[c + 1];
    let capAgents: number;
    if (d.quotaMode === 'applications') {
      // Employers apply for their jobs as far as they mean to hire formally; the state grants a share.
      let applied = 0;
      for (let k = e.regionStart[first]; k < e.regionStart[last]; k++) applied += e.jobs[k] * formalPropensity(world, k, true);
      capAgents = applied * d.quotaApprovalShare;
      q.capReported = (capAgents * p.g.scale) / Math.max(d.quotaLowSkillShare, 1e-9);
    } else if (Number.isNaN(d.quotaAnnual)) {
      q.cap = NaN;
      q.capReported = NaN;
      continue;
    } else {
      capAgents = (d.quotaAnnual * d.quotaLowSkillShare) / p.g.scale;
      q.capReported = d.quotaAnnual;
    }
    q.cap = capAgents;
    let total = 0;
    for (let r = first; r < last; r++) total += p.region[r].jobsShare;
    total ||= 1;
    q.regionCap.fill(0);
    q.regionFarmCap.fill(0);
    // Unsplit, the whole cap sits in the book of the country's first region, which every region draws on (quotaBook.ts).
    const books = d.quotaSplitByRegion ? last - first : 1;
    for (let k = 0; k < books; k++) {
      const r = first + k;
      const regionShare = d.quotaSplitByRegion ? p.region[r].jobsShare / total : 1;
      q.regionFarmCap[r] = Math.floor(capAgents * regionShare * d.quotaFarmShare);
      q.regionCap[r] = Math.floor(capAgents * regionShare * (1 - d.quotaFarmShare));
    }
  }
}

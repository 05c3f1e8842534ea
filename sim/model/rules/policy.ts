import { AGRICULTURE, REGIME_CODE, REGIONS, SECTORS } from '../params/places.js';
import { DAYS_PER_WEEK } from '../time.js';
import type { World } from '../world.js';

/**
 * Summary of rule: at the start of each quota year the state sets the cap
 * (fixed, or from employers' applications: 004 L1217–1225), divides it
 * among regions in proportion to jobs (003 L2028–2032) unless
 * quota.split_by_region is off, reserves the farm share (003 L2084–2089),
 * and employers start the year's labour-market test (003 L2057–2067).
 * Timeline events are applied by the loop before this rule runs.
 */
export function openQuotaYear(world: World): void {
  const e = world.employers;
  world.quota.regionIssued.fill(0);
  world.quota.regionFarmIssued.fill(0);
  world.quotaYearStart = world.week;
  // Each year's applications need a new search for citizens first, except for farm work.
  const testDone = world.day + world.params.labourTestWeeks * DAYS_PER_WEEK;
  for (let k = 0; k < e.count; k++) e.labourTestDoneDay[k] = e.sector[k] === AGRICULTURE ? world.day : testDone;
  setQuotaCaps(world);
}

/** Sets the year's caps from the current parameters; a mid-year quota change calls it alone, keeping what was issued. */
export function setQuotaCaps(world: World): void {
  const p = world.params;
  const q = world.quota;
  const e = world.employers;
  let capAgents: number;
  if (p.quotaFromApplications) {
    // Compliant employers apply for all their jobs; the state grants a share.
    let applied = 0;
    for (let k = 0; k < e.count; k++) if (e.compliant[k]) applied += e.jobs[k];
    capAgents = applied * p.quotaApprovalShare;
    q.capReported = (capAgents * p.scale) / Math.max(p.quotaLowSkillShare, 1e-9);
  } else if (Number.isNaN(p.quotaAnnual)) {
    q.cap = NaN;
    q.capReported = NaN;
    return;
  } else {
    capAgents = (p.quotaAnnual * p.quotaLowSkillShare) / p.scale;
    q.capReported = p.quotaAnnual;
  }
  q.cap = capAgents;
  const shares = p.regionJobsShare;
  const total = shares.reduce((a, b) => a + b, 0) || 1;
  q.regionCap.fill(0);
  q.regionFarmCap.fill(0);
  // Unsplit, the whole cap sits in book 0, which every region draws on (quotaBook.ts).
  const books = p.quotaSplitByRegion ? REGIONS.length : 1;
  for (let r = 0; r < books; r++) {
    const regionShare = p.quotaSplitByRegion ? shares[r] / total : 1;
    q.regionFarmCap[r] = capAgents * regionShare * p.quotaFarmShare;
    q.regionCap[r] = capAgents * regionShare * (1 - p.quotaFarmShare);
  }
}

/**
 * Summary of rule: a potential migrant weighs the expected monthly gain of
 * going (wage × chance of work − living costs − the legal route's monthly
 * fee − expected sanctions) against earnings at home; the weekly chance of
 * leaving is migrant.departure_rate scaled by a logistic function of that
 * gain relative to home earnings (1 at no gain, up to 2). The fee counts
 * only as far as migrants would pay it (migrant.legal_propensity, when
 * within migrant.cost_tolerance); the others expect to work irregularly
 * (001 L43–45, L66–68).
 */
export function updateDepartureChances(world: World): void {
  const p = world.params;
  let expectedWage = 0;
  let expectedFee = 0;
  const jobShareSum = p.regionJobsShare.reduce((a, b) => a + b, 0) || 1;
  for (let r = 0; r < REGIONS.length; r++) {
    const regionShare = p.regionJobsShare[r] / jobShareSum;
    for (let s = 0; s < SECTORS.length; s++) expectedWage += regionShare * p.sectorShare[s] * p.sectorWage[s] * p.regionWageFactor[r];
    expectedFee += regionShare * p.permitMonthlyFee * p.regionPermitFeeFactor[r];
  }
  const earned = expectedWage * world.lastEmploymentRate;
  const checksPerMonth = Math.min(1, p.streetChecks * p.policeCapacity * (52 / 12));
  const caseCost = p.corruption * p.bribe + (1 - p.corruption) * (p.fineMigrant + p.removalShare * earned * p.stayMonths * 0.5);
  const sanctionRisk = checksPerMonth * p.detection * world.lastIrregularShare * caseCost;
  // Only those who would buy the permit count its fee: the rest expect to work without one.
  const feePaid = expectedFee <= p.costTolerance * expectedWage ? expectedFee * p.legalPropensity : 0;
  for (let o = 0; o < world.departureChance.length; o++) {
    const fee = p.regime[o] === REGIME_CODE['worker-tied'] ? feePaid : 0;
    const gain = earned - p.livingCost - fee - sanctionRisk - p.homeWage[o];
    const relative = gain / Math.max(p.homeWage[o], 1);
    const appeal = 2 / (1 + Math.exp(-p.gainSensitivity * relative));
    world.departureChance[o] = Math.min(1, p.departureRate * appeal);
  }
}

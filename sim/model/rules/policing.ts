import { countryRules } from '../actions/employment.js';
import { SECTORS } from '../params/places.js';
import { logistic } from '../decisions/logit.js';
import { officersPerJob, streetCheckChance, unitCorruptionLogOdds } from '../state/police.js';
import { DAYS_PER_MONTH } from '../time.js';
import type { World } from '../world.js';

const SECTOR_COUNT = SECTORS.length;

/**
 * Summary of rule: each police unit plans its week. Its staff is
 * police.staff_per_1000_jobs per 1,000 migrant jobs of its employers,
 * times police.capacity. Officers on the street (1 − police.raid_share of
 * them) stop migrants as fast as they come across them and as the time a
 * check takes allows (Holling's disc equation: an officer checks e·n /
 * (1 + e·n / K) a week at n migrants per job, with e =
 * police.encounters_weekly and K = police.checks_per_officer_weekly), so
 * checks are bounded by the staff and the share of migrants checked falls
 * as migrants grow. Officers on raids make police.raids_per_officer_weekly
 * raids each; the unit aims police.targeting of them where it found
 * irregular workers before (the employer's own record and its sector's,
 * remembered for about police.memory_weeks) and the rest at random. Each
 * unit has its own corruption around police.corruption
 * (police.corruption_spread) and a monthly target of recorded cases
 * (police.cases_target_monthly per officer): the further behind this
 * month's target it is, the more cases it records instead of taking
 * bribes (police.target_pressure), and the further ahead, the more bribes
 * it takes.
 */
export function planPolicing(world: World): void {
  const units = world.police;
  const density = migrantsPerJob(world);
  const scale = world.params.g.scale;
  const month = Math.floor(world.day / DAYS_PER_MONTH);
  const elapsed = (world.day - month * DAYS_PER_MONTH) / DAYS_PER_MONTH;
  for (let u = 0; u < units.count; u++) {
    const r = units.region[u];
    const d = countryRules(world, r);
    const perJob = officersPerJob(d);
    units.staff[u] = perJob * units.jobs[u] * scale;
    units.streetChance[u] = streetCheckChance(perJob * (1 - d.policeRaidShare), density[r], d.policeEncountersWeekly, d.policeChecksPerOfficerWeekly);
    units.raids[u] = plannedRaids(world, u);
    if (units.month[u] !== month) {
      units.month[u] = month;
      units.recorded[u] = 0;
    }
    const target = (units.staff[u] * d.policeCasesTargetMonthly) / scale;
    units.target[u] = target;
    const behind = target > 0 ? (target * elapsed - units.recorded[u]) / target : 0;
    const logOdds = unitCorruptionLogOdds(d, units.corruptionDraw[u]);
    units.propensity[u] = logistic(logOdds);
    units.bribeChance[u] = logistic(logOdds - d.policeTargetPressure * behind);
    forget(world, u, Math.exp(-1 / d.policeMemoryWeeks));
    drawRaids(world, u, d.policeTargeting);
  }
}

/** Raids unit u makes this week (expected number, in agent employers). */
function plannedRaids(world: World, u: number): number {
  const d = countryRules(world, world.police.region[u]);
  return officersPerJob(d) * world.police.jobs[u] * d.policeRaidShare * d.policeRaidsPerOfficerWeekly;
}

/**
 * The share of region r's employers its police units raid in a week: what
 * employers there can observe of the risk of a raid (rules/hiring.ts).
 */
export function raidRate(world: World, r: number): number {
  const units = world.police;
  const employers = world.employers.regionStart[r + 1] - world.employers.regionStart[r];
  let raids = 0;
  for (let u = units.unitStart[r]; u < units.unitStart[r + 1]; u++) raids += plannedRaids(world, u);
  return employers > 0 ? raids / employers : 0;
}

/** Migrants abroad (or detained) per migrant job in each region, from the villages' counts. */
function migrantsPerJob(world: World): Float64Array {
  const regions = world.params.places.regions.length;
  const units = world.police;
  const density = new Float64Array(regions);
  const abroadIn = world.villages.abroadIn;
  for (let k = 0; k < abroadIn.length; k++) density[k % regions] += abroadIn[k];
  for (let r = 0; r < regions; r++) {
    let jobs = 0;
    for (let u = units.unitStart[r]; u < units.unitStart[r + 1]; u++) jobs += units.jobs[u];
    density[r] = jobs > 0 ? density[r] / jobs : 0;
  }
  return density;
}

/** What unit u remembers of its finds fades by `keep` a week. */
function forget(world: World, u: number, keep: number): void {
  const units = world.police;
  for (let s = 0; s < SECTOR_COUNT; s++) units.sectorSuspicion[u * SECTOR_COUNT + s] *= keep;
  for (let e = units.employerStart[u]; e < units.employerStart[u + 1]; e++) units.employerSuspicion[e] *= keep;
}

/**
 * How much unit u expects to find at employer e: the irregular workers it
 * found there, plus those it found per employer of e's sector.
 */
function expectedFinds(world: World, u: number, e: number): number {
  const units = world.police;
  const cell = u * SECTOR_COUNT + world.employers.sector[e];
  return units.employerSuspicion[e] + units.sectorSuspicion[cell] / units.employersInSector[cell];
}

/**
 * Picks the employers unit u raids this week: its raids fall on employer e
 * at the rate raids × weight (at least one raid with 1 − exp(−rate)), the
 * weight being (1 − police.targeting) / employers + police.targeting × e's
 * share of the expected finds (uniform while the unit has found nothing).
 */
function drawRaids(world: World, u: number, targeting: number): void {
  const units = world.police;
  const raided = world.employers.raided;
  const rng = world.rng.enforcement;
  const first = units.employerStart[u];
  const last = units.employerStart[u + 1];
  const raids = units.raids[u];
  let finds = 0;
  if (targeting > 0) for (let e = first; e < last; e++) finds += expectedFinds(world, u, e);
  const aimed = finds > 0 ? targeting : 0;
  for (let e = first; e < last; e++) {
    const weight = (1 - aimed) / (last - first) + (aimed > 0 ? (aimed * expectedFinds(world, u, e)) / finds : 0);
    raided[e] = rng() < 1 - Math.exp(-raids * weight) ? 1 : 0;
  }
}

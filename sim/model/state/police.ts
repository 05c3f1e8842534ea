import type { DestinationParams, ModelParams } from '../params/compileParams.js';
import { SECTORS } from '../params/places.js';
import { standardNormal, type Rng } from '../random.js';

/**
 * The police units. Each destination region has one or more (about one per
 * police.officers_per_unit officers: district departments), numbered
 * region by region; a unit's money is `accounts.police[unit]`. A unit
 * covers a block of its region's employers (its raids) and a share of the
 * migrants living there (its street checks: migrant i of region r belongs
 * to unit `unitStart[r] + i mod units of r`). It has a staff (so its checks
 * are bounded by officers, not proportional to the migrants), splits it
 * between street checks and workplace raids, remembers where it found
 * irregular workers, and has its own corruption and a monthly target of
 * recorded cases. rules/policing.ts plans its week; rules/enforcement.ts
 * carries out the checks and settles the cases.
 */
export interface PoliceUnits {
  readonly count: number;
  /** Region of each unit. */
  readonly region: Uint8Array;
  /** First unit of each region, and one past the last (length regions + 1). */
  readonly unitStart: Int32Array;
  /** First employer of each unit, and one past the last (length units + 1): a unit's employers are a block of its region's. */
  readonly employerStart: Int32Array;
  /** Unit of each employer. */
  readonly unitOfEmployer: Int32Array;
  /** Migrant jobs of the unit's employers at peak demand, in agents (its size; staff is per job). */
  readonly jobs: Float64Array;
  /** The unit's employers in each sector: employersInSector[unit * sectors + sector]. */
  readonly employersInSector: Float64Array;
  /** The unit's own corruption, drawn at creation: its log-odds of a bribe differ from its country's police.corruption by this many police.corruption_spread. */
  readonly corruptionDraw: Float64Array;
  /** Officers in force this week (real people). */
  readonly staff: Float64Array;
  /** This week's chance that a migrant of the unit is stopped in the street. */
  readonly streetChance: Float64Array;
  /** Raids planned this week (expected number, in agent employers). */
  readonly raids: Float64Array;
  /** The unit's own corruption this week: the share of cases it would settle by a bribe when on target. */
  readonly propensity: Float64Array;
  /** This week's chance of taking a bribe for a case, with the pull of the monthly target. */
  readonly bribeChance: Float64Array;
  /** This month's target of recorded cases, in agents. */
  readonly target: Float64Array;
  /** Cases recorded so far this month, in agents. */
  readonly recorded: Float64Array;
  /** The month (from day 0) the count `recorded` belongs to. */
  readonly month: Int32Array;
  /** Suspicion of each employer (by employer id), held by its unit: irregular workers found working there, decaying with police.memory_weeks. */
  readonly employerSuspicion: Float64Array;
  /** Suspicion of each sector, per unit: sectorSuspicion[unit * sectors + sector], irregular workers found working in it, decaying likewise. */
  readonly sectorSuspicion: Float64Array;
  /** Bribes the unit took, by its own book (its account must hold exactly this). */
  readonly bribeIncome: Float64Array;
}

interface EmployersOfRegions {
  readonly count: number;
  readonly sector: Uint8Array;
  readonly jobs: Int32Array;
  readonly regionStart: Int32Array;
}

/**
 * Creates the units of every destination region from its employers: a
 * region has max(1, round(officers / police.officers_per_unit)) units,
 * counting its officers at police.capacity 1 (so that the units are the
 * same whatever the capacity), each with an equal block of its employers.
 * Each unit draws its own corruption (a standard normal shift of the
 * log-odds, scaled by police.corruption_spread when it is used, so that
 * the units' median is the country's police.corruption) from its own
 * stream.
 */
export function createPolice(params: Pick<ModelParams, 'places' | 'dest' | 'g'>, employers: EmployersOfRegions, rng: Rng): PoliceUnits {
  const regions = params.places.regions.length;
  const sectors = SECTORS.length;
  const unitStart = new Int32Array(regions + 1);
  const perRegion = Array.from({ length: regions }, (_, r) => {
    const d = params.dest[params.places.countryOf[r]];
    let jobs = 0;
    for (let e = employers.regionStart[r]; e < employers.regionStart[r + 1]; e++) jobs += employers.jobs[e];
    const officers = (d.policeStaffPer1000Jobs / 1000) * jobs * params.g.scale;
    const inRegion = employers.regionStart[r + 1] - employers.regionStart[r];
    return Math.max(1, Math.min(inRegion, Math.round(officers / d.policeOfficersPerUnit)));
  });
  for (let r = 0; r < regions; r++) unitStart[r + 1] = unitStart[r] + perRegion[r];
  const count = unitStart[regions];
  const region = new Uint8Array(count);
  const employerStart = new Int32Array(count + 1);
  const unitOfEmployer = new Int32Array(employers.count);
  const jobs = new Float64Array(count);
  const employersInSector = new Float64Array(count * sectors);
  for (let r = 0; r < regions; r++) {
    const first = employers.regionStart[r];
    const inRegion = employers.regionStart[r + 1] - first;
    for (let k = 0; k < perRegion[r]; k++) {
      const u = unitStart[r] + k;
      region[u] = r;
      employerStart[u] = first + Math.floor((k * inRegion) / perRegion[r]);
    }
  }
  employerStart[count] = employers.count;
  for (let u = 0; u < count; u++) {
    for (let e = employerStart[u]; e < employerStart[u + 1]; e++) {
      unitOfEmployer[e] = u;
      jobs[u] += employers.jobs[e];
      employersInSector[u * sectors + employers.sector[e]]++;
    }
  }
  const corruptionDraw = new Float64Array(count);
  for (let u = 0; u < count; u++) corruptionDraw[u] = standardNormal(rng);
  return {
    count,
    region,
    unitStart,
    employerStart,
    unitOfEmployer,
    jobs,
    employersInSector,
    corruptionDraw,
    staff: new Float64Array(count),
    streetChance: new Float64Array(count),
    raids: new Float64Array(count),
    propensity: new Float64Array(count),
    bribeChance: new Float64Array(count),
    target: new Float64Array(count),
    recorded: new Float64Array(count),
    month: new Int32Array(count).fill(-1_000_000),
    employerSuspicion: new Float64Array(employers.count),
    sectorSuspicion: new Float64Array(count * sectors),
    bribeIncome: new Float64Array(count),
  };
}

/** The unit that makes street checks on migrant i, abroad in region r. */
export function unitOfMigrant(units: PoliceUnits, i: number, r: number): number {
  const first = units.unitStart[r];
  return first + (i % (units.unitStart[r + 1] - first));
}

/**
 * The log-odds of a unit's own corruption when it is on its monthly target:
 * its country's police.corruption, moved by police.corruption_spread times
 * the unit's draw (logistic of it: the unit's propensity).
 */
export function unitCorruptionLogOdds(d: Pick<DestinationParams, 'policeCorruption' | 'policeCorruptionSpread'>, draw: number): number {
  return Math.log(d.policeCorruption / (1 - d.policeCorruption)) + d.policeCorruptionSpread * draw;
}

/** Officers of a unit per migrant job of its employers (real officers per real job): police.staff_per_1000_jobs × police.capacity. */
export function officersPerJob(d: Pick<DestinationParams, 'policeStaffPer1000Jobs' | 'policeCapacity'>): number {
  return (d.policeStaffPer1000Jobs / 1000) * d.policeCapacity;
}

/**
 * The chance a migrant is stopped in the street in a week, with
 * `officersPerJob` street officers per migrant job and `migrantsPerJob`
 * migrants present per job: each officer makes e·n / (1 + e·n / K) checks
 * (Holling 1959, type II: finding migrants takes time while they are few,
 * each check takes 1/K of a week), spread at random over the migrants
 * (so a migrant's chance is 1 − exp(−checks per migrant)).
 */
export function streetCheckChance(officersPerJob: number, migrantsPerJob: number, encounters: number, checksPerOfficer: number): number {
  if (!(officersPerJob > 0 && encounters > 0 && checksPerOfficer > 0)) return 0;
  const checksPerMigrant = (officersPerJob * encounters) / (1 + (encounters * migrantsPerJob) / checksPerOfficer);
  return 1 - Math.exp(-checksPerMigrant);
}

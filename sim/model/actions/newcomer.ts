import type { ModelParams } from '../params/compileParams.js';
import { SECTORS } from '../params/places.js';
import { cumulate, drawIndex, exponentialDays, standardNormal, type Rng } from '../random.js';
import { Flag, FOREVER, NEVER } from '../state/codes.js';
import type { Migrants } from '../state/migrants.js';
import { record } from '../state/trace.js';
import { DAYS_PER_MONTH } from '../time.js';
import { writeOff } from '../rules/debts.js';
import type { World } from '../world.js';

/** Cumulative weights of a person's trade: the job-weighted mix of sectors over destination countries. */
export function sectorWeights(params: ModelParams): Float64Array {
  const mix = new Float64Array(SECTORS.length);
  for (const d of params.dest) for (let s = 0; s < SECTORS.length; s++) mix[s] += d.sectorShare[s] * d.labourJobsPerPotentialMigrant;
  return cumulate(mix);
}

/**
 * Draws the traits a person brings into the pool of potential migrants:
 * sector, whether they speak Russian, risk attitude, planned stay and
 * wealth at home, in that order from `rng`. Origin and village are the
 * caller's.
 */
export function drawTraits(params: ModelParams, m: Migrants, i: number, rng: Rng, sectors: Float64Array): void {
  const g = params.g;
  m.sector[i] = drawIndex(rng, sectors);
  if (rng() < params.origin[m.origin[i]].russianSpeakers) m.flags[i] |= Flag.RussianSpeaker;
  else m.flags[i] &= ~Flag.RussianSpeaker;
  // Log-normal with mean 1: risk attitudes differ, the average migrant weighs sanctions at face value.
  const sd = g.migrantRiskAversionSd;
  m.riskAversion[i] = Math.exp(sd * standardNormal(rng) - (sd * sd) / 2);
  // Plans and means vary ±50% around their averages: assumption.
  m.horizonMonths[i] = g.migrantHorizonMonths * (0.5 + rng());
  m.wealth[i] = g.migrantInitialSavingsMonths * (0.5 + rng());
}

/** Days a person spends in the pool of potential migrants (population.working_years), or FOREVER when nobody ages out. */
export function workingDays(params: ModelParams): number {
  const years = params.g.populationWorkingYears;
  return Number.isNaN(years) ? FOREVER : Math.round(years * 12 * DAYS_PER_MONTH);
}

/**
 * The day someone already in the pool when the world is built ages out:
 * uniform over one working span from `today`, as in a pool whose ages are
 * spread evenly (a pool that neither grows nor shrinks).
 */
export function initialAgesOutDay(params: ModelParams, today: number, rng: Rng): number {
  const span = workingDays(params);
  return span === FOREVER ? FOREVER : today + Math.floor(rng() * span);
}

/**
 * Migrant i, at home, ages out of the pool of potential migrants, and a
 * newcomer of the same village (so of the same origin and origin region)
 * takes the place: traits of their own, no ban, no experience, no debt,
 * the village's beliefs, a first moment to weigh leaving, and a full
 * working span ahead. A debt the leaver still owes is written off
 * (rules/debts.ts writeOff: counted in debt_defaults).
 */
export function replaceByNewcomer(world: World, i: number, sectors: Float64Array): void {
  const m = world.migrants;
  const p = world.params;
  const rng = world.rng.renewal;
  if (i === world.tracedAgent) record(world, 'aged-out');
  // A debt still owed by someone who leaves the pool will not be repaid: the lender writes it off, a default.
  writeOff(world, i);
  m.arrears[i] = 0;
  m.experience[i] = 0;
  m.bannedUntil[i] = NEVER;
  m.bannedFrom[i] = 0;
  m.flags[i] = 0;
  drawTraits(p, m, i, rng, sectors);
  m.nextReviewDay[i] = world.day + exponentialDays(rng, p.g.migrantReviewMonths * DAYS_PER_MONTH);
  m.agesOutDay[i] = world.day + workingDays(p);
}

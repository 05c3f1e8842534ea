import { countryRules } from '../actions/employment.js';
import { AGRICULTURE } from '../params/places.js';
import { DAYS_PER_MONTH, DAYS_PER_WEEK, DAYS_PER_YEAR, dayOfYear } from '../time.js';
import type { World } from '../world.js';

/** Farm seasons centre on 1 April to 1 November (003 L1428–1432, L1447–1448), as days of the year. */
const SEASON_START_DAY = 3 * DAYS_PER_MONTH;
const SEASON_END_DAY = 10 * DAYS_PER_MONTH;

/**
 * Whether a farm employer's season is on, on a day: each farm starts
 * between 1 April ± labour.season_spread_weeks and stops between
 * 1 November ± that spread, at dates of its own (seasonStartShift,
 * seasonEndShift), so that farm work starts and ends over weeks
 * (003 L1428–1432, L1447–1448; the spread is an assumption).
 */
export function inSeason(world: World, e: number, day: number): boolean {
  const d = dayOfYear(day);
  const spread = seasonSpreadDays(world, e);
  const start = seasonStartDay(world, e, spread);
  const end = SEASON_END_DAY + world.employers.seasonEndShift[e] * spread;
  // A season may run past the new year (at most 12 weeks of spread: it starts after 1 January and ends before the next 1 April).
  return (d >= start && d < end) || d + DAYS_PER_YEAR < end;
}

/**
 * Summary of rule: each employer offers its jobs for the week: its jobs
 * as the region's business cycle scales them (rules/businessCycle.ts),
 * to the nearest whole job. A farm's
 * season starts at a date of its own within labour.season_spread_weeks of
 * 1 April and ends within that spread of 1 November, so farm work starts
 * and ends over weeks, not in one (003 L1428–1432, L1447–1448; the spread
 * is an assumption); out of its season a farm offers
 * labour.offseason_demand of its jobs. A timeline event that changes
 * labour.jobs_per_potential_migrant scales every employer's jobs in
 * proportion (employers are neither created nor removed). Whole jobs,
 * rounded down.
 */
export function setDemand(world: World): void {
  const emp = world.employers;
  const { dest, places } = world.params;
  for (let e = 0; e < emp.count; e++) {
    const c = places.countryOf[emp.region[e]];
    const d = dest[c];
    const scale = world.jobsAtStart[c] > 0 ? d.labourJobsPerPotentialMigrant / world.jobsAtStart[c] : 1;
    const season = emp.sector[e] !== AGRICULTURE || inSeason(world, e, world.day) ? 1 : d.labourOffseasonDemand;
    // The business cycle's jobs to the nearest whole job (rules/businessCycle.ts).
    const jobs = Math.round(emp.jobs[e] * world.economy.demand[emp.region[e]]);
    // Whole jobs, rounded down (the tiny margin keeps 25 × (0.3 / 0.5) at 15).
    emp.demand[e] = scale === 1 && season === 1 ? jobs : Math.floor(jobs * scale * season + 1e-9);
  }
}

/** The first whole day after `day` on which farm employer e's season starts again (seasonal workers weigh coming back then). */
export function nextSeasonStart(world: World, e: number, day: number): number {
  const start = seasonStartDay(world, e);
  const yearStart = day - dayOfYear(day);
  let next = yearStart + start;
  if (next <= day) next += DAYS_PER_YEAR;
  return Math.ceil(next);
}

/** Days over which farms' seasons start and end (labour.season_spread_weeks). */
function seasonSpreadDays(world: World, e: number): number {
  return countryRules(world, world.employers.region[e]).labourSeasonSpreadWeeks * DAYS_PER_WEEK;
}

/** Day of the year on which farm e's season starts (`spread`: its seasonSpreadDays). */
function seasonStartDay(world: World, e: number, spread = seasonSpreadDays(world, e)): number {
  return SEASON_START_DAY + world.employers.seasonStartShift[e] * spread;
}

import { arrive } from './actions/travel.js';
import { INDICATORS, type IndicatorTable } from './indicators.js';
import { compileParams } from './params/compileParams.js';
import type { ParamValue, ParamValues } from './params/paramDef.js';
import { cumulate } from './random.js';
import { openQuotaYear, setQuotaCaps } from './rules/policy.js';
import { measure } from './rules/measure.js';
import { Status } from './state/codes.js';
import { step } from './step.js';
import { DAYS_PER_MONTH, DAYS_PER_WEEK } from './time.js';
import { createWorld, type World } from './world.js';

/** A change of parameters at the start of a week of the horizon. */
export interface TimelineEvent {
  readonly week: number;
  readonly set: Readonly<Record<string, ParamValue>>;
}

export interface SimulationInput {
  /** Parameter values at the start (missing names take defaults). */
  readonly params: ParamValues;
  /** Changes during the horizon, in the order they apply. */
  readonly events?: readonly TimelineEvent[];
  /** The replicate's seed string (random.ts replicateSeed). */
  readonly seed: string;
  /** Weeks of the horizon after week 0. */
  readonly weeks: number;
  /** Called after each recorded week with its row (and the world, read-only by convention); return true to stop early. */
  readonly onWeek?: (week: number, row: Float64Array, world: World) => boolean | void;
}

/**
 * Runs one replicate: builds the world, runs the burn-in unrecorded,
 * records week 0 (the state at the start) and then each week of the
 * horizon. A pure function of its input: the same input gives the same
 * table on every machine and in the browser.
 */
export function simulate(input: SimulationInput): IndicatorTable & { world: World } {
  const burnIn = compileParams(input.params).burnInWeeks;
  const world = createWorld(input.params, input.seed, -burnIn);
  const regionCum = cumulate(world.params.regionJobsShare);
  seedMigrantsAbroad(world, regionCum);
  openQuotaYear(world);

  const width = INDICATORS.length;
  const values = new Float64Array((input.weeks + 1) * width);
  const scratch = new Float64Array(width);
  for (let week = -burnIn; week < 0; week++) {
    setClock(world, week);
    step(world, regionCum, scratch);
  }
  setClock(world, 0);
  // The first quota year of the horizon opens at week 0, which no step runs.
  if (world.quotaYearStart !== 0) openQuotaYear(world);
  measure(world, scratch);
  for (let c = 0; c < width; c++) if (INDICATORS[c].kind === 'flow') scratch[c] = 0;
  values.set(scratch, 0);
  if (input.onWeek?.(0, scratch, world)) return { weeks: 0, values: values.subarray(0, width), world };

  const events = [...(input.events ?? [])];
  for (let week = 1; week <= input.weeks; week++) {
    setClock(world, week);
    applyEvents(world, input.params, events, week);
    step(world, regionCum, scratch);
    values.set(scratch, week * width);
    if (input.onWeek?.(week, scratch, world)) return { weeks: week, values: values.slice(0, (week + 1) * width), world };
  }
  return { weeks: input.weeks, values, world };
}

function setClock(world: World, week: number): void {
  world.week = week;
  world.day = week * DAYS_PER_WEEK;
}

/** Applies the events due at this week (month-0 events apply in the first week). */
function applyEvents(world: World, initial: ParamValues, events: TimelineEvent[], week: number): void {
  const due = events.filter((e) => Math.max(e.week, 1) === week);
  if (due.length === 0) return;
  const current: Record<string, ParamValue> = { ...initial };
  for (const e of events) if (Math.max(e.week, 1) <= week) Object.assign(current, e.set);
  world.params = compileParams(current);
  // A quota change mid-year applies the new cap to what is left of the year.
  if (due.some((e) => Object.keys(e.set).some((k) => k.startsWith('quota.')))) setQuotaCaps(world);
}

/**
 * Puts a share of the population abroad before the burn-in, with planned
 * returns spread over a whole stay so that they do not all return at once.
 */
function seedMigrantsAbroad(world: World, regionCum: Float64Array): void {
  const m = world.migrants;
  const p = world.params;
  const rng = world.rng.departures;
  for (let i = 0; i < m.count; i++) {
    if (rng() >= p.initialAbroadShare) continue;
    arrive(world, i, regionCum);
    m.plannedReturnDay[i] = world.day + Math.round(rng() * p.stayMonths * DAYS_PER_MONTH * 1.5);
    m.status[i] = Status.Abroad;
  }
}

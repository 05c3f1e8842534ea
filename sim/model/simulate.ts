import { arrive } from './actions/travel.js';
import { INDICATORS, resultPlaces, type IndicatorTable } from './indicators.js';
import { placesOfValues } from './params/catalogue.js';
import { compileParams } from './params/compileParams.js';
import type { ParamValue, ParamValues } from './params/paramDef.js';
import { DEFAULT_PLACES, type PlacesSpec } from './params/places.js';
import { cumulate, drawIndex, exponentialDays } from './random.js';
import { openQuotaYear, setQuotaCaps } from './rules/policy.js';
import { measure, placeCount } from './rules/measure.js';
import { Status } from './state/codes.js';
import { step } from './step.js';
import { DAYS_PER_MONTH, DAYS_PER_WEEK } from './time.js';
import { pickAgent, type TraceRequest, type TracedAgent } from './pickAgent.js';
import { createWorld, type World } from './world.js';

/** A change of parameters at the start of a week of the horizon. */
export interface TimelineEvent {
  readonly week: number;
  readonly set: Readonly<Record<string, ParamValue>>;
}

export interface SimulationInput {
  /** Parameter values at the start (missing names take defaults). */
  readonly params: ParamValues;
  /** The places of the world (default: those the parameter names declare, else DEFAULT_PLACES). */
  readonly places?: PlacesSpec;
  /** Changes during the horizon, in the order they apply. */
  readonly events?: readonly TimelineEvent[];
  /** The replicate's seed string (random.ts replicateSeed). */
  readonly seed: string;
  /** Weeks of the horizon after week 0. */
  readonly weeks: number;
  /**
   * Follow one agent from week 0: its events are recorded in `world.trace`
   * (state/trace.ts). An agent by number, or a migrant of an origin abroad
   * in a region at week 0 (pickAgent.ts). Tracing changes no result.
   */
  readonly trace?: TraceRequest;
  /** Called after each recorded week with its rows (one per place) and the world, read-only by convention; return true to stop early. */
  readonly onWeek?: (week: number, rows: Float64Array, world: World) => boolean | void;
}

/**
 * Runs one replicate: builds the world, runs the burn-in unrecorded,
 * records week 0 (the state at the start) and then each week of the
 * horizon. A pure function of its input: the same input gives the same
 * table on every machine and in the browser.
 */
export function simulate(input: SimulationInput): IndicatorTable & { world: World; traced?: TracedAgent } {
  const places = input.places ?? placesOfValues(input.params) ?? DEFAULT_PLACES;
  const burnIn = compileParams(input.params, places).g.populationBurnInWeeks;
  const world = createWorld(input.params, input.seed, -burnIn, places);
  seedMigrantsAbroad(world);
  openQuotaYear(world);

  const placeNames = resultPlaces(world.params.places.destinations);
  const width = INDICATORS.length * placeCount(world);
  const values = new Float64Array((input.weeks + 1) * width);
  const scratch = new Float64Array(width);
  const events = [...(input.events ?? [])];
  // The burn-in's last step is week 0, so that every day before week 1 is stepped once (week 1 then covers days 1–7 only).
  for (let week = -burnIn + 1; week <= 0; week++) {
    setClock(world, week);
    step(world, scratch);
  }
  setClock(world, 0);
  // Events of week 0 (month 0) are part of the state at the start of the horizon, and act from week 1.
  applyEvents(world, input.params, places, events, 0);
  // Year 0 opened in the burn-in's last step, or when a world without burn-in was built; this only makes sure.
  if (world.quotaYearStart !== 0) openQuotaYear(world);
  measure(world, scratch);
  for (let p = 0; p < placeNames.length; p++) {
    for (let c = 0; c < INDICATORS.length; c++) if (INDICATORS[c].kind === 'flow') scratch[p * INDICATORS.length + c] = 0;
  }
  values.set(scratch, 0);
  // Picked from the state at week 0, so that a request by origin and region means "abroad there at the start".
  const traced = input.trace ? pickAgent(world, input.trace, input.seed) : undefined;
  if (traced) world.tracedAgent = traced.agent;
  const extra = traced ? { world, traced } : { world };
  if (input.onWeek?.(0, scratch, world)) return { weeks: 0, places: placeNames, values: values.subarray(0, width), ...extra };

  for (let week = 1; week <= input.weeks; week++) {
    setClock(world, week);
    applyEvents(world, input.params, places, events, week);
    step(world, scratch);
    values.set(scratch, week * width);
    if (input.onWeek?.(week, scratch, world)) return { weeks: week, places: placeNames, values: values.slice(0, (week + 1) * width), ...extra };
  }
  return { weeks: input.weeks, places: placeNames, values, ...extra };
}

function setClock(world: World, week: number): void {
  world.week = week;
  world.day = week * DAYS_PER_WEEK;
}

/** Applies the events due at this week; parameters are recompiled from the initial values and every event so far. */
function applyEvents(world: World, initial: ParamValues, places: PlacesSpec, events: TimelineEvent[], week: number): void {
  const due = events.filter((e) => e.week === week);
  if (due.length === 0) return;
  const current: Record<string, ParamValue> = { ...initial };
  for (const e of events) if (e.week <= week) Object.assign(current, e.set);
  world.params = compileParams(current, places);
  // A quota change mid-year applies the new cap to what is left of the year; so does a change of regime, which decides who needs employer-tied permits.
  if (due.some((e) => Object.keys(e.set).some((k) => k.includes('quota.') || k.endsWith('regime')))) setQuotaCaps(world);
}

/**
 * Puts a share of the population abroad before the burn-in, spread over
 * regions by their jobs and over the time they have been away, so that
 * they do not all return at once.
 */
function seedMigrantsAbroad(world: World): void {
  const m = world.migrants;
  const p = world.params;
  const rng = world.rng.decisions;
  const jobs = new Float64Array(p.places.regions.length);
  for (let e = 0; e < world.employers.count; e++) jobs[world.employers.region[e]] += world.employers.jobs[e];
  const regionCum = cumulate(jobs);
  const meanReview = p.g.migrantReviewMonths * DAYS_PER_MONTH;
  for (let i = 0; i < m.count; i++) {
    m.nextReviewDay[i] = world.day + exponentialDays(rng, meanReview);
    if (rng() >= p.g.populationInitialAbroadShare || regionCum[regionCum.length - 1] === 0) continue;
    arrive(world, i, drawIndex(rng, regionCum));
    m.arrivalDay[i] = world.day - Math.round(rng() * m.horizonMonths[i] * DAYS_PER_MONTH);
    m.status[i] = Status.Abroad;
  }
}

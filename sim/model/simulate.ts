import { INDICATORS, resultPlaces, type IndicatorTable } from './indicators.js';
import { expandValues, placesOfValues, templateOf } from './params/catalogue.js';
import { compileParams } from './params/compileParams.js';
import type { ParamValue, ParamValues } from './params/paramDef.js';
import { compilePlaces, DEFAULT_PLACES, type PlacesSpec } from './params/places.js';
import { setQuotaCaps } from './rules/policy.js';
import { forgetMeasuredNews, measure, placeCount } from './rules/measure.js';
import { step } from './step.js';
import { burnIn } from './start/burnIn.js';
import { pickAgent, type TraceRequest, type TracedAgent } from './pickAgent.js';
import { createWorld, setClock, type World } from './world.js';

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
  const burnInWeeks = compileParams(input.params, places).g.populationBurnInWeeks;
  const events = [...(input.events ?? [])];
  refuseFixedParameters(events, places);
  const world = createWorld(input.params, input.seed, -burnInWeeks, places);

  const placeNames = resultPlaces(world.params.places.destinations);
  const width = INDICATORS.length * placeCount(world);
  const values = new Float64Array((input.weeks + 1) * width);
  const scratch = new Float64Array(width);
  // The burn-in's last step is week 0 (days −6 to 0), which also opens the first quota year of the horizon.
  burnIn(world, input.seed, burnInWeeks, scratch);
  // Events of month 0 are in force from week 0: the week-0 row shows their rules with the state of day 0, and week 1 is the first step under them.
  applyEvents(world, input.params, places, events, 0);
  measure(world, scratch);
  // Counting week 0 gathers the week's news again, after the burn-in's last week has used it: it must not count twice in week 1.
  forgetMeasuredNews(world);
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
 * A timeline event may not set a parameter that is read only when the
 * world is built (registry: fixedAtStart): it would change nothing, or
 * (scale) break the reports. Scenario files are checked with positions
 * before they get here; this guards every other caller.
 */
function refuseFixedParameters(events: readonly TimelineEvent[], places: PlacesSpec): void {
  const compiled = compilePlaces(places);
  for (const event of events) {
    for (const name of Object.keys(expandValues(event.set, compiled))) {
      if (templateOf(name)?.fixedAtStart) throw new Error(`parameter ${name} is fixed at the start of a run; a timeline event (week ${event.week}) cannot change it`);
    }
  }
}

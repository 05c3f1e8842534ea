import { compileParams } from '../model/params/compileParams.js';
import type { TraceRequest, TracedAgent } from '../model/pickAgent.js';
import { replicateSeed } from '../model/random.js';
import { simulate } from '../model/simulate.js';
import type { TraceEvent } from '../model/state/trace.js';
import { horizonWeeks } from '../model/time.js';
import type { ResolvedScenario } from '../scenario/index.js';

/** Which run and whom to follow in it, as `migsim trace` is asked. */
export interface TraceSettings {
  /** Option name (default: the scenario's first option). */
  readonly option?: string;
  readonly replicate: number;
  readonly request: TraceRequest;
}

/** One agent's story in one run: who, in which run, and the events the model recorded. */
export interface AgentTrace {
  readonly option: string;
  readonly replicate: number;
  readonly seed: string;
  readonly currency: string;
  readonly agent: TracedAgent;
  readonly events: readonly TraceEvent[];
}

/** Reads `--pick "uzbekistan, almaty"`: an origin country and a destination region. */
export function parsePick(text: string): TraceRequest {
  const parts = text.split(',').map((part) => part.trim().toLowerCase());
  if (parts.length !== 2 || parts.some((part) => part === '')) throw new Error(`--pick expects "origin, region" (e.g. "uzbekistan, almaty"), got "${text}"`);
  return { origin: parts[0], region: parts[1] };
}

/**
 * Runs one option × replicate of a scenario with one agent traced and
 * returns the model's events for it. The run is the one `migsim run`
 * makes for that job (same seed, parameters and timeline): tracing changes
 * no result. Bad requests are rejected before anything runs.
 */
export function traceAgent(scenario: ResolvedScenario, settings: TraceSettings): AgentTrace {
  const names = scenario.options.map((o) => o.name);
  const optionIndex = settings.option === undefined ? 0 : names.indexOf(settings.option);
  if (optionIndex < 0) throw new Error(`--option: no option "${settings.option}"; options: ${names.join(', ')}`);
  if (!Number.isInteger(settings.replicate) || settings.replicate < 0 || settings.replicate >= scenario.replicates) {
    throw new Error(`--replicate: ${settings.replicate} is out of range; the scenario has replicates 0 to ${scenario.replicates - 1}`);
  }
  const option = scenario.options[optionIndex];
  const request = settings.request;
  if ('agent' in request) {
    const g = compileParams(option.params, option.places).g;
    const agents = Math.max(1, Math.round(g.populationPotentialMigrants / g.scale));
    if (!Number.isInteger(request.agent) || request.agent < 0 || request.agent >= agents) {
      throw new Error(`--agent: ${request.agent} is out of range; this scenario has agents 0 to ${agents - 1}`);
    }
  } else {
    const origins = Object.keys(option.places.origins);
    const regions = Object.values(option.places.destinations).flat();
    if (!origins.includes(request.origin)) throw new Error(`--pick: unknown origin "${request.origin}"; origins: ${origins.join(', ')}`);
    if (!regions.includes(request.region)) throw new Error(`--pick: unknown region "${request.region}"; regions: ${regions.join(', ')}`);
  }
  const seed = replicateSeed(scenario.seed, settings.replicate);
  const result = simulate({
    params: option.params,
    places: option.places,
    events: option.events.map((e) => ({ week: e.week, set: e.set })),
    seed,
    weeks: horizonWeeks(scenario.years),
    trace: request,
  });
  return {
    option: option.name,
    replicate: settings.replicate,
    seed,
    currency: String(option.params.currency ?? ''),
    agent: result.traced!,
    events: result.world.trace,
  };
}

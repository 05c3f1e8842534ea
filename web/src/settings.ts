import type { ParamValue } from '../../sim/model/params/paramDef.js';
import { replicateSeed } from '../../sim/model/random.js';
import type { TimelineEvent } from '../../sim/model/simulate.js';
import { horizonWeeks } from '../../sim/model/time.js';
import type { ResolvedEvent, ResolvedOption } from '../../sim/scenario/index.js';
import { changedLevers, withLeverValues } from './leverSchedule.js';
import type { Lever } from './levers.js';

/** Parameter values and timeline to simulate, with what it is for the results' header. */
export interface Setting {
  /** Index of the scenario option it starts from. */
  readonly option: number;
  /** Levers changed from the option (empty: the option as shipped). */
  readonly changed: readonly string[];
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly events: readonly ResolvedEvent[];
}

/** What to follow in a run: an agent by number, or a random migrant of an origin in a region at week 0. */
import type { TraceRequest } from '../../sim/model/pickAgent.js';
export type { TraceRequest };

/** One simulation the page asks a worker for: a setting under one replicate's seed. */
export interface PageJob {
  readonly id: number;
  /** Index of the setting in the run. */
  readonly setting: number;
  readonly replicate: number;
  readonly seed: string;
  readonly weeks: number;
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly events: readonly TimelineEvent[];
  /** Set on the one job whose migrant the page follows. */
  readonly trace?: TraceRequest;
}

/** An option as shipped. */
export function optionSetting(options: readonly ResolvedOption[], index: number): Setting {
  const option = options[index];
  return { option: index, changed: [], params: option.params, events: option.events };
}

/** The students' setting: an option with the levers' changed values in place (leverSchedule.withLeverValues). */
export function leverSetting(
  options: readonly ResolvedOption[],
  index: number,
  levers: readonly Lever[],
  values: Readonly<Record<string, ParamValue>>,
): Setting {
  const option = options[index];
  const changed = changedLevers(option, levers, values);
  return { option: index, changed: changed.map((l) => l.param), ...withLeverValues(option, changed, values) };
}

/** Every option of a scenario, with the option the levers start from replaced by the levers' setting. */
export function allOptions(options: readonly ResolvedOption[], setting: Setting): Setting[] {
  return options.map((_, i) => (i === setting.option ? setting : optionSetting(options, i)));
}

/** Whether two settings simulate the same thing (then comparing them shows only zeros). */
export function sameSetting(a: Setting, b: Setting): boolean {
  return JSON.stringify([a.params, a.events]) === JSON.stringify([b.params, b.events]);
}

/**
 * The jobs of a run: every setting under every replicate, replicate by
 * replicate so that all settings' lines grow together. Replicate k of every
 * setting uses replicateSeed(seed, k) and the timeline converted exactly as
 * the command line does (sim/run/runJob.ts), so the page's numbers equal
 * `migsim run`'s. `trace` follows one migrant in replicate 0 of setting
 * `traceSetting` (the one the student edits).
 */
export function planJobs(
  settings: readonly Pick<Setting, 'params' | 'events'>[],
  replicates: number,
  seed: number,
  years: number,
  trace?: TraceRequest,
  traceSetting = 0,
): PageJob[] {
  const jobs: PageJob[] = [];
  const weeks = horizonWeeks(years);
  for (let replicate = 0; replicate < replicates; replicate++) {
    for (let s = 0; s < settings.length; s++) {
      jobs.push({
        id: jobs.length,
        setting: s,
        replicate,
        seed: replicateSeed(seed, replicate),
        weeks,
        params: settings[s].params,
        events: settings[s].events.map((e) => ({ week: e.week, set: e.set })),
        ...(trace !== undefined && replicate === 0 && s === traceSetting ? { trace } : {}),
      });
    }
  }
  return jobs;
}

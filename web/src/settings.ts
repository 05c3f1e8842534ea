import type { ParamValue } from '../../sim/model/params/paramDef.js';
import { replicateSeed } from '../../sim/model/random.js';
import type { TimelineEvent } from '../../sim/model/simulate.js';
import { horizonWeeks } from '../../sim/model/time.js';
import type { ResolvedEvent, ResolvedOption } from '../../sim/scenario/index.js';
import { changedLevers, type Lever } from './levers.js';

/** Parameter values and timeline to simulate, under a name for charts and tables. */
export interface Setting {
  readonly name: string;
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly events: readonly ResolvedEvent[];
}

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
}

/**
 * The students' setting: an option's values with the levers' values on top,
 * and the option's timeline. Named after the option, marked when changed.
 */
export function leverSetting(
  option: ResolvedOption,
  levers: readonly Lever[],
  values: Readonly<Record<string, ParamValue>>,
): Setting & { changed: string[] } {
  const changed = changedLevers(levers, values, option.params);
  const params = { ...option.params };
  for (const param of changed) params[param] = values[param];
  return {
    name: changed.length === 0 ? option.name : `${option.name} + your changes`,
    params,
    events: option.events,
    changed,
  };
}

/** Every option of a scenario, with the option the levers start from replaced by the levers' setting. */
export function allOptions(options: readonly ResolvedOption[], edited: number, setting: Setting): Setting[] {
  return options.map((option, i) => (i === edited ? setting : { name: option.name, params: option.params, events: option.events }));
}

/**
 * The jobs of a run: every setting under every replicate, replicate by
 * replicate so that all settings' lines grow together. Replicate k of every
 * setting uses replicateSeed(seed, k) and the timeline converted exactly as
 * the command line does (sim/run/runJob.ts), so the page's numbers equal
 * `migsim run`'s.
 */
export function planJobs(settings: readonly Setting[], replicates: number, seed: number, years: number): PageJob[] {
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
      });
    }
  }
  return jobs;
}

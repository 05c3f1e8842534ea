import { replicateSeed } from '../model/random.js';
import { simulate } from '../model/simulate.js';
import { horizonWeeks } from '../model/time.js';
import type { ResolvedOption } from '../scenario/index.js';

/** One (option, replicate) run of an ensemble; jobs are numbered option-major. */
export interface Job {
  readonly index: number;
  readonly option: number;
  readonly replicate: number;
  readonly seed: string;
}

/** The jobs of a scenario in their fixed order: option 0's replicates, then option 1's, … */
export function planJobs(options: number, replicates: number, scenarioSeed: number): Job[] {
  const jobs: Job[] = [];
  for (let option = 0; option < options; option++) {
    for (let replicate = 0; replicate < replicates; replicate++) {
      jobs.push({ index: jobs.length, option, replicate, seed: replicateSeed(scenarioSeed, replicate) });
    }
  }
  return jobs;
}

/**
 * Runs one job. The seed depends on the replicate only, so every option of
 * replicate k meets the same random draws (common random numbers).
 */
export function runJob(option: ResolvedOption, job: Job, years: number, onWeek?: (week: number) => void): Float64Array {
  const result = simulate({
    params: option.params,
    places: option.places,
    events: option.events.map((e) => ({ week: e.week, set: e.set })),
    seed: job.seed,
    weeks: horizonWeeks(years),
    ...(onWeek === undefined ? {} : { onWeek: (week: number) => void onWeek(week) }),
  });
  return result.values;
}

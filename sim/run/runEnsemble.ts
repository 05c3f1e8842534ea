import type { ResolvedScenario } from '../scenario/index.js';
import { planJobs, type Job } from './runJob.js';
import { workerFile } from './workerFile.js';
import { WorkerPool } from './workerPool.js';

/** A run of the ensemble threw: which one, so that it can be run alone. */
export class RunFailure extends Error {
  constructor(
    readonly job: Job,
    readonly optionName: string,
    readonly detail: string,
  ) {
    super(`run failed: option "${optionName}", replicate ${job.replicate}, seed ${job.seed}\n${detail}`);
  }
}

/** The run was stopped from outside (a signal); `signal` names it when known. */
export class RunInterrupted extends Error {
  constructor(readonly signal?: string) {
    super('interrupted');
  }
}

/** The RunInterrupted for an aborted signal, carrying the reason given to `abort()` when it is a signal name. */
export function interruption(signal: AbortSignal | undefined): RunInterrupted {
  const reason: unknown = signal?.reason;
  return new RunInterrupted(typeof reason === 'string' && reason.startsWith('SIG') ? reason : undefined);
}

export interface EnsembleOptions {
  readonly workers: number;
  /** Only these jobs (by index); all when absent. */
  readonly only?: (job: Job) => boolean;
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
}

/**
 * Runs every (option, replicate) job of a scenario on a pool of worker
 * threads and stops at the first job that fails (RunFailure) or at an abort
 * (RunInterrupted). Results are stored by job index, so their order (and the
 * files made from them) does not depend on the number of workers or on
 * which finishes first. `runScenario` instead goes on past failures.
 */
export async function runEnsemble(scenario: ResolvedScenario, options: EnsembleOptions): Promise<Map<number, Float64Array>> {
  const jobs = planJobs(scenario.options.length, scenario.replicates, scenario.seed).filter(options.only ?? (() => true));
  const results = new Map<number, Float64Array>();
  if (jobs.length === 0) return results;
  if (options.signal?.aborted) throw interruption(options.signal);
  const pool = new WorkerPool(workerFile(), { options: scenario.options, years: scenario.years }, Math.max(1, Math.min(options.workers, jobs.length)));
  let stop: ((error: Error) => void) | undefined;
  const stopped = new Promise<never>((_, reject) => {
    stop = reject;
  });
  const onAbort = () => stop?.(interruption(options.signal));
  options.signal?.addEventListener('abort', onAbort);
  try {
    const all = Promise.all(
      jobs.map(async (job) => {
        const outcome = await pool.run(job);
        if (!outcome.ok) throw new RunFailure(job, scenario.options[job.option].name, outcome.message);
        results.set(job.index, outcome.values);
        options.onProgress?.(results.size, jobs.length);
      }),
    );
    await Promise.race([all, stopped]);
    return results;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    await pool.close();
  }
}

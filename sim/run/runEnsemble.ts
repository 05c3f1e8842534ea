import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Pool from 'worker-threads-pool';
import { packageRoot } from '../scenario/packageRoot.js';
import type { ResolvedScenario } from '../scenario/index.js';
import type { WorkerReply, WorkerSetup } from './ensembleWorker.js';
import { planJobs, type Job } from './runJob.js';

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

/** The run was stopped from outside (Ctrl-C). */
export class RunInterrupted extends Error {
  constructor() {
    super('interrupted');
  }
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
 * threads. Each worker takes the next job when it finishes one; results are
 * stored by job index, so their order (and the files made from them) does
 * not depend on the number of workers or on which finishes first.
 */
export function runEnsemble(scenario: ResolvedScenario, options: EnsembleOptions): Promise<Map<number, Float64Array>> {
  const jobs = planJobs(scenario.options.length, scenario.replicates, scenario.seed).filter(options.only ?? (() => true));
  const setup: WorkerSetup = { options: scenario.options, years: scenario.years };
  const results = new Map<number, Float64Array>();
  const workerCount = Math.max(1, Math.min(options.workers, jobs.length));
  const pool = new Pool({ max: workerCount });
  let next = 0;
  let running = 0;
  let settled = false;

  return new Promise((resolve, reject) => {
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      pool.destroy();
      if (error) reject(error);
      else resolve(results);
    };
    const onAbort = () => finish(new RunInterrupted());
    options.signal?.addEventListener('abort', onAbort);
    if (jobs.length === 0) return finish();

    for (let k = 0; k < workerCount; k++) {
      pool.acquire(workerFile(), { workerData: setup }, (error, worker) => {
        if (error) return finish(error);
        running++;
        const feed = () => worker.postMessage(settled || next >= jobs.length ? null : jobs[next++]);
        worker.on('message', (reply: WorkerReply) => {
          if (reply.kind === 'failed') {
            const job = jobs.find((j) => j.index === reply.index)!;
            return finish(new RunFailure(job, scenario.options[job.option].name, reply.message));
          }
          results.set(reply.index, reply.values);
          options.onProgress?.(results.size, jobs.length);
          feed();
        });
        worker.on('error', (e) => finish(e));
        worker.on('exit', () => {
          running--;
          if (running === 0 && results.size === jobs.length) finish();
        });
        feed();
      });
    }
  });
}

/** The compiled worker script: beside this module in dist/, or in dist/ when running from sources. */
function workerFile(): string {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.js')) return join(dirname(here), 'ensembleWorker.js');
  return join(packageRoot(), 'dist', 'sim', 'run', 'ensembleWorker.js');
}

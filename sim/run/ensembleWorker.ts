import { parentPort, workerData } from 'node:worker_threads';
import type { ResolvedOption } from '../scenario/index.js';
import { runJob, type Job } from './runJob.js';
import { testFault } from './testFault.js';

/** What the ensemble gives each worker once, at start. */
export interface WorkerSetup {
  readonly options: ResolvedOption[];
  readonly years: number;
}

/** Messages from a worker: weeks simulated so far, a finished job, or a job that threw. */
export type WorkerReply =
  | { readonly kind: 'week'; readonly index: number; readonly week: number }
  | { readonly kind: 'done'; readonly index: number; readonly values: Float64Array }
  | { readonly kind: 'failed'; readonly index: number; readonly message: string };

/** Weeks between progress messages: often enough for a smooth bar, rarely enough to cost nothing. */
const WEEKS_PER_REPORT = 4;

const setup = workerData as WorkerSetup;
const port = parentPort;
if (!port) throw new Error('ensembleWorker must run in a worker thread');

port.on('message', (job: Job | null) => {
  if (job === null) {
    port.close();
    return;
  }
  try {
    const fault = testFault(job);
    if (fault === 'exit') process.exit(3);
    if (fault === 'throw') throw new Error(`test fault in option ${job.option}, replicate ${job.replicate}`);
    const onWeek = (week: number) => {
      if (week % WEEKS_PER_REPORT === 0) port.postMessage({ kind: 'week', index: job.index, week } satisfies WorkerReply);
    };
    const values = runJob(setup.options[job.option], job, setup.years, onWeek);
    port.postMessage({ kind: 'done', index: job.index, values } satisfies WorkerReply, [values.buffer as ArrayBuffer]);
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    port.postMessage({ kind: 'failed', index: job.index, message } satisfies WorkerReply);
  }
});

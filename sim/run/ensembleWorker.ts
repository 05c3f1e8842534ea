import { parentPort, workerData } from 'node:worker_threads';
import type { ResolvedOption } from '../scenario/index.js';
import { runJob, type Job } from './runJob.js';

/** What the ensemble gives each worker once, at start. */
export interface WorkerSetup {
  readonly options: ResolvedOption[];
  readonly years: number;
}

/** Messages from a worker: a finished job, or a job that threw. */
export type WorkerReply =
  | { readonly kind: 'done'; readonly index: number; readonly values: Float64Array }
  | { readonly kind: 'failed'; readonly index: number; readonly message: string };

const setup = workerData as WorkerSetup;
const port = parentPort;
if (!port) throw new Error('ensembleWorker must run in a worker thread');

port.on('message', (job: Job | null) => {
  if (job === null) {
    port.close();
    return;
  }
  try {
    const values = runJob(setup.options[job.option], job, setup.years);
    port.postMessage({ kind: 'done', index: job.index, values } satisfies WorkerReply, [values.buffer as ArrayBuffer]);
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    port.postMessage({ kind: 'failed', index: job.index, message } satisfies WorkerReply);
  }
});

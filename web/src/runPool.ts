import type { RunRequest, WorkerReply } from './protocol.js';
import type { PageJob } from './settings.js';

/** What a run reports back to the page. */
export interface RunListener {
  rows(job: number, fromWeek: number, rows: Float64Array): void;
  jobDone(job: number): void;
  finished(): void;
  failed(message: string): void;
}

/** A run in progress; `stop` terminates its workers at once. */
export interface RunHandle {
  stop(): void;
}

/**
 * Runs jobs on up to `workers` Web Workers (worker.js, next to the page),
 * handing each worker the next job when it finishes one, so the page stays
 * responsive however long the run takes.
 */
export function runJobs(jobs: readonly PageJob[], workers: number, rowsPerPost: number, listener: RunListener): RunHandle {
  const pool: Worker[] = [];
  let next = 0;
  let done = 0;
  let over = false;

  const end = (): void => {
    over = true;
    for (const worker of pool) worker.terminate();
  };
  const give = (worker: Worker): void => {
    if (next >= jobs.length) return;
    const request: RunRequest = { job: jobs[next++], rowsPerPost };
    worker.postMessage(request);
  };

  for (let k = 0; k < Math.max(1, Math.min(workers, jobs.length)); k++) {
    const worker = new Worker('worker.js');
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      if (over) return;
      const reply = event.data;
      if (reply.type === 'rows') listener.rows(reply.job, reply.fromWeek, reply.rows);
      else if (reply.type === 'error') {
        end();
        listener.failed(reply.message);
      } else {
        done++;
        listener.jobDone(reply.job);
        if (done === jobs.length) {
          end();
          listener.finished();
        } else give(worker);
      }
    };
    worker.onerror = (event: ErrorEvent) => {
      if (over) return;
      end();
      listener.failed(event.message || 'the simulation worker failed to start');
    };
    pool.push(worker);
    give(worker);
  }
  if (jobs.length === 0) {
    end();
    listener.finished();
  }
  return { stop: end };
}

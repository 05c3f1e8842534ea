import type { Worker } from 'node:worker_threads';
import Pool from 'worker-threads-pool';
import type { Job } from './runJob.js';
import type { WorkerReply, WorkerSetup } from './ensembleWorker.js';

/** How one job ended: its indicator table, or the message of what went wrong. */
export type JobOutcome = { readonly ok: true; readonly values: Float64Array } | { readonly ok: false; readonly message: string };

interface Pending {
  readonly job: Job;
  readonly settle: (outcome: JobOutcome) => void;
  readonly onWeek?: (week: number) => void;
}

/**
 * A fixed number of worker threads that run jobs in the order they are
 * submitted. A job that throws, or whose worker dies without a word (an
 * exit, out of memory), settles as a failure and a fresh worker takes the
 * next job: one bad run never stops the others nor leaves a promise
 * pending. `close` ends every worker; jobs not yet run then fail.
 */
export class WorkerPool {
  private readonly pool: Pool;
  private readonly queue: Pending[] = [];
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Pending>();
  private closed = false;
  /** Worker deaths since a job last finished; a worker that cannot even start must not be restarted for ever. */
  private deaths = 0;

  constructor(
    private readonly file: string,
    private readonly setup: WorkerSetup,
    private readonly size: number,
  ) {
    this.pool = new Pool({ max: size });
    for (let k = 0; k < size; k++) this.startWorker();
  }

  /** Runs a job on the next free worker; `onWeek` hears the weeks it has simulated. */
  run(job: Job, onWeek?: (week: number) => void): Promise<JobOutcome> {
    return new Promise((settle) => {
      if (this.closed) return settle({ ok: false, message: 'the run was stopped before this job started' });
      this.queue.push({ job, settle, onWeek });
      this.dispatch();
    });
  }

  /** Drops jobs not started yet (they settle as not run); running ones go on. */
  dropQueued(): void {
    for (const pending of this.queue.splice(0)) pending.settle({ ok: false, message: 'dropped before it started' });
  }

  /** Terminates every worker; whatever was running or queued settles as a failure. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.dropQueued();
    const workers = [...this.idle, ...this.busy.keys()];
    for (const [, pending] of this.busy) pending.settle({ ok: false, message: 'the run was stopped while this job ran' });
    this.busy.clear();
    this.idle.length = 0;
    // terminate() without a callback: the callback form is deprecated (DEP0132).
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private startWorker(): void {
    this.pool.acquire(this.file, { workerData: this.setup }, (error, worker) => {
      if (error) {
        this.failAll(`could not start a worker thread: ${error.message}`);
        return;
      }
      if (this.closed) {
        void worker.terminate();
        return;
      }
      worker.on('message', (reply: WorkerReply) => this.onReply(worker, reply));
      // An 'error' event is followed by 'exit'; the job is failed there, once.
      let lastError: string | undefined;
      worker.on('error', (e: Error) => {
        lastError = e.stack ?? e.message;
      });
      worker.on('exit', (code) => this.onExit(worker, code, lastError));
      this.idle.push(worker);
      this.dispatch();
    });
  }

  private onReply(worker: Worker, reply: WorkerReply): void {
    const pending = this.busy.get(worker);
    if (!pending) return;
    if (reply.kind === 'week') {
      pending.onWeek?.(reply.week);
      return;
    }
    this.busy.delete(worker);
    this.idle.push(worker);
    this.deaths = 0;
    pending.settle(reply.kind === 'done' ? { ok: true, values: reply.values } : { ok: false, message: reply.message });
    this.dispatch();
  }

  private onExit(worker: Worker, code: number, error: string | undefined): void {
    const index = this.idle.indexOf(worker);
    if (index >= 0) this.idle.splice(index, 1);
    const pending = this.busy.get(worker);
    this.busy.delete(worker);
    if (this.closed) return;
    if (pending) pending.settle({ ok: false, message: error ?? `its worker thread exited with code ${code} before finishing it` });
    if (++this.deaths > 2 * this.size + 2) {
      this.failAll(`worker threads keep dying (last: ${error ?? `exit code ${code}`})`);
      return;
    }
    this.startWorker();
  }

  private dispatch(): void {
    while (!this.closed && this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.shift()!;
      const pending = this.queue.shift()!;
      this.busy.set(worker, pending);
      worker.postMessage(pending.job);
    }
  }

  private failAll(message: string): void {
    this.closed = true;
    for (const pending of this.queue.splice(0)) pending.settle({ ok: false, message });
    for (const [worker, pending] of this.busy) {
      pending.settle({ ok: false, message });
      void worker.terminate();
    }
    this.busy.clear();
  }
}

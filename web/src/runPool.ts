import type { AgentSnapshot } from '../../analysis/story/agentSnapshot.js';
import type { TracedAgent } from '../../sim/model/pickAgent.js';
import type { TraceEvent } from '../../sim/model/state/trace.js';
import type { RunRequest, WorkerReply } from './protocol.js';
import type { PageJob } from './settings.js';
import { createWorker } from './workerFactory.js';

/** What a run reports back to the page. */
export interface RunListener {
  rows(job: number, fromWeek: number, rows: Float64Array): void;
  trace(job: number, agent: TracedAgent, weeks: readonly AgentSnapshot[], events: readonly TraceEvent[]): void;
  jobDone(job: number): void;
  finished(): void;
  failed(message: string): void;
}

/** A run in progress; `stop` terminates its workers at once. */
export interface RunHandle {
  stop(): void;
  /**
   * Holds the run: no worker gets a new job, and what workers post is kept
   * back until `resume`, so charts and monitors stand still. A job already
   * under way finishes in the background (a worker cannot be frozen
   * mid-job), so the run goes on quickly after Resume.
   */
  pause(): void;
  resume(): void;
}

/**
 * Workers of finished runs, kept for the next run: a fresh worker loads
 * the model and its compiler warms up over the first runs, which takes
 * about as long as a small run itself. A stopped or failed run's workers
 * are terminated instead (a worker cannot be stopped mid-job).
 */
const spare: Worker[] = [];
/** Workers given a warm-up job (warmUp) that a run may take: its own jobs queue behind the warm-up, whose replies it ignores. */
const warming: Worker[] = [];
/** The id of warm-up jobs; runs number theirs from 0. */
const WARM_UP = -1;

/** Keeps an idle worker for the next run, free of the handlers of the work it did. */
function keep(worker: Worker): void {
  worker.onmessage = null;
  worker.onerror = null;
  spare.push(worker);
}

/**
 * Starts `count` workers (less those already kept) on `worlds` short
 * simulations of `job`'s world, one after another with seeds of their own,
 * whose results are thrown away, so that the model's code is compiled
 * before the first Run. More than one world, because a worker's compiled
 * code is thrown away and compiled again as it meets its second and third
 * worlds (measured in Chromium: after a one-world warm-up, the first real
 * run took 2.7–3.0 s, of which 1.8–2.3 s in its 52-week burn-in, against
 * 0.7–0.9 s for the fifth run in the same worker). A run that
 * starts meanwhile takes the workers: its jobs queue behind the warm-up
 * world under way, and no further warm-up world is given.
 */
export function warmUp(job: Omit<PageJob, 'id'>, count: number, worlds: number): void {
  for (let k = spare.length + warming.length; k < count; k++) {
    let worker: Worker;
    try {
      worker = createWorker();
    } catch {
      return;
    }
    warming.push(worker);
    const settle = (kept: boolean): void => {
      const at = warming.indexOf(worker);
      // A run that took the worker replaced these handlers; this is only a guard.
      if (at < 0) return;
      warming.splice(at, 1);
      if (kept) keep(worker);
      else worker.terminate();
    };
    let given = 0;
    const giveWorld = (): void => {
      const request: RunRequest = { job: { ...job, id: WARM_UP, seed: `${job.seed}-${given++}` }, rowsPerPost: 1_000 };
      worker.postMessage(request);
    };
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      if (event.data.type === 'error') settle(false);
      else if (event.data.type === 'done') {
        if (given < worlds) giveWorld();
        else settle(true);
      }
    };
    worker.onerror = () => settle(false);
    giveWorld();
  }
}

/**
 * Runs jobs on up to `workers` Web Workers, handing each worker the next job
 * when it finishes one, so the page stays responsive however long the run
 * takes.
 */
export function runJobs(jobs: readonly PageJob[], workers: number, rowsPerPost: number, listener: RunListener): RunHandle {
  const pool: Worker[] = [];
  const idle: Worker[] = [];
  const held: { worker: Worker; reply: WorkerReply }[] = [];
  let next = 0;
  let done = 0;
  let over = false;
  let paused = false;

  const end = (finished = false): void => {
    over = true;
    for (const worker of pool) {
      if (finished) keep(worker);
      else worker.terminate();
    }
  };
  const give = (worker: Worker): void => {
    if (next >= jobs.length) return;
    if (paused) {
      idle.push(worker);
      return;
    }
    const request: RunRequest = { job: jobs[next++], rowsPerPost };
    worker.postMessage(request);
  };
  const handle = (worker: Worker, reply: WorkerReply): void => {
    if (over || reply.job === WARM_UP) return;
    if (reply.type === 'rows') listener.rows(reply.job, reply.fromWeek, reply.rows);
    else if (reply.type === 'trace') listener.trace(reply.job, reply.agent, reply.weeks, reply.events);
    else if (reply.type === 'error') {
      end();
      listener.failed(reply.message);
    } else {
      done++;
      listener.jobDone(reply.job);
      if (done === jobs.length) {
        end(true);
        listener.finished();
      } else give(worker);
    }
  };

  try {
    for (let k = 0; k < Math.max(1, Math.min(workers, jobs.length)); k++) {
      const worker = spare.pop() ?? warming.pop() ?? createWorker();
      worker.onmessage = (event: MessageEvent<WorkerReply>) => {
        if (paused) held.push({ worker, reply: event.data });
        else handle(worker, event.data);
      };
      worker.onerror = (event: ErrorEvent) => {
        if (over) return;
        end();
        listener.failed(event.message || 'the simulation worker failed to start');
      };
      pool.push(worker);
      give(worker);
    }
  } catch (error) {
    // A browser that refuses workers (a page opened from disk) throws here, at once.
    end();
    listener.failed(error instanceof Error ? error.message : String(error));
  }
  if (jobs.length === 0) {
    end(true);
    listener.finished();
  }
  return {
    stop: () => end(),
    pause() {
      paused = true;
    },
    resume() {
      if (!paused || over) return;
      paused = false;
      for (const { worker, reply } of held.splice(0)) handle(worker, reply);
      for (const worker of idle.splice(0)) give(worker);
    },
  };
}

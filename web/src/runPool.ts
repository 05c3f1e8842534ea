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
  /** How many of the run's jobs were started ahead, finished or not (computeAhead): told once, before their rows. */
  ahead?(jobs: number): void;
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
/** Workers computing jobs ahead (computeAhead) that no run has taken yet; a run takes them, its jobs queuing behind the job under way. */
const warming: Worker[] = [];

/** A job computed ahead: the worker's replies so far, and the run that takes it over, told each later reply. */
interface AheadJob {
  /** Its jobKey and its id, under which `ahead` and `aheadById` hold it. */
  readonly key: string;
  readonly id: number;
  readonly worker: Worker;
  readonly replies: WorkerReply[];
  done: boolean;
  follower?: (reply: WorkerReply) => void;
}
/** Jobs computed ahead, by their content (jobKey), and by the id they were given (negative: runs number theirs from 0). */
const ahead = new Map<string, AheadJob>();
const aheadById = new Map<number, AheadJob>();
/** The id of warm-up worlds (computeAhead), whose replies nothing keeps; jobs computed ahead are numbered −1, −2, … and runs number theirs from 0. */
const WARM_UP = Number.MIN_SAFE_INTEGER;
/** Jobs computeAhead still has to give out; a run empties it. */
const aheadQueue: PageJob[] = [];
/** Whether workers computing ahead may go on (to a warm-up world or the next job): until a run takes over. */
let aheadOpen = false;
/** The id the next job computed ahead gets. */
let nextAheadId = -1;

/** What a job computes, without its id: equal keys give equal results. */
function jobKey(job: PageJob): string {
  return JSON.stringify([job.setting, job.replicate, job.seed, job.weeks, job.params, job.events, job.trace ?? null]);
}

/** Files a reply to a job computed ahead and passes it to the run that took the job, if any. A failed job is forgotten, so a run computes it again. */
function fileAhead(reply: WorkerReply): void {
  const entry = aheadById.get(reply.job);
  if (!entry) return;
  if (reply.type === 'error') {
    forget(entry);
  } else {
    entry.replies.push(reply);
    if (reply.type === 'done') entry.done = true;
  }
  entry.follower?.(reply);
}

function forget(entry: AheadJob): void {
  // A later batch may have computed the same job again under the same key.
  if (ahead.get(entry.key) === entry) ahead.delete(entry.key);
  aheadById.delete(entry.id);
}

/** How many jobs computed ahead have finished, and how many are under way (for the browser tests). */
export function aheadCounts(): { finished: number; underway: number } {
  let finished = 0;
  for (const entry of aheadById.values()) if (entry.done) finished++;
  return { finished, underway: aheadById.size - finished };
}

/** Keeps an idle worker for the next run, free of the handlers of the work it did (replies of a job computed ahead still get filed). */
function keep(worker: Worker): void {
  worker.onmessage = (event: MessageEvent<WorkerReply>) => fileAhead(event.data);
  worker.onerror = null;
  spare.push(worker);
}

/**
 * Sets `count` workers (those kept from earlier runs first) to computing
 * `jobs`, the jobs Run would make with the page's settings as they are,
 * one after another, and keeps what they send: a Run whose jobs are among them uses it
 * (runJobs) instead of computing them again. Results are the same either
 * way (a job's results depend on its content alone). Each worker first
 * runs `warmUpWorlds` short simulations of `warmUp` with seeds of their
 * own, whose results are thrown away: the model's code is compiled on
 * first use, and compiled again as a worker meets its second and third
 * worlds (measured in Chromium: a cold worker's first run took 2.7–3.0 s
 * where the fifth took 0.7–0.9 s), which costs less on small worlds than
 * on Run's own. A run that starts meanwhile takes the workers: its own
 * jobs queue behind the world under way, and nothing more is given out
 * ahead.
 */
export function computeAhead(warmUp: Omit<PageJob, 'id'>, warmUpWorlds: number, jobs: readonly PageJob[], count: number, rowsPerPost: number): void {
  // What earlier batches finished is let go; a job under way stays, as a run may be following it.
  for (const entry of [...aheadById.values()]) if (entry.done && !entry.follower) forget(entry);
  aheadQueue.length = 0;
  for (const job of jobs) aheadQueue.push({ ...job, id: nextAheadId-- });
  aheadOpen = true;
  // Workers already at it go on to these jobs; kept ones join as they are, warm, if there is a job; new ones warm up first.
  for (let k = warming.length; k < count; k++) {
    if (spare.length > 0) {
      const kept = spare.pop();
      if (kept && aheadQueue.length > 0) startAhead(kept, 0, warmUp, rowsPerPost);
      else if (kept) spare.push(kept);
      continue;
    }
    let worker: Worker;
    try {
      worker = createWorker();
    } catch {
      return;
    }
    startAhead(worker, warmUpWorlds, warmUp, rowsPerPost);
  }
}

/** Sets `worker` to computing ahead: `warmUps` warm-up worlds, then the next job of aheadQueue while there is one; then it is kept. */
function startAhead(worker: Worker, warmUps: number, warmUp: Omit<PageJob, 'id'>, rowsPerPost: number): void {
  warming.push(worker);
  const settle = (kept: boolean): void => {
    const at = warming.indexOf(worker);
    // A run that took the worker replaced these handlers; this is only a guard.
    if (at < 0) return;
    warming.splice(at, 1);
    if (kept) keep(worker);
    else worker.terminate();
  };
  let warmUpsGiven = 0;
  const giveNext = (): void => {
    if (aheadOpen && warmUpsGiven < warmUps) {
      const request: RunRequest = { job: { ...warmUp, id: WARM_UP, seed: `${warmUp.seed}-${warmUpsGiven++}` }, rowsPerPost: 1_000 };
      worker.postMessage(request);
      return;
    }
    const job = aheadOpen ? aheadQueue.shift() : undefined;
    if (!job) return settle(true);
    const entry: AheadJob = { key: jobKey(job), id: job.id, worker, replies: [], done: false };
    ahead.set(entry.key, entry);
    aheadById.set(entry.id, entry);
    const request: RunRequest = { job, rowsPerPost };
    worker.postMessage(request);
  };
  worker.onmessage = (event: MessageEvent<WorkerReply>) => {
    fileAhead(event.data);
    if (event.data.type === 'error') settle(false);
    else if (event.data.type === 'done') giveNext();
  };
  worker.onerror = (event: ErrorEvent) => {
    for (const entry of [...aheadById.values()]) {
      if (entry.worker !== worker || entry.done) continue;
      forget(entry);
      entry.follower?.({ type: 'error', job: WARM_UP, message: event.message || 'the simulation worker failed' });
    }
    settle(false);
  };
  giveNext();
}

/**
 * Runs jobs on up to `workers` Web Workers, handing each worker the next job
 * when it finishes one, so the page stays responsive however long the run
 * takes. A job already computed ahead (computeAhead) is replayed from what
 * its worker sent, and one still under way is followed to its end; only the
 * others go to workers. `listener.ahead` learns how many were taken so.
 */
export function runJobs(jobs: readonly PageJob[], workers: number, rowsPerPost: number, listener: RunListener): RunHandle {
  const pool: Worker[] = [];
  const idle: Worker[] = [];
  const held: { worker?: Worker; reply: WorkerReply }[] = [];
  const followed: AheadJob[] = [];
  const queue: PageJob[] = [];
  let done = 0;
  let over = false;
  let paused = false;

  // Nothing more is given out ahead: the run's workers are for its own jobs.
  aheadOpen = false;
  aheadQueue.length = 0;
  const taken: { job: PageJob; entry: AheadJob }[] = [];
  for (const job of jobs) {
    const entry = ahead.get(jobKey(job));
    if (entry && !entry.follower) taken.push({ job, entry });
    else queue.push(job);
  }

  const end = (finished = false): void => {
    over = true;
    for (const entry of followed) entry.follower = undefined;
    // A job computed ahead on a worker stopped with the run's will not finish: no later run may wait for it.
    if (!finished) for (const entry of [...aheadById.values()]) if (!entry.done && pool.includes(entry.worker)) forget(entry);
    for (const worker of pool) {
      if (finished) keep(worker);
      else worker.terminate();
    }
  };
  const give = (worker: Worker): void => {
    const job = queue.shift();
    if (!job) return;
    if (paused) {
      queue.unshift(job);
      idle.push(worker);
      return;
    }
    const request: RunRequest = { job, rowsPerPost };
    worker.postMessage(request);
  };
  const handle = (worker: Worker | undefined, reply: WorkerReply): void => {
    if (over) return;
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
      } else if (worker) give(worker);
    }
  };
  const receive = (worker: Worker | undefined, reply: WorkerReply): void => {
    if (paused) held.push({ worker, reply });
    else handle(worker, reply);
  };

  try {
    for (let k = 0; k < Math.min(workers, queue.length); k++) {
      const worker = spare.pop() ?? warming.pop() ?? createWorker();
      worker.onmessage = (event: MessageEvent<WorkerReply>) => {
        // A job computed ahead that the worker was on when the run took it.
        if (event.data.job < 0) fileAhead(event.data);
        else receive(worker, event.data);
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
  if (taken.length > 0) listener.ahead?.(taken.length);
  // Replayed after the caller has its handle, and before any later message: what came so far, then each reply as it comes.
  queueMicrotask(() => {
    for (const { job, entry } of taken) {
      if (over) return;
      const own = (reply: WorkerReply): void => receive(undefined, { ...reply, job: job.id });
      for (const reply of entry.replies) own(reply);
      if (!entry.done) {
        entry.follower = own;
        followed.push(entry);
      }
    }
  });
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

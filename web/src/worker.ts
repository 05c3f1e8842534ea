import { INDICATORS } from '../../sim/model/indicators.js';
import { simulate } from '../../sim/model/simulate.js';
import { pickAgent, snapshot, type AgentSnapshot, type TracedAgent } from './agentSnapshot.js';
import type { RunRequest, WorkerReply } from './protocol.js';

/**
 * The page's simulation worker: runs the model (the same code as the
 * command line) for one job at a time and posts its weekly rows in batches,
 * so the page can draw the run while it goes on. A job with `trace` also
 * posts one agent's weekly state, read from the world the model hands to
 * `onWeek`; other jobs read nothing more, so they run as fast as before.
 * Stopping a run terminates the worker.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const WIDTH = INDICATORS.length;

function post(reply: WorkerReply): void {
  if (reply.type === 'rows') scope.postMessage(reply, [reply.rows.buffer]);
  else scope.postMessage(reply);
}

scope.onmessage = (event: MessageEvent<RunRequest>) => {
  const { job, rowsPerPost } = event.data;
  const started = performance.now();
  const batch = new Float64Array(rowsPerPost * WIDTH);
  let batchFrom = 0;
  let batchRows = 0;
  let traced: TracedAgent | undefined;
  let tracedWeeks: AgentSnapshot[] = [];
  const flush = (): void => {
    if (batchRows > 0) post({ type: 'rows', job: job.id, fromWeek: batchFrom, rows: batch.slice(0, batchRows * WIDTH) });
    batchRows = 0;
    if (traced && tracedWeeks.length > 0) post({ type: 'trace', job: job.id, agent: traced, weeks: tracedWeeks });
    tracedWeeks = [];
  };
  try {
    const result = simulate({
      params: job.params,
      events: job.events,
      seed: job.seed,
      weeks: job.weeks,
      onWeek(week, row, world) {
        if (job.trace) {
          traced ??= pickAgent(world, job.trace, job.seed);
          tracedWeeks.push(snapshot(world, traced.agent));
        }
        if (batchRows === 0) batchFrom = week;
        // The page draws every destination together: the `all` row, which comes first.
        batch.set(row.subarray(0, WIDTH), batchRows * WIDTH);
        batchRows++;
        if (batchRows === rowsPerPost) flush();
      },
    });
    flush();
    post({ type: 'done', job: job.id, weeks: result.weeks, ms: performance.now() - started });
  } catch (error) {
    post({ type: 'error', job: job.id, message: error instanceof Error ? error.message : String(error) });
  }
};

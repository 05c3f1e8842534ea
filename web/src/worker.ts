import { INDICATORS } from '../../sim/model/indicators.js';
import { pickAgent, type TracedAgent } from '../../sim/model/pickAgent.js';
import { simulate } from '../../sim/model/simulate.js';
import type { World } from '../../sim/model/world.js';
import { snapshot, type AgentSnapshot } from '../../analysis/story/agentSnapshot.js';
import type { RunRequest, WorkerReply } from './protocol.js';

/**
 * The page's simulation worker: runs the model (the same code as the
 * command line) for one job at a time and posts its weekly rows in batches,
 * so the page can draw the run while it goes on. A job with `trace` asks
 * the model to trace that agent and also posts its weekly state, read from
 * the world the model hands to `onWeek`, with the events the model
 * recorded since the last post; other jobs read nothing more, so they run
 * as fast as before. Stopping a run terminates the worker.
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
  // Every place of a week (`all`, then each destination country): the page lets students pick one.
  let batch = new Float64Array(0);
  let width: number = WIDTH;
  let batchFrom = 0;
  let batchRows = 0;
  let traced: TracedAgent | undefined;
  let tracedWeeks: AgentSnapshot[] = [];
  let tracedWorld: World | undefined;
  let eventsSent = 0;
  const flush = (): void => {
    if (batchRows > 0) post({ type: 'rows', job: job.id, fromWeek: batchFrom, rows: batch.slice(0, batchRows * width) });
    batchRows = 0;
    if (traced && tracedWorld && tracedWeeks.length > 0) {
      const events = tracedWorld.trace.slice(eventsSent);
      eventsSent = tracedWorld.trace.length;
      post({ type: 'trace', job: job.id, agent: traced, weeks: tracedWeeks, events });
    }
    tracedWeeks = [];
  };
  try {
    const result = simulate({
      params: job.params,
      events: job.events,
      seed: job.seed,
      weeks: job.weeks,
      ...(job.trace ? { trace: job.trace } : {}),
      onWeek(week, row, world) {
        if (job.trace) {
          // The same choice simulate made at week 0 (pickAgent reads the world only), with its description for the page.
          traced ??= pickAgent(world, job.trace, job.seed);
          tracedWorld = world;
          tracedWeeks.push(snapshot(world, traced.agent));
        }
        if (batchRows === 0) batchFrom = week;
        if (batch.length === 0) {
          width = row.length;
          batch = new Float64Array(rowsPerPost * width);
        }
        batch.set(row, batchRows * width);
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

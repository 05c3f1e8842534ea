import type { AgentSnapshot } from '../../analysis/story/agentSnapshot.js';
import type { TracedAgent } from '../../sim/model/pickAgent.js';
import type { TraceEvent } from '../../sim/model/state/trace.js';
import type { PageJob } from './settings.js';

/** Page → worker: simulate one job, posting rows every `rowsPerPost` weeks. */
export interface RunRequest {
  readonly job: PageJob;
  readonly rowsPerPost: number;
}

/** Worker → page: consecutive weekly rows of a job from `fromWeek`, the followed agent's weeks, or the job's end. */
export type WorkerReply =
  | { readonly type: 'rows'; readonly job: number; readonly fromWeek: number; readonly rows: Float64Array }
  | { readonly type: 'trace'; readonly job: number; readonly agent: TracedAgent; readonly weeks: readonly AgentSnapshot[]; readonly events: readonly TraceEvent[] }
  | { readonly type: 'done'; readonly job: number; readonly weeks: number; readonly ms: number }
  | { readonly type: 'error'; readonly job: number; readonly message: string };

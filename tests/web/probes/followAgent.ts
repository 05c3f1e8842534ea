import { snapshot, type AgentSnapshot } from '../../../analysis/story/agentSnapshot.js';
import { pickAgent, type TraceRequest } from '../../../sim/model/pickAgent.js';
import type { TraceEvent } from '../../../sim/model/state/trace.js';
import type { Probe } from '../../helpers/probe.js';

/** One agent followed through a run: who it is, its state after every week, and the model's trace of its events. */
export interface FollowedAgent {
  readonly agent: number;
  readonly states: AgentSnapshot[];
  readonly trace: TraceEvent[];
}

/**
 * Follows the agent `pick` names (as pickAgent chooses it from the state
 * at week 0 with the run's seed): its snapshot after every week, and the
 * run's trace, which is of that agent when the run's input traces the same
 * request.
 */
export function followAgent({ pick, seed }: { pick: TraceRequest; seed: string }): Probe<FollowedAgent> {
  const states: AgentSnapshot[] = [];
  let agent = -1;
  let trace: TraceEvent[] = [];
  return {
    onWeek(_week, _rows, world) {
      if (agent < 0) agent = pickAgent(world, pick, seed).agent;
      states.push(snapshot(world, agent));
      trace = world.trace;
    },
    result: () => ({ agent, states, trace }),
  };
}

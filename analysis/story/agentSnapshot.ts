import type { World } from '../../sim/model/world.js';

/**
 * One agent's state in one week, read (never written) from the model's
 * world after the week's step. This file is the only place that knows the
 * model's agent arrays, so a change of the model's state touches it alone.
 */
export interface AgentSnapshot {
  readonly week: number;
  readonly day: number;
  readonly status: number;
  /** The destination region's name (the world's places). */
  readonly region: string;
  readonly permit: number;
  readonly registration: number;
  readonly flags: number;
  readonly employer: number;
  readonly broker: number;
  readonly savings: number;
  readonly debt: number;
  readonly arrears: number;
  readonly wage: number;
  readonly bannedUntil: number;
}

export function snapshot(world: World, agent: number): AgentSnapshot {
  const m = world.migrants;
  return {
    week: world.week,
    day: world.day,
    status: m.status[agent],
    region: world.params.places.regions[m.region[agent]] ?? String(m.region[agent]),
    permit: m.permit[agent],
    registration: m.registration[agent],
    flags: m.flags[agent],
    employer: m.employer[agent],
    broker: m.broker[agent],
    savings: m.savings[agent],
    debt: m.debt[agent],
    arrears: m.arrears[agent],
    wage: m.wage[agent],
    bannedUntil: m.bannedUntil[agent],
  };
}

import { Status } from '../../sim/model/state/codes.js';
import type { World } from '../../sim/model/world.js';
import type { TraceRequest } from './settings.js';

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

/** Who the page follows: agent number, origin and sector, fixed for the run. */
export interface TracedAgent {
  readonly agent: number;
  readonly origin: string;
  readonly sector: number;
  /** Set when a requested origin and region had nobody abroad at week 0. */
  readonly unmatched?: { readonly origin: string; readonly region: string };
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

/** FNV-1a of a text: a fixed, seed-derived choice without any random stream of the model. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * The agent a trace request names, chosen at week 0: a given number, or one
 * of the migrants of that origin abroad in that region, picked by the
 * replicate's seed (so the same link follows the same person). When nobody
 * matches, someone of that origin at home.
 */
export function pickAgent(world: World, request: TraceRequest, seed: string): TracedAgent {
  const m = world.migrants;
  const described = (agent: number, unmatched?: TracedAgent['unmatched']): TracedAgent => ({
    agent,
    origin: world.params.places.origins[m.origin[agent]],
    sector: m.sector[agent],
    ...(unmatched ? { unmatched } : {}),
  });
  if ('agent' in request) return described(Math.max(0, Math.min(m.count - 1, Math.floor(request.agent))));
  const origin = world.params.places.origins.indexOf(request.origin);
  const region = world.params.places.regions.indexOf(request.region);
  const abroad: number[] = [];
  const atHome: number[] = [];
  for (let i = 0; i < m.count; i++) {
    if (m.origin[i] !== origin) continue;
    if (m.status[i] === Status.Abroad && m.region[i] === region) abroad.push(i);
    else if (m.status[i] === Status.AtHome) atHome.push(i);
  }
  const pool = abroad.length > 0 ? abroad : atHome;
  if (pool.length === 0) return described(0, request);
  const agent = pool[hash(`${seed}:${request.origin}:${request.region}`) % pool.length];
  return described(agent, abroad.length > 0 ? undefined : request);
}

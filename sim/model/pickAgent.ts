import { Status } from './state/codes.js';
import type { World } from './world.js';

/** Whom to follow: an agent by number, or a migrant of an origin abroad in a region at week 0. */
export type TraceRequest = { readonly agent: number } | { readonly origin: string; readonly region: string };

/** The followed agent: number, origin and sector, fixed for the run. */
export interface TracedAgent {
  readonly agent: number;
  readonly origin: string;
  readonly sector: number;
  /** Set when a requested origin and region had nobody abroad at week 0. */
  readonly unmatched?: { readonly origin: string; readonly region: string };
}

/** FNV-1a of a text: a fixed, seed-derived choice without any random stream of the model (drawing would change the run). */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * The agent a trace request names, chosen at week 0: a given number
 * (clamped to the population), or one of the migrants of that origin abroad
 * in that region, picked by the replicate's seed (so the same link or
 * command follows the same person). When nobody matches, someone of that
 * origin at home. Reads the world only. Callers that must reject unknown
 * places check them first (the names are the world's places).
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

import type { World } from '../world.js';

/** What happened to the traced migrant; each kind is recorded by the rule that does it. */
export type TraceKind =
  | 'departure'
  | 'broker-fee'
  | 'no-broker'
  | 'broker-fraud'
  | 'recruited'
  | 'sold-on'
  | 'fake-document'
  | 'registered'
  | 'permit-bought'
  | 'permit-employer'
  | 'permit-paid'
  | 'permit-lapsed'
  | 'police-stop'
  | 'nothing-found'
  | 'bribe'
  | 'fine'
  | 'detained'
  | 'withheld'
  | 'arrears-paid'
  | 'remittance'
  | 'moved'
  | 'returned'
  | 'removed'
  | 'aged-out';

/**
 * One event of the traced migrant. Fields beyond week and kind are set
 * only where the kind has them: `amount` is money in the destination's
 * currency (for `returned`, the savings carried home), `region` a
 * destination region's name, `how` a detail of the kind (departure:
 * broker or alone; police-stop: street or raid; registered: the channel;
 * bribe: migrant, broker or employer; detained: police or employer), and
 * `untilWeek` the end of a re-entry ban. `aged-out`: the person left the
 * pool of potential migrants and a newcomer of the same village now holds
 * the agent's place.
 */
export interface TraceEvent {
  readonly week: number;
  readonly kind: TraceKind;
  readonly amount?: number;
  readonly region?: string;
  readonly how?: string;
  readonly untilWeek?: number;
}

/** Agent number that means "nobody is traced". */
export const UNTRACED = -1;

/**
 * Records an event of the traced agent. Callers test
 * `i === world.tracedAgent` first, so an untraced run pays one integer
 * comparison per site and allocates nothing.
 */
export function record(world: World, kind: TraceKind, detail?: Omit<TraceEvent, 'week' | 'kind'>): void {
  world.trace.push({ week: world.week, kind, ...detail });
}

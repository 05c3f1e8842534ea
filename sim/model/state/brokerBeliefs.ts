import { NEVER, NO_ONE } from './codes.js';

/**
 * Brokers a village remembers by name (assumption: a few, the ones its
 * people have dealt with); a broker it does not know is judged by the
 * village's belief of brokers in his region (Beliefs.fraud).
 */
export const BROKERS_KNOWN = 8;

/**
 * What each village believes of the brokers it has dealt with, in
 * BROKERS_KNOWN slots per village, indexed `village * BROKERS_KNOWN + k`:
 * which broker, the believed chance he lets a client down (defrauds them,
 * sells them on, or sells a fake the police find), when the village last
 * heard of him, and this week's news of him (rules/learning.ts folds it in).
 * `names` counts, per village, the brokers it has come to know by name, so
 * that what is derived from the slots can tell when they changed in a week.
 */
export interface BrokerBeliefs {
  readonly broker: Int32Array;
  readonly letDown: Float32Array;
  readonly heardDay: Int32Array;
  readonly reports: Int32Array;
  readonly letDowns: Int32Array;
  readonly names: Int32Array;
}

export function createBrokerBeliefs(villages: number): BrokerBeliefs {
  const n = villages * BROKERS_KNOWN;
  return {
    broker: new Int32Array(n).fill(NO_ONE),
    letDown: new Float32Array(n),
    heardDay: new Int32Array(n).fill(NEVER),
    reports: new Int32Array(n),
    letDowns: new Int32Array(n),
    names: new Int32Array(villages),
  };
}

/** The slot in which village v remembers broker b, or −1 if it does not know him. */
export function slotOf(beliefs: BrokerBeliefs, v: number, b: number): number {
  const first = v * BROKERS_KNOWN;
  for (let s = first; s < first + BROKERS_KNOWN; s++) if (beliefs.broker[s] === b) return s;
  return -1;
}

/**
 * The slot of broker b in village v, making one if the village does not
 * know him yet: an empty slot, else the one it heard of least recently
 * (it forgets that broker). A new broker starts at `prior`, the village's
 * belief of brokers in his region.
 */
export function slotFor(beliefs: BrokerBeliefs, v: number, b: number, prior: number): number {
  const known = slotOf(beliefs, v, b);
  if (known >= 0) return known;
  const first = v * BROKERS_KNOWN;
  let stalest = first;
  for (let s = first; s < first + BROKERS_KNOWN; s++) {
    if (beliefs.broker[s] === NO_ONE) {
      stalest = s;
      break;
    }
    if (beliefs.heardDay[s] < beliefs.heardDay[stalest]) stalest = s;
  }
  beliefs.broker[stalest] = b;
  beliefs.names[v]++;
  beliefs.letDown[stalest] = prior;
  beliefs.heardDay[stalest] = NEVER;
  beliefs.reports[stalest] = 0;
  beliefs.letDowns[stalest] = 0;
  return stalest;
}

/**
 * The ids of migrants abroad (or detained), kept dense so that the weekly
 * rules visit only them. Removal swaps the last id into the freed slot, so
 * rules that may remove the migrant they visit iterate from the end.
 */
export interface Presence {
  readonly ids: Int32Array;
  /** Slot of each migrant in `ids`, or -1 at home. */
  readonly slot: Int32Array;
  count: number;
}

export function createPresence(capacity: number): Presence {
  return { ids: new Int32Array(capacity), slot: new Int32Array(capacity).fill(-1), count: 0 };
}

export function addPresent(p: Presence, id: number): void {
  p.slot[id] = p.count;
  p.ids[p.count++] = id;
}

export function removePresent(p: Presence, id: number): void {
  const at = p.slot[id];
  const last = p.ids[--p.count];
  p.ids[at] = last;
  p.slot[last] = at;
  p.slot[id] = -1;
}

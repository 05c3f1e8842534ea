/**
 * Maps a coordinate u in [0, 1] of a unit-cube design to a parameter range
 * [low, high]: low + u · (high − low), exactly `high` at u = 1.
 *
 * Cost: O(1).
 */
export function scaleToRange(u: number, low: number, high: number): number {
  return u >= 1 ? high : low + u * (high - low);
}

/**
 * Maps a coordinate u in [0, 1) of a unit-cube design to one of k listed
 * values, each taking an equal share of the unit interval:
 * values[min(k − 1, ⌊u · k⌋)].
 *
 * Cost: O(1).
 */
export function pickByShare<T>(u: number, values: readonly T[]): T {
  if (values.length === 0) throw new Error('pickByShare requires at least one value');
  return values[Math.min(values.length - 1, Math.max(0, Math.floor(u * values.length)))];
}

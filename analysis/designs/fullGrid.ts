/**
 * Every combination of the given values (the full factorial design): with
 * value lists L_1..L_d, the |L_1| · … · |L_d| points (v_1, …, v_d), v_k ∈ L_k,
 * in the order of nested loops with the first list outermost, so the last
 * value changes fastest (as a reader lists them).
 *
 * Cost: O(d · Π|L_k|).
 */
export function fullGrid<T>(values: readonly (readonly T[])[]): T[][] {
  if (values.some((list) => list.length === 0)) throw new Error('fullGrid requires at least one value per dimension');
  let points: T[][] = [[]];
  for (const list of values) {
    const next: T[][] = [];
    for (const point of points) for (const value of list) next.push([...point, value]);
    points = next;
  }
  return points;
}

/**
 * `levels` evenly spaced values from `low` to `high`, both included:
 * low + (high − low) · i / (levels − 1), i = 0..levels−1 (the midpoint for one level).
 *
 * Cost: O(levels).
 */
export function evenlySpaced(low: number, high: number, levels: number): number[] {
  if (!Number.isInteger(levels) || levels < 1) throw new Error(`evenlySpaced requires at least one level, got ${levels}`);
  if (levels === 1) return [(low + high) / 2];
  return Array.from({ length: levels }, (_, i) => (i === levels - 1 ? high : low + ((high - low) * i) / (levels - 1)));
}

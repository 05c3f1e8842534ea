/**
 * Replaces NaN (not defined) by null, which Vega treats as missing and which,
 * unlike NaN, survives writing the spec as JSON.
 *
 * Cost: O(1).
 */
export function missingAsNull(value: number): number | null {
  return Number.isNaN(value) ? null : value;
}

import { INDICATORS, type IndicatorName } from '../../sim/model/indicators.js';
import type { RunRecord } from '../../analysis/runRecord.js';

/**
 * A run whose indicators are given week by week (missing indicators are 0):
 * `weeks[w][name]` is the value of `name` in week w.
 */
export function runFromWeeks(
  option: string,
  replicate: number,
  weeks: readonly Partial<Record<IndicatorName, number>>[],
): RunRecord {
  const width = INDICATORS.length;
  const values = new Float64Array(weeks.length * width);
  weeks.forEach((row, week) => {
    INDICATORS.forEach(({ name }, column) => {
      values[week * width + column] = row[name] ?? 0;
    });
  });
  return { option, replicate, table: { weeks: weeks.length - 1, places: ['all'], values } };
}

/** A fixed, seeded stream of numbers in [0, 1) (Park–Miller), so test data never changes. */
export function seededUniform(seed: number): () => number {
  let state = seed % 2147483647 || 1;
  return () => {
    state = (state * 48271) % 2147483647;
    return (state - 1) / 2147483646;
  };
}

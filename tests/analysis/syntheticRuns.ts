import { INDICATORS, type IndicatorName, type IndicatorTable } from '../../sim/model/indicators.js';
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
  return { option, replicate, table: tableByPlace(weeks.map((row) => ({ all: row }))) };
}

/**
 * An indicator table given week by week and place by place (missing
 * indicators are 0): `weeks[w][place][name]`; the places are those of week 0,
 * in its order (`all` first, as in a run).
 */
export function tableByPlace(weeks: readonly Readonly<Record<string, Partial<Record<IndicatorName, number>>>>[]): IndicatorTable {
  const places = Object.keys(weeks[0]);
  const width = INDICATORS.length;
  const values = new Float64Array(weeks.length * places.length * width);
  weeks.forEach((week, w) => {
    places.forEach((place, p) => {
      INDICATORS.forEach(({ name }, column) => {
        values[(w * places.length + p) * width + column] = week[place][name] ?? 0;
      });
    });
  });
  return { weeks: weeks.length - 1, places, values };
}

/** A fixed, seeded stream of numbers in [0, 1) (Park–Miller), so test data never changes. */
export function seededUniform(seed: number): () => number {
  let state = seed % 2147483647 || 1;
  return () => {
    state = (state * 48271) % 2147483647;
    return (state - 1) / 2147483646;
  };
}

import { COLUMN, INDICATORS, type IndicatorName, type IndicatorTable } from '../model/indicators.js';
import { WEEKS_PER_YEAR } from '../model/time.js';

/**
 * Mean of an indicator over the recorded weeks 1..weeks of one run (week 0,
 * the initial state, is left out so that stocks and flows cover the same
 * weeks). NaN when the run has no recorded week after week 0.
 *
 * Cost: O(weeks).
 */
export function horizonMean(table: IndicatorTable, indicator: IndicatorName, place = 'all'): number {
  if (table.weeks < 1) return NaN;
  return horizonTotal(table, indicator, place) / table.weeks;
}

/**
 * Sum of an indicator over weeks 1..weeks of one run: for a flow, its total
 * over the horizon. `place` is `all` (every destination together) or a
 * destination country of the run.
 *
 * Cost: O(weeks).
 */
export function horizonTotal(table: IndicatorTable, indicator: IndicatorName, place = 'all'): number {
  const index = table.places.indexOf(place);
  if (index < 0) throw new Error(`the run has no place "${place}" (it has ${table.places.join(', ')})`);
  const stride = INDICATORS.length * table.places.length;
  const column = index * INDICATORS.length + COLUMN[indicator];
  let total = 0;
  for (let week = 1; week <= table.weeks; week++) total += table.values[week * stride + column];
  return total;
}

/** Length of a run's recorded horizon in years (52 weeks a year). */
export function horizonYears(table: IndicatorTable): number {
  return table.weeks / WEEKS_PER_YEAR;
}

/**
 * Ratio of two indicators' means over the horizon (a ratio of means, not a
 * mean of weekly ratios, so that a week with few migrants does not weigh as
 * much as a full one). NaN when the denominator's mean is 0.
 */
export function horizonRatio(
  table: IndicatorTable,
  numerator: IndicatorName,
  denominator: IndicatorName | readonly IndicatorName[],
  place = 'all',
): number {
  const names = typeof denominator === 'string' ? [denominator] : denominator;
  const below = names.reduce((sum, name) => sum + horizonMean(table, name, place), 0);
  return below > 0 ? horizonMean(table, numerator, place) / below : NaN;
}

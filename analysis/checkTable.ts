import { INDICATORS, type IndicatorTable } from '../sim/model/indicators.js';

/**
 * Throws unless `table` holds exactly weeks 0..weeks of every indicator,
 * so that reads by `(week * places + place) * INDICATORS.length + column` stay in range.
 *
 * Cost: O(1).
 */
export function checkTable(table: IndicatorTable): void {
  if (!Number.isInteger(table.weeks) || table.weeks < 0) {
    throw new Error('checkTable requires a whole, non-negative number of weeks');
  }
  if (table.places.length === 0) throw new Error('checkTable requires at least one place');
  const expected = (table.weeks + 1) * table.places.length * INDICATORS.length;
  if (table.values.length !== expected) {
    throw new Error(`checkTable expected ${expected} values for ${table.weeks} weeks and ${table.places.length} places, got ${table.values.length}`);
  }
}

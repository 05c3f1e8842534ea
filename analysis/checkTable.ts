import { INDICATORS, type IndicatorTable } from '../sim/model/indicators.js';

/**
 * Throws unless `table` holds exactly weeks 0..weeks of every indicator,
 * so that reads by `week * INDICATORS.length + column` stay in range.
 *
 * Cost: O(1).
 */
export function checkTable(table: IndicatorTable): void {
  if (!Number.isInteger(table.weeks) || table.weeks < 0) {
    throw new Error('checkTable requires a whole, non-negative number of weeks');
  }
  if (table.values.length !== (table.weeks + 1) * INDICATORS.length) {
    throw new Error(
      `checkTable expected ${(table.weeks + 1) * INDICATORS.length} values for ${table.weeks} weeks, got ${table.values.length}`,
    );
  }
}

import { INDICATORS, type IndicatorName, type IndicatorTable } from '../sim/model/indicators.js';
import { checkTable } from './checkTable.js';

/** One value per indicator, keyed by indicator name. */
export type IndicatorValues = { [K in IndicatorName]: number };

/**
 * The value of every indicator at the end of the horizon for one run:
 * a stock by its value in the last week, a flow by its total over weeks
 * 1..weeks (week 0 is the initial state and carries no flows). NaN, such as
 * `quota` when no quota is in force, stays NaN.
 *
 * Cost: O(weeks × indicators).
 */
export function endOfHorizon(table: IndicatorTable, place = 0): IndicatorValues {
  checkTable(table);
  const width = INDICATORS.length;
  const stride = table.places.length * width;
  const offset = place * width;
  const result = {} as IndicatorValues;
  INDICATORS.forEach((indicator, column) => {
    if (indicator.kind === 'stock') {
      result[indicator.name] = table.values[table.weeks * stride + offset + column];
    } else {
      let total = 0;
      for (let week = 1; week <= table.weeks; week++) {
        total += table.values[week * stride + offset + column];
      }
      result[indicator.name] = total;
    }
  });
  return result;
}

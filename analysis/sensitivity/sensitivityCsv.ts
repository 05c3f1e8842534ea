import { csv } from '../csv.js';
import { formatNumber } from '../formatNumber.js';
import type { SensitivityRow } from './sensitivityRow.js';

/**
 * Sensitivity rows as CSV text with the header
 * `option,baseline,place,indicator,parameter,measure,estimate,ci_low,ci_high,n`,
 * in the order given. `baseline` is empty for an option's own level. Numbers
 * are written by `formatNumber` (NaN, such as a measure without an interval,
 * as an empty cell).
 *
 * Cost: O(rows).
 */
export function sensitivityCsv(rows: readonly SensitivityRow[]): string {
  return csv([
    ['option', 'baseline', 'place', 'indicator', 'parameter', 'measure', 'estimate', 'ci_low', 'ci_high', 'n'],
    ...rows.map((row) => [
      row.option,
      row.baseline,
      row.place,
      row.indicator,
      row.parameter,
      row.measure,
      formatNumber(row.estimate),
      formatNumber(row.ci_low),
      formatNumber(row.ci_high),
      formatNumber(row.n),
    ]),
  ]);
}

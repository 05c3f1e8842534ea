import type { ComparisonRow } from './compareOptions.js';
import { csv } from './csv.js';
import { formatNumber } from './formatNumber.js';

/**
 * Comparison rows (see `compareOptions`) as CSV text with the header
 * `option,baseline,place,indicator,mean_diff,ci_low,ci_high,n`, in the order given.
 * Numbers are written by `formatNumber` (NaN as an empty cell).
 *
 * Cost: O(rows).
 */
export function comparisonCsv(rows: readonly ComparisonRow[]): string {
  return csv([
    ['option', 'baseline', 'place', 'indicator', 'mean_diff', 'ci_low', 'ci_high', 'n'],
    ...rows.map((row) => [
      row.option,
      row.baseline,
      row.place,
      row.indicator,
      formatNumber(row.mean_diff),
      formatNumber(row.ci_low),
      formatNumber(row.ci_high),
      formatNumber(row.n),
    ]),
  ]);
}

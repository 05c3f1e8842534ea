import { csv } from './csv.js';
import { formatNumber } from './formatNumber.js';
import type { SummaryRow } from './summarise.js';

/**
 * Summary rows (see `summarise`) as CSV text with the header
 * `option,place,indicator,mean,sd,ci_low,ci_high,n`, in the order given.
 * Numbers are written by `formatNumber` (NaN as an empty cell).
 *
 * Cost: O(rows).
 */
export function summaryCsv(rows: readonly SummaryRow[]): string {
  return csv([
    ['option', 'place', 'indicator', 'mean', 'sd', 'ci_low', 'ci_high', 'n'],
    ...rows.map((row) => [
      row.option,
      row.place,
      row.indicator,
      formatNumber(row.mean),
      formatNumber(row.sd),
      formatNumber(row.ci_low),
      formatNumber(row.ci_high),
      formatNumber(row.n),
    ]),
  ]);
}

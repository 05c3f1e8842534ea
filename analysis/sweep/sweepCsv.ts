import { csv } from '../csv.js';
import { formatNumber } from '../formatNumber.js';
import type { SweepRow, SweepValue } from './sweepRow.js';

/**
 * Sweep rows as CSV text with the header
 * `option,point,<parameter names…>,place,indicator,mean,sd,ci_low,ci_high,n`,
 * in the order given. Numbers are written by `formatNumber` (NaN as an empty
 * cell); text and switches as written in the scenario.
 *
 * Cost: O(rows × parameters).
 */
export function sweepCsv(rows: readonly SweepRow[], parameters: readonly string[]): string {
  return csv([
    ['option', 'point', ...parameters, 'place', 'indicator', 'mean', 'sd', 'ci_low', 'ci_high', 'n'],
    ...rows.map((row) => [
      row.option,
      formatNumber(row.point),
      ...row.values.map(sweepValueText),
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

/** A swept value in a CSV cell or a chart label. */
export function sweepValueText(value: SweepValue): string {
  if (value === null) return '';
  return typeof value === 'number' ? formatNumber(value) : String(value);
}

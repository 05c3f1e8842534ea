import type { IndicatorName } from '../../sim/model/indicators.js';
import { MAIN_MEASURE, type SensitivityMethod, type SensitivityRow } from './sensitivityRow.js';

/**
 * The parameters of one output ordered by the method's main measure (ST for
 * Sobol, μ* for Morris), largest first; NaN estimates last. Ties keep the
 * parameters' order in the rows.
 *
 * Cost: O(rows + d log d).
 */
export function rankDrivers(
  rows: readonly SensitivityRow[],
  method: SensitivityMethod,
  output: { readonly option: string; readonly baseline: string; readonly indicator: IndicatorName },
): SensitivityRow[] {
  const measure = MAIN_MEASURE[method];
  const key = (value: number) => (Number.isNaN(value) ? -Infinity : value);
  return rows
    .filter((row) => row.measure === measure && row.option === output.option && row.baseline === output.baseline && row.indicator === output.indicator)
    .sort((a, b) => key(b.estimate) - key(a.estimate));
}

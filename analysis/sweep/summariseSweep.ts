import { INDICATORS } from '../../sim/model/indicators.js';
import type { IndicatorValues } from '../endOfHorizon.js';
import { meanInterval } from '../meanInterval.js';
import type { SweepRow, SweepValue } from './sweepRow.js';

/**
 * For every option, sweep point, place and indicator: the mean over
 * replicates of the end-of-horizon value with its sample standard deviation
 * and 95% t-interval (`meanInterval`), from `ends[place][option][point][replicate]`.
 * Rows come option by option, then point, place, and the order of INDICATORS.
 *
 * Cost: O(options × points × replicates × indicators).
 */
export function summariseSweep(
  ends: readonly (readonly (readonly (readonly IndicatorValues[])[])[])[],
  options: readonly string[],
  points: readonly (readonly SweepValue[])[],
  places: readonly string[],
): SweepRow[] {
  const rows: SweepRow[] = [];
  options.forEach((option, o) => {
    points.forEach((values, point) => {
      places.forEach((place, p) => {
        for (const { name } of INDICATORS) {
          rows.push({ option, point, values, place, indicator: name, ...meanInterval(ends[p][o][point].map((end) => end[name])) });
        }
      });
    });
  });
  return rows;
}

import { INDICATOR_NAMES, INDICATORS } from '../sim/model/indicators.js';
import { csv } from './csv.js';
import { formatNumber } from './formatNumber.js';
import { groupRuns } from './groupRuns.js';
import type { RunRecord } from './runRecord.js';

/**
 * The weekly indicators of every run as CSV text with the header
 * `option,replicate,week,place,<indicator names…>`; rows ordered by the
 * order of `options`, then replicate, then week (0..weeks), then place
 * (`all`, then each destination country). Numbers are written by
 * `formatNumber` (NaN as an empty cell).
 *
 * Cost: O(runs × weeks × places × indicators).
 */
export function timeseriesCsv(runs: readonly RunRecord[], options: readonly string[]): string {
  const width = INDICATORS.length;
  const groups = groupRuns(runs, options);
  function* rows(): Generator<string[]> {
    yield ['option', 'replicate', 'week', 'place', ...INDICATOR_NAMES];
    for (const [option, group] of groups) {
      for (const { replicate, table } of group) {
        for (let week = 0; week <= table.weeks; week++) {
          for (let p = 0; p < table.places.length; p++) {
            const row = [option, formatNumber(replicate), formatNumber(week), table.places[p]];
            const start = (week * table.places.length + p) * width;
            for (let column = 0; column < width; column++) row.push(formatNumber(table.values[start + column]));
            yield row;
          }
        }
      }
    }
  }
  return csv(rows());
}

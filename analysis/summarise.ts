import { INDICATORS, type IndicatorName } from '../sim/model/indicators.js';
import { endOfHorizon } from './endOfHorizon.js';
import { groupRuns } from './groupRuns.js';
import { meanInterval } from './meanInterval.js';
import type { RunRecord } from './runRecord.js';

/** End-of-horizon summary of one indicator under one option. */
export interface SummaryRow {
  readonly option: string;
  readonly place: string;
  readonly indicator: IndicatorName;
  readonly mean: number;
  readonly sd: number;
  readonly ci_low: number;
  readonly ci_high: number;
  readonly n: number;
}

/**
 * For every option and indicator: the mean over replicates of the
 * end-of-horizon value (stocks in the last week, flows summed over the
 * horizon, see `endOfHorizon`), its sample standard deviation and 95%
 * t-interval (see `meanInterval`). Rows come in the order of `options`, then
 * the order of INDICATORS.
 *
 * Cost: O(runs × weeks × indicators).
 */
export function summarise(runs: readonly RunRecord[], options: readonly string[]): SummaryRow[] {
  const rows: SummaryRow[] = [];
  for (const [option, group] of groupRuns(runs, options)) {
    group[0].table.places.forEach((place, p) => {
      const ends = group.map((run) => endOfHorizon(run.table, p));
      for (const { name } of INDICATORS) {
        const interval = meanInterval(ends.map((end) => end[name]));
        rows.push({ option, place, indicator: name, ...interval });
      }
    });
  }
  return rows;
}

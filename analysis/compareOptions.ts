import { INDICATORS, type IndicatorName } from '../sim/model/indicators.js';
import { endOfHorizon, type IndicatorValues } from './endOfHorizon.js';
import { groupRuns } from './groupRuns.js';
import { meanInterval } from './meanInterval.js';
import type { RunRecord } from './runRecord.js';

export { welchInterval } from './welchInterval.js';

/** End-of-horizon difference of one indicator between an option and the baseline. */
export interface ComparisonRow {
  readonly option: string;
  readonly baseline: string;
  readonly place: string;
  readonly indicator: IndicatorName;
  readonly mean_diff: number;
  readonly ci_low: number;
  readonly ci_high: number;
  readonly n: number;
}

/**
 * Paired differences of every option after the first against the first
 * option (the baseline), on end-of-horizon values (see `endOfHorizon`).
 *
 * Definition: runs are paired by replicate index, because replicate k of
 * every option used the same seeds (common random numbers); the row gives
 * the mean of (option − baseline) over the pairs with its 95% t-interval
 * (see `meanInterval`). Only replicate indices present under both options
 * are paired; `n` says how many. Rows come in the order of `options`, then
 * the order of INDICATORS.
 *
 * Cost: O(runs × weeks × indicators).
 */
export function compareOptions(runs: readonly RunRecord[], options: readonly string[]): ComparisonRow[] {
  const groups = groupRuns(runs, options);
  const byReplicate = (option: string, place: number): Map<number, IndicatorValues> =>
    new Map((groups.get(option) ?? []).map((run) => [run.replicate, endOfHorizon(run.table, place)]));

  const baseline = options[0];
  const places = groups.get(baseline)?.[0]?.table.places ?? ['all'];
  const rows: ComparisonRow[] = [];
  for (const option of options.slice(1)) {
    places.forEach((place, p) => rows.push(...comparePlace(option, baseline, place, byReplicate(option, p), byReplicate(baseline, p))));
  }
  return rows;
}

function comparePlace(
  option: string,
  baseline: string,
  place: string,
  ends: Map<number, IndicatorValues>,
  baselineEnds: Map<number, IndicatorValues>,
): ComparisonRow[] {
  const rows: ComparisonRow[] = [];
  {
    const pairs: [IndicatorValues, IndicatorValues][] = [];
    for (const [replicate, end] of ends) {
      const baselineEnd = baselineEnds.get(replicate);
      if (baselineEnd !== undefined) pairs.push([end, baselineEnd]);
    }
    if (pairs.length === 0) {
      throw new Error(`compareOptions found no replicate shared by "${option}" and "${baseline}"`);
    }
    for (const { name } of INDICATORS) {
      const interval = meanInterval(pairs.map(([end, baselineEnd]) => end[name] - baselineEnd[name]));
      rows.push({
        option,
        baseline,
        place,
        indicator: name,
        mean_diff: interval.mean,
        ci_low: interval.ci_low,
        ci_high: interval.ci_high,
        n: interval.n,
      });
    }
  }
  return rows;
}

import type { TopLevelSpec } from 'vega-lite';
import { INDICATORS, type IndicatorName } from '../../sim/model/indicators.js';
import { groupRuns } from '../groupRuns.js';
import { meanInterval } from '../meanInterval.js';
import type { RunRecord } from '../runRecord.js';
import { indicatorInfo } from '../indicatorInfo.js';
import { axisTitle } from './axisTitle.js';
import { CHART_CONFIG, CHART_WIDTH, COMPACT_NUMBER_LABEL, OPTION_SCHEME } from './chartStyle.js';
import { missingAsNull } from './missingAsNull.js';

/** One point of the line chart: an option's mean and interval in one week. */
interface WeekPoint {
  option: string;
  week: number;
  mean: number | null;
  ci_low: number | null;
  ci_high: number | null;
}

/**
 * A Vega-Lite line chart of one indicator over the weeks: for each option,
 * the mean over replicates as a line and its 95% t-interval as a band (the
 * same interval as the summary tables, see `meanInterval`, computed here week
 * by week). Flows are drawn from week 1, since week 0 carries none.
 *
 * Cost: O(runs × weeks).
 */
export function lineWithBand(
  indicator: IndicatorName,
  runs: readonly RunRecord[],
  options: readonly string[],
  currency: string,
  place = 0,
): TopLevelSpec {
  const info = indicatorInfo(indicator);
  const column = INDICATORS.indexOf(info);
  const width = INDICATORS.length;
  const groups = groupRuns(runs, options);

  const points: WeekPoint[] = [];
  const replicateCounts = new Set<number>();
  let lastWeek = 0;
  for (const [option, group] of groups) {
    replicateCounts.add(group.length);
    const weeks = group[0].table.weeks;
    lastWeek = weeks;
    const firstWeek = info.kind === 'flow' ? Math.min(1, weeks) : 0;
    for (let week = firstWeek; week <= weeks; week++) {
      const interval = meanInterval(group.map((run) => run.table.values[(week * run.table.places.length + place) * width + column]));
      points.push({
        option,
        week,
        mean: missingAsNull(interval.mean),
        ci_low: missingAsNull(interval.ci_low),
        ci_high: missingAsNull(interval.ci_high),
      });
    }
  }

  const replicates =
    replicateCounts.size === 1 ? `${[...replicateCounts][0]} replicates` : 'the replicates';
  const yTitle = axisTitle(indicator, currency);
  return {
    config: CHART_CONFIG,
    title: {
      text: info.label,
      subtitle: `Line: mean of ${replicates}. Band: 95% t-interval.`,
    },
    width: CHART_WIDTH,
    height: 260,
    data: { values: points },
    encoding: {
      x: {
        field: 'week',
        type: 'quantitative',
        title: 'Week',
        scale: { domain: [0, lastWeek], nice: false },
        axis: { tickMinStep: 1, format: 'd' },
      },
      color: {
        field: 'option',
        type: 'nominal',
        title: 'Option',
        scale: { domain: [...options], scheme: OPTION_SCHEME },
        legend: { orient: 'bottom', direction: 'vertical', symbolType: 'stroke', symbolOpacity: 1, symbolStrokeWidth: 3 },
      },
    },
    layer: [
      {
        mark: { type: 'area', opacity: 0.18 },
        encoding: {
          y: { field: 'ci_low', type: 'quantitative', title: yTitle, axis: { labelExpr: COMPACT_NUMBER_LABEL } },
          y2: { field: 'ci_high' },
        },
      },
      {
        mark: { type: 'line', strokeWidth: 2 },
        encoding: {
          y: { field: 'mean', type: 'quantitative', title: yTitle, axis: { labelExpr: COMPACT_NUMBER_LABEL } },
        },
      },
    ],
  };
}

import type { TopLevelSpec } from 'vega-lite';
import type { IndicatorName } from '../../sim/model/indicators.js';
import type { ComparisonRow } from '../compareOptions.js';
import { unitText } from '../unitText.js';
import { indicatorInfo } from '../indicatorInfo.js';
import { CHART_CONFIG, CHART_WIDTH, COMPACT_NUMBER_LABEL, OPTION_SCHEME } from './chartStyle.js';
import { missingAsNull } from './missingAsNull.js';

/**
 * A Vega-Lite dot-and-whisker chart of end-of-horizon differences from the
 * baseline (rows from `compareOptions`): one panel per indicator, stacked,
 * each with its own scale and unit; one dot per option at the mean paired
 * difference, whiskers spanning its 95% t-interval, and a line at zero
 * (no difference). Options keep the colours of the line charts. Indicators
 * with no defined difference (all NaN) are left out.
 *
 * Cost: O(rows × indicators).
 */
export function differenceChart(
  rows: readonly ComparisonRow[],
  indicators: readonly IndicatorName[],
  currency: string,
): TopLevelSpec {
  if (rows.length === 0) {
    throw new Error('differenceChart requires at least one comparison row');
  }
  const baseline = rows[0].baseline;
  if (rows.some((row) => row.baseline !== baseline)) {
    throw new Error('differenceChart requires every row to share one baseline');
  }
  const options: string[] = [];
  for (const row of rows) if (!options.includes(row.option)) options.push(row.option);

  // An indicator without any defined difference (such as the quota when an
  // option has none) has nothing to draw, so it gets no panel.
  const drawable = indicators.filter((indicator) =>
    rows.some((row) => row.indicator === indicator && !Number.isNaN(row.mean_diff)),
  );
  if (drawable.length === 0) {
    throw new Error('differenceChart found no defined difference to draw');
  }

  const optionAxis = {
    field: 'option',
    type: 'nominal' as const,
    title: null,
    sort: options,
    axis: { labelLimit: 240 },
  };
  const optionColour = {
    field: 'option',
    type: 'nominal' as const,
    scale: { domain: [baseline, ...options], scheme: OPTION_SCHEME },
    legend: null,
  };
  const xAxis = { labelExpr: COMPACT_NUMBER_LABEL, labelFlush: false };

  const panels = drawable.map((indicator) => {
    const info = indicatorInfo(indicator);
    const unit = unitText(info.unit, currency);
    const values = rows
      .filter((row) => row.indicator === indicator)
      .map((row) => ({
        option: row.option,
        mean_diff: missingAsNull(row.mean_diff),
        ci_low: missingAsNull(row.ci_low),
        ci_high: missingAsNull(row.ci_high),
      }));
    const measured = info.kind === 'flow' ? 'total over the horizon' : 'in the last week';
    return {
      title: { text: info.label, subtitle: `Difference from baseline, ${measured} (${unit})` },
      width: CHART_WIDTH,
      height: { step: 26 },
      data: { values },
      layer: [
        {
          // A single datum, so the line at zero spans the whole panel once.
          data: { values: [{}] },
          mark: { type: 'rule' as const, color: '#888', strokeDash: [4, 3] },
          encoding: { x: { datum: 0, type: 'quantitative' as const } },
        },
        {
          mark: { type: 'rule' as const, strokeWidth: 2.5 },
          encoding: {
            y: optionAxis,
            color: optionColour,
            x: { field: 'ci_low', type: 'quantitative' as const, title: `Difference (${unit})`, axis: xAxis },
            x2: { field: 'ci_high' },
          },
        },
        {
          mark: { type: 'point' as const, filled: true, size: 80, opacity: 1 },
          encoding: {
            y: optionAxis,
            color: optionColour,
            x: { field: 'mean_diff', type: 'quantitative' as const, title: `Difference (${unit})`, axis: xAxis },
          },
        },
      ],
    };
  });

  return {
    config: CHART_CONFIG,
    title: {
      text: `Differences from ${baseline} at the end of the horizon`,
      subtitle: 'Dot: mean paired difference over replicates. Whiskers: 95% t-interval. Dashed line: no difference.',
      fontSize: 17,
      offset: 16,
    },
    spacing: 28,
    vconcat: panels,
  };
}

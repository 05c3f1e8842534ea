import type { TopLevelSpec } from 'vega-lite';
import { axisTitle } from '../../analysis/charts/axisTitle.js';
import { CHART_CONFIG, COMPACT_NUMBER_LABEL, OPTION_SCHEME } from '../../analysis/charts/chartStyle.js';
import { indicatorInfo } from '../../analysis/indicatorInfo.js';
import { unitText } from '../../analysis/unitText.js';
import type { IndicatorName } from '../../sim/model/indicators.js';

/** Name of the data set every page chart reads; the page replaces its rows as weeks arrive. */
export const CHART_DATA = 'table';

const CONFIG = { ...CHART_CONFIG, padding: 4, title: { ...CHART_CONFIG.title, fontSize: 14, subtitleFontSize: 11 } };

function weekAxis(weeks: number) {
  return {
    field: 'week',
    type: 'quantitative' as const,
    title: 'Week',
    scale: { domain: [0, weeks], nice: false },
    axis: { tickMinStep: 1, format: 'd' },
  };
}

function optionColour(options: readonly string[]) {
  return {
    field: 'option',
    type: 'nominal' as const,
    title: null,
    scale: { domain: [...options], scheme: OPTION_SCHEME },
    legend: { orient: 'bottom' as const, direction: 'vertical' as const, symbolType: 'stroke', symbolStrokeWidth: 3, labelLimit: 320 },
  };
}

/**
 * A weekly line chart of one indicator for every setting of a run: the mean
 * over replicates as a line, its 95% t-interval as a band (from two
 * replicates on). The x axis spans the whole horizon from the start, so the
 * lines grow across it while the run goes on.
 */
export function lineSpec(indicator: IndicatorName, options: readonly string[], weeks: number, currency: string, replicates: number): TopLevelSpec {
  const info = indicatorInfo(indicator);
  const yTitle = axisTitle(indicator, currency);
  const band = {
    mark: { type: 'area' as const, opacity: 0.18 },
    encoding: {
      y: { field: 'ci_low', type: 'quantitative' as const, title: yTitle, axis: { labelExpr: COMPACT_NUMBER_LABEL } },
      y2: { field: 'ci_high' },
    },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: CONFIG,
    title: {
      text: info.label,
      subtitle: replicates > 1 ? `Line: mean of ${replicates} replicates. Band: 95% interval.` : 'One replicate (choose more to see the spread).',
    },
    width: 'container',
    height: 200,
    autosize: { type: 'fit-x', contains: 'padding', resize: true },
    data: { name: CHART_DATA },
    encoding: { x: weekAxis(weeks), color: optionColour(options) },
    layer: [
      ...(replicates > 1 ? [band] : []),
      {
        mark: { type: 'line', strokeWidth: 2 },
        encoding: {
          y: { field: 'mean', type: 'quantitative', title: yTitle, axis: { labelExpr: COMPACT_NUMBER_LABEL } },
          tooltip: [
            { field: 'option', title: 'Setting' },
            { field: 'week', title: 'Week' },
            { field: 'mean', title: info.label, format: ',.0f' },
          ],
        },
      },
    ],
  };
}

/**
 * A weekly chart of the mean paired difference of one indicator between
 * each setting and the first (drawn at zero): stocks week by week, flows as
 * running totals since week 0.
 */
export function differenceSpec(indicator: IndicatorName, options: readonly string[], weeks: number, currency: string): TopLevelSpec {
  const info = indicatorInfo(indicator);
  const unit = unitText(info.unit, currency);
  const what = info.kind === 'flow' ? 'total since week 0' : 'in each week';
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: CONFIG,
    title: {
      text: `${info.label}: difference from ${options[0]}`,
      subtitle: `Mean paired difference over replicates, ${what} (${unit}). Same seeds for every setting.`,
    },
    width: 'container',
    height: 220,
    autosize: { type: 'fit-x', contains: 'padding', resize: true },
    data: { name: CHART_DATA },
    encoding: { x: weekAxis(weeks), color: optionColour(options) },
    layer: [
      {
        mark: { type: 'line', strokeWidth: 2 },
        encoding: {
          y: { field: 'diff', type: 'quantitative', title: `Difference (${unit})`, axis: { labelExpr: COMPACT_NUMBER_LABEL } },
          strokeDash: {
            condition: { test: `datum.option === ${JSON.stringify(options[0])}`, value: [4, 3] },
            value: [1, 0],
          },
          tooltip: [
            { field: 'option', title: 'Setting' },
            { field: 'week', title: 'Week' },
            { field: 'diff', title: 'Difference', format: '+,.0f' },
          ],
        },
      },
    ],
  };
}

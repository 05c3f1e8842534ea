import type { TopLevelSpec } from 'vega-lite';
import type { IndicatorName } from '../../sim/model/indicators.js';
import { indicatorInfo } from '../indicatorInfo.js';
import { MAIN_MEASURE, type SensitivityMethod, type SensitivityRow } from '../sensitivity/sensitivityRow.js';
import { CHART_CONFIG, CHART_WIDTH, OPTION_SCHEME } from './chartStyle.js';
import { missingAsNull } from './missingAsNull.js';

/** How a sensitivity output is named in charts and the report. */
export function outputLabel(row: { readonly option: string; readonly baseline: string }): string {
  return row.baseline === '' ? row.option : `${row.option} − ${row.baseline}`;
}

/**
 * A Vega-Lite bar chart of one indicator's sensitivity: for each parameter,
 * one bar per output (each option's difference from the baseline when there
 * are several options, else the option's level) giving the method's main measure (total index ST for Sobol,
 * μ* for Morris) with its 95% bootstrap interval as a line.
 *
 * Cost: O(rows).
 */
export function sensitivityBars(
  indicator: IndicatorName,
  rows: readonly SensitivityRow[],
  method: SensitivityMethod,
  parameters: readonly string[],
): TopLevelSpec {
  const measure = MAIN_MEASURE[method];
  // Differences and levels can be orders of magnitude apart; the differences are the question when there are any.
  const differences = rows.some((row) => row.baseline !== '');
  const data = rows
    .filter((row) => row.indicator === indicator && row.measure === measure && (row.baseline !== '') === differences)
    .map((row) => ({
      output: outputLabel(row),
      parameter: row.parameter,
      estimate: missingAsNull(row.estimate),
      ci_low: missingAsNull(row.ci_low),
      ci_high: missingAsNull(row.ci_high),
    }));
  const outputs = [...new Set(data.map((d) => d.output))];
  const title = method === 'sobol' ? 'Total Sobol index S_T (share of variance, interactions included)' : 'Morris μ* (mean absolute elementary effect per full range)';
  return {
    config: CHART_CONFIG,
    title: {
      text: indicatorInfo(indicator).label,
      subtitle: [`${title}.`, `${differences ? 'Of each option’s difference from the baseline' : 'Of each option’s level'}. Line: 95% bootstrap interval.`],
    },
    width: CHART_WIDTH,
    height: { step: 12 },
    data: { values: data },
    encoding: {
      y: { field: 'parameter', type: 'nominal', title: null, sort: [...parameters], axis: { labelLimit: 260 } },
      yOffset: { field: 'output', type: 'nominal', sort: outputs },
      color: {
        field: 'output',
        type: 'nominal',
        title: 'Output',
        scale: { domain: outputs, scheme: OPTION_SCHEME },
        legend: { orient: 'bottom', direction: 'vertical' },
      },
    },
    layer: [
      { mark: { type: 'bar' }, encoding: { x: { field: 'estimate', type: 'quantitative', title: method === 'sobol' ? 'ST' : 'μ*' } } },
      { mark: { type: 'rule', color: '#333' }, encoding: { x: { field: 'ci_low', type: 'quantitative' }, x2: { field: 'ci_high' } } },
    ],
  };
}

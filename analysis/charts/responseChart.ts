import type { TopLevelSpec } from 'vega-lite';
import type { IndicatorName } from '../../sim/model/indicators.js';
import { indicatorInfo } from '../indicatorInfo.js';
import { unitText } from '../unitText.js';
import type { SweepRow } from '../sweep/sweepRow.js';
import { sweepValueText } from '../sweep/sweepCsv.js';
import { CHART_CONFIG, COMPACT_NUMBER_LABEL, OPTION_SCHEME } from './chartStyle.js';
import { missingAsNull } from './missingAsNull.js';

/**
 * A Vega-Lite response chart: an indicator's end-of-horizon mean at every
 * sweep point against one swept parameter, one colour per option, with the
 * 95% t-interval over replicates as a vertical line. Points are joined in
 * order of the parameter when it is the only one swept; with several, each
 * dot is one point of the design (the other parameters vary too).
 *
 * Cost: O(rows).
 */
export function responseChart(
  indicator: IndicatorName,
  parameterIndex: number,
  parameters: readonly string[],
  rows: readonly SweepRow[],
  options: readonly string[],
  currency: string,
): TopLevelSpec {
  const info = indicatorInfo(indicator);
  const parameter = parameters[parameterIndex];
  const selected = rows.filter((row) => row.indicator === indicator);
  const numeric = selected.every((row) => typeof row.values[parameterIndex] === 'number');
  const data = selected.map((row) => ({
    option: row.option,
    value: numeric ? row.values[parameterIndex] : sweepValueText(row.values[parameterIndex]),
    mean: missingAsNull(row.mean),
    ci_low: missingAsNull(row.ci_low),
    ci_high: missingAsNull(row.ci_high),
  }));
  const unit = unitText(info.unit, currency);
  const measured = info.kind === 'flow' ? 'total over the horizon' : 'at the end';
  const x = { field: 'value', type: numeric ? ('quantitative' as const) : ('nominal' as const), title: parameter, scale: numeric ? { zero: false } : undefined };
  const y = { field: 'mean', type: 'quantitative' as const, title: `${info.label} (${unit}, ${measured})`, axis: { labelExpr: COMPACT_NUMBER_LABEL }, scale: { zero: false } };
  const color = {
    field: 'option',
    type: 'nominal' as const,
    title: 'Option',
    scale: { domain: [...options], scheme: OPTION_SCHEME },
    legend: { orient: 'bottom' as const, direction: 'vertical' as const },
  };
  return {
    config: CHART_CONFIG,
    title: { text: `${info.label} against ${parameter}`, subtitle: 'Dot: mean over replicates at a sweep point. Line: 95% t-interval.' },
    width: 360,
    height: 220,
    data: { values: data },
    encoding: { x, color },
    layer: [
      ...(parameters.length === 1 && numeric ? [{ mark: { type: 'line' as const, strokeWidth: 1.5 }, encoding: { y } }] : []),
      { mark: { type: 'rule' as const }, encoding: { y: { ...y, field: 'ci_low' }, y2: { field: 'ci_high' } } },
      { mark: { type: 'point' as const, filled: true, size: 40 }, encoding: { y } },
    ],
  };
}

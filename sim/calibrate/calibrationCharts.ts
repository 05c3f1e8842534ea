import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG, CHART_WIDTH } from '../../analysis/charts/chartStyle.js';
import { missingAsNull } from '../../analysis/charts/missingAsNull.js';
import { displayNumber } from '../../analysis/displayNumber.js';
import type { EvaluatedSample, ParameterRanges } from './abc.js';
import type { CalibrationTarget } from './targets.js';

/** A model estimate of a target under one set of parameter values. */
export interface ModelEstimate {
  /** Which parameter values: "current values" or "fitted values". */
  readonly values: string;
  readonly mean: number;
  readonly ci_low: number;
  readonly ci_high: number;
}

/** Colours of the two sets of parameter values, the same in every chart and table. */
export const ESTIMATE_COLOURS: Readonly<Record<string, string>> = {
  'current values': '#8a8f98',
  'fitted values': '#2f5d8a',
};

/**
 * A Vega-Lite dot-and-whisker chart of one target: the tolerance band
 * (shaded), the source value (dashed line), and for each set of parameter
 * values a dot at the model mean over replicates with whiskers spanning its
 * 95% t-interval.
 *
 * Cost: O(estimates).
 */
export function targetChart(target: CalibrationTarget, estimates: readonly ModelEstimate[]): TopLevelSpec {
  if (estimates.length === 0) throw new Error('targetChart requires at least one model estimate');
  const names = estimates.map((e) => e.values);
  const values = estimates.map((e) => ({
    values: e.values,
    mean: missingAsNull(e.mean),
    ci_low: missingAsNull(Number.isNaN(e.ci_low) ? e.mean : e.ci_low),
    ci_high: missingAsNull(Number.isNaN(e.ci_high) ? e.mean : e.ci_high),
  }));
  const y = { field: 'values', type: 'nominal' as const, title: null, sort: names, axis: { labelLimit: 200 } };
  const colour = {
    field: 'values',
    type: 'nominal' as const,
    scale: { domain: names, range: names.map((n) => ESTIMATE_COLOURS[n] ?? '#333') },
    legend: null,
  };
  const x = { type: 'quantitative' as const, title: target.label, scale: { zero: false, nice: true } };
  const { low, high } = target.tolerance;
  return {
    config: CHART_CONFIG,
    title: {
      text: target.label,
      subtitle: [
        `Source: ${short(target.sourceValue)} (${target.source}); tolerance ${short(low)} to ${short(high)}`,
        'Shaded: tolerance band. Dashed: source value. Dot: model mean; whiskers: 95% t-interval.',
      ],
    },
    width: CHART_WIDTH,
    height: { step: 34 },
    data: { values },
    layer: [
      {
        data: { values: [{ low, high }] },
        mark: { type: 'rect' as const, color: '#3c9a5f', opacity: 0.16 },
        encoding: { x: { ...x, field: 'low' }, x2: { field: 'high' } },
      },
      {
        data: { values: [{ source: target.sourceValue }] },
        mark: { type: 'rule' as const, color: '#1f2328', strokeDash: [5, 3], strokeWidth: 1.5 },
        encoding: { x: { ...x, field: 'source' } },
      },
      {
        mark: { type: 'rule' as const, strokeWidth: 2.5 },
        encoding: { y, color: colour, x: { ...x, field: 'ci_low' }, x2: { field: 'ci_high' } },
      },
      {
        mark: { type: 'point' as const, filled: true, size: 90, opacity: 1 },
        encoding: { y, color: colour, x: { ...x, field: 'mean' } },
      },
    ],
  };
}

/** A number to 3 significant digits, for chart titles. */
function short(value: number): string {
  return displayNumber(Number(value.toPrecision(3)));
}

/**
 * A Vega-Lite chart of the ABC search: for each calibrated parameter (over
 * its whole prior range), every sample's value against its distance from the targets (log scale), the
 * accepted samples highlighted. A parameter whose accepted values bunch
 * together is well identified by the targets; one whose accepted values
 * spread over the whole range is not. Samples without a finite distance
 * are left out.
 *
 * Cost: O(samples × parameters).
 */
export function samplesChart(
  samples: readonly EvaluatedSample[],
  ranges: ParameterRanges,
  accepted: ReadonlySet<number>,
): TopLevelSpec {
  const panels = Object.keys(ranges).map((name) => ({
    width: CHART_WIDTH / 2,
    height: 180,
    data: {
      values: samples
        .filter((s) => Number.isFinite(s.distance) && s.distance > 0)
        .map((s) => ({ value: s.theta[name], distance: s.distance, kept: accepted.has(s.index) ? 'accepted' : 'rejected' })),
    },
    mark: { type: 'point' as const, filled: true, size: 40 },
    encoding: {
      x: { field: 'value', type: 'quantitative' as const, title: name, scale: { domain: [...ranges[name]], zero: false } },
      y: { field: 'distance', type: 'quantitative' as const, title: 'Distance from targets', scale: { type: 'log' as const } },
      color: {
        field: 'kept',
        type: 'nominal' as const,
        title: null,
        scale: { domain: ['accepted', 'rejected'], range: ['#2f5d8a', '#c3c7ce'] },
      },
      order: { field: 'kept', sort: 'descending' as const },
    },
  }));
  return {
    config: CHART_CONFIG,
    title: {
      text: 'Samples of the search',
      subtitle: 'Each dot is one sample simulated (for SMC, of every generation); lower is nearer the targets.',
    },
    columns: 2,
    concat: panels,
  };
}

import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG, OPTION_SCHEME } from '../../analysis/charts/chartStyle.js';
import { indicatorInfo } from '../../analysis/indicatorInfo.js';
import type { IndicatorName } from '../../sim/model/indicators.js';
import { unitLabel } from './i18n/formatNumbers.js';
import type { Translator } from './i18n/translator.js';
import { indicatorLabel } from './page/labels.js';

/** Name of the data set every page chart reads; the page replaces its rows as weeks arrive. */
export const CHART_DATA = 'table';

const CONFIG = { ...CHART_CONFIG, padding: 4, title: { ...CHART_CONFIG.title, fontSize: 14, subtitleFontSize: 11 } };

/**
 * d3-format locales by language, for vega's number formatting: Russian and
 * Kyrgyz group thousands with a no-break space and use a decimal comma.
 */
export function chartFormatLocale(language: string): { decimal: string; thousands: string; grouping: number[]; currency: [string, string] } {
  return language === 'en'
    ? { decimal: '.', thousands: ',', grouping: [3], currency: ['', ''] }
    : { decimal: ',', thousands: '\u00a0', grouping: [3], currency: ['', ''] };
}

/** Vega expression for axis labels: billions and millions with the language's short words, smaller numbers in full. */
function compactLabel(tr: Translator): string {
  const [bn, m] = [tr.t('unit.billion', { value: '' }).trim(), tr.t('unit.million', { value: '' }).trim()];
  return (
    `abs(datum.value) >= 1e9 ? format(datum.value / 1e9, ',.3~f') + ' ${bn}'` +
    ` : abs(datum.value) >= 1e6 ? format(datum.value / 1e6, ',.3~f') + ' ${m}'` +
    " : format(datum.value, ',.4~f')"
  );
}

function axisTitle(indicator: IndicatorName, currency: string, tr: Translator): string {
  const unit = unitLabel(indicatorInfo(indicator).unit, currency, tr);
  return unit === '' ? indicatorLabel(indicator, tr) : `${indicatorLabel(indicator, tr)} (${unit})`;
}

function weekAxis(weeks: number, tr: Translator) {
  return {
    field: 'week',
    type: 'quantitative' as const,
    title: tr.t('chart.week'),
    scale: { domain: [0, weeks], nice: false },
    axis: { tickMinStep: 1, format: 'd' },
  };
}

/** Colours by setting; legend labels are never cut short (labelLimit 0), so long setting names stay whole. */
function optionColour(options: readonly string[]) {
  return {
    field: 'option',
    type: 'nominal' as const,
    title: null,
    scale: { domain: [...options], scheme: OPTION_SCHEME },
    legend: { orient: 'bottom' as const, direction: 'vertical' as const, symbolType: 'stroke', symbolStrokeWidth: 3, labelLimit: 0 },
  };
}

/**
 * A weekly line chart of one indicator for every setting of a run: the mean
 * over replicates as a line, its 95% t-interval as a band (from two
 * replicates on). The x axis spans the whole horizon from the start, so the
 * lines grow across it while the run goes on.
 */
export function lineSpec(indicator: IndicatorName, options: readonly string[], weeks: number, currency: string, replicates: number, tr: Translator): TopLevelSpec {
  const yTitle = axisTitle(indicator, currency, tr);
  const labelExpr = compactLabel(tr);
  const band = {
    mark: { type: 'area' as const, opacity: 0.18 },
    encoding: {
      y: { field: 'ci_low', type: 'quantitative' as const, title: yTitle, axis: { labelExpr } },
      y2: { field: 'ci_high' },
    },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: CONFIG,
    title: {
      text: indicatorLabel(indicator, tr),
      subtitle: replicates > 1 ? tr.t('chart.meanBand', { replicates }) : tr.t('chart.oneReplicate'),
    },
    width: 'container',
    height: 200,
    autosize: { type: 'fit-x', contains: 'padding', resize: true },
    data: { name: CHART_DATA },
    encoding: { x: weekAxis(weeks, tr), color: optionColour(options) },
    layer: [
      ...(replicates > 1 ? [band] : []),
      {
        mark: { type: 'line', strokeWidth: 2 },
        encoding: {
          y: { field: 'mean', type: 'quantitative', title: yTitle, axis: { labelExpr } },
          tooltip: [
            { field: 'option', title: tr.t('chart.setting') },
            { field: 'week', title: tr.t('chart.week') },
            { field: 'mean', title: indicatorLabel(indicator, tr), format: ',.0f' },
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
export function differenceSpec(indicator: IndicatorName, options: readonly string[], weeks: number, currency: string, tr: Translator): TopLevelSpec {
  const info = indicatorInfo(indicator);
  const unit = unitLabel(info.unit, currency, tr) || '—';
  const what = info.kind === 'flow' ? tr.t('chart.totalSince') : tr.t('chart.eachWeek');
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: CONFIG,
    title: {
      text: tr.t('chart.differenceFrom', { indicator: indicatorLabel(indicator, tr), baseline: options[0] }),
      subtitle: tr.t('chart.differenceSubtitle', { what, unit }),
    },
    width: 'container',
    height: 220,
    autosize: { type: 'fit-x', contains: 'padding', resize: true },
    data: { name: CHART_DATA },
    encoding: { x: weekAxis(weeks, tr), color: optionColour(options) },
    layer: [
      {
        mark: { type: 'line', strokeWidth: 2 },
        encoding: {
          y: { field: 'diff', type: 'quantitative', title: tr.t('chart.difference', { unit }), axis: { labelExpr: compactLabel(tr) } },
          strokeDash: {
            condition: { test: `datum.option === ${JSON.stringify(options[0])}`, value: [4, 3] },
            value: [1, 0],
          },
          tooltip: [
            { field: 'option', title: tr.t('chart.setting') },
            { field: 'week', title: tr.t('chart.week') },
            { field: 'diff', title: tr.t('chart.difference', { unit }), format: '+,.0f' },
          ],
        },
      },
    ],
  };
}

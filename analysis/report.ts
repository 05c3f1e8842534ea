import * as vega from 'vega';
import { INDICATORS, type IndicatorName } from '../sim/model/indicators.js';
import { differenceChart } from './charts/differenceChart.js';
import { OPTION_SCHEME } from './charts/chartStyle.js';
import { lineWithBand } from './charts/lineWithBand.js';
import { renderSvg } from './charts/renderSvg.js';
import type { ComparisonRow } from './compareOptions.js';
import { displayNumber } from './displayNumber.js';
import { escapeHtml } from './escapeHtml.js';
import { reportEnd } from './reportEnd.js';
import { KEY_INDICATORS } from './keyIndicators.js';
import { applicableIndicators } from './applicableIndicators.js';

/** The place that sums every destination country. */
const ALL = 'all';
import { REPORT_CSS } from './reportCss.js';
import type { RunRecord } from './runRecord.js';
import type { SummaryRow } from './summarise.js';
import { unitText } from './unitText.js';

/** A scenario parameter whose value is not the same under every option. */
export interface DifferingParameter {
  readonly name: string;
  /** One value per option, in option order. */
  readonly values: readonly (string | number | boolean)[];
}

/** Everything the report shows; nothing is read from disk or the clock. */
export interface ReportInput {
  readonly title: string;
  readonly question?: string;
  readonly scenarioPath: string;
  readonly scenarioText: string;
  /** Option names in order; the first is the baseline. */
  readonly options: readonly string[];
  readonly runs: readonly RunRecord[];
  /** Rows from `summarise(runs, options)`. */
  readonly summary: readonly SummaryRow[];
  /** Rows from `compareOptions(runs, options)`. */
  readonly comparison: readonly ComparisonRow[];
  readonly differingParameters: readonly DifferingParameter[];
  readonly reproduceCommand: string;
  /** Sentences about how this run went (how many replicates and why, runs that failed), shown first under "How to read". */
  readonly notes?: readonly string[];
  readonly version: string;
  readonly seed: number;
  readonly replicates: number;
  readonly years: number;
  readonly scale: number;
  readonly currency: string;
}

/** The report page and its charts, keyed by file name (`abroad.svg`, `differences.svg`). */
export interface Report {
  readonly html: string;
  readonly svgs: Map<string, string>;
}

/** File name of the differences chart in `Report.svgs`. */
export const DIFFERENCES_SVG = 'differences.svg';

/**
 * Builds the results report: one self-contained HTML page (inline style and
 * inline SVG charts, no scripts, fonts or fetches, so it works offline) with
 * the scenario's title and question, a note on how to read it, a line chart
 * with 95% bands for each key indicator (see KEY_INDICATORS), the chart and
 * table of paired differences from the baseline, the end-of-horizon summary
 * of every indicator, the parameters that differ between options, the
 * scenario text and the command that reproduces the run. The charts are also
 * returned as SVG text for the caller to write next to the page. All text is
 * escaped; the same input always gives the same bytes.
 *
 * Cost: O(runs × weeks × key indicators), mostly chart layout.
 */
export async function buildReport(input: ReportInput): Promise<Report> {
  for (const parameter of input.differingParameters) {
    if (parameter.values.length !== input.options.length) {
      throw new Error(`buildReport requires one value per option for parameter "${parameter.name}"`);
    }
  }
  const svgs = new Map<string, string>();
  const keyFigures: string[] = [];
  const applicable = applicableIndicators(input.runs);
  const keys = KEY_INDICATORS.filter((name) => applicable.includes(name));
  // Rendered one after another, so the map (and the page) list them in a fixed order.
  for (const indicator of keys) {
    const svg = await renderSvg(lineWithBand(indicator, input.runs, input.options, input.currency), indicator);
    svgs.set(`${indicator}.svg`, svg);
    keyFigures.push(`<figure id="chart-${indicator}">${svg}</figure>`);
  }
  const keyComparison = input.comparison.filter((row) => row.place === ALL && keys.includes(row.indicator));
  let differencesFigure = '';
  if (keyComparison.length > 0) {
    const svg = await renderSvg(differenceChart(keyComparison, keys, input.currency), 'differences');
    svgs.set(DIFFERENCES_SVG, svg);
    differencesFigure = `<figure id="chart-differences">${svg}</figure>`;
  }

  const weeks = input.runs.length > 0 ? input.runs[0].table.weeks : undefined;
  const countries = input.runs.length > 0 ? input.runs[0].table.places.filter((place) => place !== ALL) : [];
  const shown = INDICATORS.filter((indicator) => applicable.includes(indicator.name));
  const leftOut = INDICATORS.filter((indicator) => !applicable.includes(indicator.name)).map((indicator) => indicator.label.toLowerCase());
  const baseline = input.options[0] ?? '';
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(input.title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
<header>
<h1>${escapeHtml(input.title)}</h1>
${input.question ? `<p class="question">${escapeHtml(input.question)}</p>` : ''}
${metaList(input)}
<ol class="options">
${input.options.map((option, i) => optionItem(option, i)).join('\n')}
</ol>
<nav class="contents">
<a href="#how-to-read">How to read</a><a href="#key-charts">Key indicators</a><a href="#differences">Differences</a><a href="#summary">Summary table</a><a href="#parameters">Parameters</a><a href="#scenario">Scenario</a><a href="#reproduce">Reproduce</a>
</nav>
</header>

<section id="how-to-read">
<h2>How to read this report</h2>
<ul>
${(input.notes ?? []).map((note) => `<li>${escapeHtml(note)}</li>`).join('\n')}
<li>Each option was simulated ${escapeHtml(displayNumber(input.replicates))} times (replicates). A line is the mean over an option’s replicates; the shaded band around it is the 95% t-interval for that mean, computed week by week. The intervals in the tables are the same kind.</li>
<li>Stocks (such as migrants abroad) are counts at a point in time; flows (such as removals or remittances) are drawn per week in the charts and summed over the whole horizon in the tables.</li>
<li>Differences are paired against the first option, <strong>${escapeHtml(baseline)}</strong>: replicate <em>k</em> of every option ran with the same random seeds (common random numbers), so each difference compares like with like and its interval is much narrower than one from independent runs. A difference shown in bold has an interval that excludes zero.</li>
<li>Figures are in real people and money (${escapeHtml(input.currency)}), after scaling the simulated population by the scale factor ${escapeHtml(displayNumber(input.scale))}.</li>
<li>The intervals describe the randomness between replicates only, not uncertainty in the model’s assumptions or parameter values. A dash (\u2014) marks a figure that is not defined, such as the quota when none is in force, or an interval from a single replicate.</li>
</ul>
</section>

<section id="key-charts">
<h2>Key indicators over time</h2>
<div class="charts">
${keyFigures.join('\n')}
</div>
</section>

<section id="differences">
<h2>Differences from ${escapeHtml(baseline)}</h2>
${
  input.comparison.length > 0
    ? `${differencesFigure}
<p class="note">End-of-horizon differences (option minus ${escapeHtml(baseline)}) for every indicator, with 95% paired t-intervals.</p>
${comparisonTable(input, weeks, shown, ALL)}${
        countries.length > 1
          ? countries
              .map((country) => `\n<h3>In ${escapeHtml(country)}</h3>\n${comparisonTable(input, weeks, shown.filter((i) => keys.includes(i.name)), country)}`)
              .join('')
          : ''
      }`
    : '<p>There is only one option, so there is nothing to compare.</p>'
}
${leftOut.length > 0 ? `<p class="note">Left out because they are zero or empty in every run of this scenario: ${escapeHtml(leftOut.join(', '))}.</p>` : ''}
</section>

<section id="summary">
<h2>End-of-horizon summary</h2>
<p class="note">Mean over replicates with its 95% t-interval: stocks in the last week, flows summed over the horizon.</p>
${summaryTable(input, weeks, shown)}
</section>

<section id="parameters">
<h2>Parameters that differ between options</h2>
${parameterTable(input)}
</section>

${reportEnd(input.scenarioPath, input.scenarioText, 'runs the same scenario with the same seeds', input.version, input.reproduceCommand)}`;
  return { html, svgs };
}

function metaList(input: ReportInput): string {
  const items: [string, string][] = [
    ['Scenario file', input.scenarioPath],
    ['Model version', input.version],
    ['Options', displayNumber(input.options.length)],
    ['Replicates per option', displayNumber(input.replicates)],
    ['Horizon', `${displayNumber(input.years)} ${input.years === 1 ? 'year' : 'years'}`],
    ['Seed', String(input.seed)],
    ['Scale', displayNumber(input.scale)],
    ['Currency', input.currency],
  ];
  const entries = items.map(([term, value]) => `<div><dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd></div>`);
  return `<dl class="meta">\n${entries.join('\n')}\n</dl>`;
}

function optionItem(option: string, index: number): string {
  // The same colours, in the same order, as the charts' option scale.
  const colours = vega.scheme(OPTION_SCHEME) as string[];
  const colour = colours[index % colours.length];
  const tag = index === 0 ? '<span class="tag">baseline</span>' : '';
  return `<li><span class="swatch" style="background:${escapeHtml(colour)}"></span>${escapeHtml(option)}${tag}</li>`;
}

function indicatorHeader(indicator: (typeof INDICATORS)[number], currency: string, weeks: number | undefined): string {
  const unit = unitText(indicator.unit, currency);
  const horizon = weeks === undefined ? '' : ` ${displayNumber(weeks)}`;
  const measured = indicator.kind === 'flow' ? `total over${horizon} weeks` : `in week${horizon || ' (last)'}`;
  return `<th scope="row">${escapeHtml(indicator.label)}<span class="unit">${escapeHtml(`${unit}, ${measured}`)}</span></th>`;
}

function intervalText(low: number, high: number, signed: boolean): string {
  if (Number.isNaN(low) || Number.isNaN(high)) return '';
  return `<span class="ci">${escapeHtml(`${displayNumber(low, signed)} to ${displayNumber(high, signed)}`)}</span>`;
}

function optionHeaders(options: readonly string[]): string {
  return options.map((option) => `<th scope="col">${escapeHtml(option)}</th>`).join('');
}

function summaryTable(input: ReportInput, weeks: number | undefined, shown: readonly (typeof INDICATORS)[number][]): string {
  const rows = new Map<string, SummaryRow>(input.summary.filter((row) => row.place === ALL).map((row) => [cellKey(row.option, row.indicator), row]));
  const body = shown.map((indicator) => {
    const cells = input.options.map((option) => {
      const row = rows.get(cellKey(option, indicator.name));
      if (row === undefined) return '<td>\u2014</td>';
      return `<td><span class="value">${escapeHtml(displayNumber(row.mean))}</span>${intervalText(row.ci_low, row.ci_high, false)}</td>`;
    });
    return `<tr>${indicatorHeader(indicator, input.currency, weeks)}${cells.join('')}</tr>`;
  });
  return tableHtml(`<th scope="col">Indicator</th>${optionHeaders(input.options)}`, body);
}

function comparisonTable(input: ReportInput, weeks: number | undefined, shown: readonly (typeof INDICATORS)[number][], place: string): string {
  const compared = input.options.slice(1);
  const rows = new Map<string, ComparisonRow>(input.comparison.filter((row) => row.place === place).map((row) => [cellKey(row.option, row.indicator), row]));
  const body = shown.map((indicator) => {
    const cells = compared.map((option) => {
      const row = rows.get(cellKey(option, indicator.name));
      if (row === undefined) return '<td>\u2014</td>';
      const clear = row.ci_low > 0 || row.ci_high < 0;
      return `<td${clear ? ' class="clear"' : ''}><span class="value">${escapeHtml(displayNumber(row.mean_diff, true))}</span>${intervalText(row.ci_low, row.ci_high, true)}</td>`;
    });
    return `<tr>${indicatorHeader(indicator, input.currency, weeks)}${cells.join('')}</tr>`;
  });
  return tableHtml(`<th scope="col">Indicator</th>${optionHeaders(compared)}`, body);
}

function parameterTable(input: ReportInput): string {
  if (input.differingParameters.length === 0) {
    return '<p>The options do not differ in any parameter.</p>';
  }
  const body = input.differingParameters.map(
    (parameter) =>
      `<tr><th scope="row"><code>${escapeHtml(parameter.name)}</code></th>${parameter.values
        .map((value) => `<td class="text">${escapeHtml(String(value))}</td>`)
        .join('')}</tr>`,
  );
  return tableHtml(`<th scope="col">Parameter</th>${optionHeaders(input.options)}`, body);
}

function tableHtml(headerCells: string, bodyRows: readonly string[]): string {
  return `<div class="table-wrap"><table>
<thead><tr>${headerCells}</tr></thead>
<tbody>
${bodyRows.join('\n')}
</tbody>
</table></div>`;
}

function cellKey(option: string, indicator: IndicatorName): string {
  return `${indicator}\u0000${option}`;
}

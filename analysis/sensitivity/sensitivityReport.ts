import { renderSvg } from '../charts/renderSvg.js';
import { outputLabel, sensitivityBars } from '../charts/sensitivityBars.js';
import { displayNumber } from '../displayNumber.js';
import { escapeHtml } from '../escapeHtml.js';
import { indicatorInfo } from '../indicatorInfo.js';
import { REPORT_CSS } from '../reportCss.js';
import { reportEnd } from '../reportEnd.js';
import type { IndicatorName } from '../../sim/model/indicators.js';
import type { UncertainRange } from './sensitivityDesign.js';
import { rankDrivers } from './rankDrivers.js';
import { MAIN_MEASURE, type SensitivityMethod, type SensitivityRow } from './sensitivityRow.js';

/** Everything the sensitivity report shows; nothing is read from disk or the clock. */
export interface SensitivityReportInput {
  readonly title: string;
  readonly question?: string;
  readonly scenarioPath: string;
  readonly scenarioText: string;
  readonly method: SensitivityMethod;
  readonly samples: number;
  readonly points: number;
  readonly replicates: number;
  readonly years: number;
  readonly scale: number;
  readonly seed: number;
  readonly options: readonly string[];
  readonly ranges: readonly UncertainRange[];
  /** Where the ranges come from: the scenario's `sensitivity:` or the base's `uncertain:`. */
  readonly rangesFrom: string;
  readonly indicators: readonly IndicatorName[];
  readonly rows: readonly SensitivityRow[];
  readonly version: string;
  readonly command: string;
}

/**
 * The sensitivity report: one self-contained HTML page (inline style and SVG,
 * no scripts) naming, first, the parameters that drive each option's effect
 * against the baseline (the headline) and each option's level, then one bar
 * chart per indicator, the table of every measure, the ranges, the scenario
 * and the command that reproduces it. Same input, same bytes.
 *
 * Cost: O(rows), mostly chart layout.
 */
export async function buildSensitivityReport(input: SensitivityReportInput): Promise<{ html: string; svgs: Map<string, string> }> {
  const parameters = input.ranges.map((r) => r.name);
  const svgs = new Map<string, string>();
  const figures: string[] = [];
  for (const indicator of input.indicators) {
    const svg = await renderSvg(sensitivityBars(indicator, input.rows, input.method, parameters), `sensitivity-${indicator}`);
    svgs.set(`sensitivity-${indicator}.svg`, svg);
    figures.push(`<figure id="chart-${indicator}">${svg}</figure>`);
  }
  const measure = MAIN_MEASURE[input.method];
  const baseline = input.options[0];
  const differences = input.options.slice(1).map((option) => ({ option, baseline }));
  const levels = input.options.map((option) => ({ option, baseline: '' }));
  const methodText =
    input.method === 'sobol'
      ? `Sobol indices from a Saltelli sample of ${displayNumber(input.samples)} base rows (${displayNumber(input.points)} parameter sets). S1 is the share of an output's variance due to a parameter alone; ST adds its interactions with the others. Parameters are ranked by ST.`
      : `Morris elementary effects along ${displayNumber(input.samples)} trajectories on a 4-level grid (${displayNumber(input.points)} parameter sets). μ* is the mean absolute change of an output when a parameter moves by 2/3 of its range, expressed per full range; σ measures how much that change depends on the other parameters. Parameters are ranked by μ*.`;

  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`Sensitivity: ${input.title}`)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
<header>
<h1>${escapeHtml(`Sensitivity: ${input.title}`)}</h1>
${input.question ? `<p class="question">${escapeHtml(input.question)}</p>` : ''}
${metaList(input)}
<nav class="contents">
<a href="#drivers">Main drivers</a><a href="#charts">Charts</a><a href="#table">Table</a><a href="#ranges">Ranges</a><a href="#scenario">Scenario</a><a href="#reproduce">Reproduce</a>
</nav>
</header>

<section id="how-to-read">
<h2>How to read this report</h2>
<ul>
<li>${escapeHtml(methodText)}</li>
<li>Each parameter set was run ${escapeHtml(displayNumber(input.replicates))} times (replicates with the same seeds at every set, common random numbers) and each output is the mean over them: an option's end-of-horizon value, or its paired difference from <strong>${escapeHtml(baseline)}</strong>.</li>
<li>Intervals are 95% percentile bootstrap intervals over the ${input.method === 'sobol' ? 'base rows' : 'trajectories'}. They describe the estimate's sampling error, not the randomness between replicates, which adds noise to every output and so to every index.</li>
</ul>
</section>

<section id="drivers">
<h2>Main drivers</h2>
${differences.length > 0 ? `<h3>Effects of the options against ${escapeHtml(baseline)}</h3>\n${driverList(input, differences)}` : ''}
<h3>Levels under each option</h3>
${driverList(input, levels)}
</section>

<section id="charts">
<h2>${escapeHtml(measureLabel(measure))} by indicator</h2>
<div class="charts">
${figures.join('\n')}
</div>
</section>

<section id="table">
<h2>Every measure</h2>
<p class="note">The same figures as <code>sensitivity.csv</code>.</p>
${measureTable(input)}
</section>

<section id="ranges">
<h2>Parameter ranges</h2>
<p class="note">From ${escapeHtml(input.rangesFrom)}; each parameter is varied uniformly over its range.</p>
<div class="table-wrap"><table>
<thead><tr><th scope="col">Parameter</th><th scope="col">Low</th><th scope="col">High</th></tr></thead>
<tbody>
${input.ranges.map((r) => `<tr><th scope="row"><code>${escapeHtml(r.name)}</code></th><td>${escapeHtml(displayNumber(r.low))}</td><td>${escapeHtml(displayNumber(r.high))}</td></tr>`).join('\n')}
</tbody>
</table></div>
</section>

${reportEnd(input.scenarioPath, input.scenarioText, 'runs the same analysis with the same seeds', input.version, input.command)}`;
  return { html, svgs };
}

/** How a measure's CSV name reads on the page. */
const MEASURE_LABEL: Readonly<Record<string, string>> = { mu_star: 'μ*', mu: 'μ', sigma: 'σ', S1: 'S1', ST: 'ST' };

function measureLabel(measure: string): string {
  return MEASURE_LABEL[measure] ?? measure;
}

/** One line per output and indicator: "irregular: driven most by P (ST 0.61, 0.4 to 0.8), then Q (…)". */
function driverList(input: SensitivityReportInput, outputs: readonly { option: string; baseline: string }[]): string {
  const measure = measureLabel(MAIN_MEASURE[input.method]);
  const items: string[] = [];
  for (const output of outputs) {
    const lines = input.indicators.map((indicator) => {
      const ranked = rankDrivers(input.rows, input.method, { ...output, indicator });
      const named = ranked.filter((row) => Number.isFinite(row.estimate)).slice(0, 2);
      const label = indicatorInfo(indicator).label;
      if (named.length === 0 || named[0].estimate === 0) {
        return `<li data-indicator="${escapeHtml(indicator)}">${escapeHtml(label)}: no parameter changes it in these ranges.</li>`;
      }
      const describe = (row: SensitivityRow) =>
        `<code class="driver">${escapeHtml(row.parameter)}</code> (${escapeHtml(measure)} ${escapeHtml(displayNumber(row.estimate))}${Number.isNaN(row.ci_low) ? '' : `, ${escapeHtml(displayNumber(row.ci_low))} to ${escapeHtml(displayNumber(row.ci_high))}`})`;
      const then = named.length > 1 ? `, then ${describe(named[1])}` : '';
      return `<li data-indicator="${escapeHtml(indicator)}">${escapeHtml(label)}: driven most by ${describe(named[0])}${then}.</li>`;
    });
    items.push(`<li data-output="${escapeHtml(outputLabel(output))}"><strong>${escapeHtml(outputLabel(output))}</strong><ul>\n${lines.join('\n')}\n</ul></li>`);
  }
  return `<ul class="drivers">\n${items.join('\n')}\n</ul>`;
}

function measureTable(input: SensitivityReportInput): string {
  const body = input.rows.map(
    (row) =>
      `<tr><td class="text">${escapeHtml(outputLabel(row))}</td><td class="text">${escapeHtml(row.indicator)}</td><td class="text"><code>${escapeHtml(row.parameter)}</code></td><td class="text">${escapeHtml(measureLabel(row.measure))}</td><td>${escapeHtml(displayNumber(row.estimate))}</td><td>${Number.isNaN(row.ci_low) ? '\u2014' : escapeHtml(`${displayNumber(row.ci_low)} to ${displayNumber(row.ci_high)}`)}</td></tr>`,
  );
  return `<div class="table-wrap"><table>
<thead><tr><th scope="col">Output</th><th scope="col">Indicator</th><th scope="col">Parameter</th><th scope="col">Measure</th><th scope="col">Estimate</th><th scope="col">95% interval</th></tr></thead>
<tbody>
${body.join('\n')}
</tbody>
</table></div>`;
}

function metaList(input: SensitivityReportInput): string {
  const items: [string, string][] = [
    ['Scenario file', input.scenarioPath],
    ['Model version', input.version],
    ['Method', input.method === 'sobol' ? 'Sobol (Saltelli)' : 'Morris'],
    ['Parameter sets', displayNumber(input.points)],
    ['Replicates per set', displayNumber(input.replicates)],
    ['Horizon', `${displayNumber(input.years)} ${input.years === 1 ? 'year' : 'years'}`],
    ['Seed', String(input.seed)],
    ['Scale', displayNumber(input.scale)],
  ];
  const entries = items.map(([term, value]) => `<div><dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd></div>`);
  return `<dl class="meta">\n${entries.join('\n')}\n</dl>`;
}

import { renderSvg } from '../charts/renderSvg.js';
import { responseChart } from '../charts/responseChart.js';
import { displayNumber } from '../displayNumber.js';
import { escapeHtml } from '../escapeHtml.js';
import { KEY_INDICATORS } from '../keyIndicators.js';
import { REPORT_CSS } from '../reportCss.js';
import { reportEnd } from '../reportEnd.js';
import { sweepValueText } from './sweepCsv.js';
import type { SweepRow, SweepValue } from './sweepRow.js';

/** Everything the sweep report shows; nothing is read from disk or the clock. */
export interface SweepReportInput {
  readonly title: string;
  readonly question?: string;
  readonly scenarioPath: string;
  readonly scenarioText: string;
  readonly design: string;
  readonly options: readonly string[];
  readonly parameters: readonly string[];
  readonly points: readonly (readonly SweepValue[])[];
  readonly rows: readonly SweepRow[];
  readonly replicates: number;
  readonly years: number;
  readonly seed: number;
  readonly scale: number;
  readonly currency: string;
  readonly version: string;
  readonly command: string;
}

/**
 * The sweep report: one self-contained HTML page (inline style and SVG, no
 * scripts) with a response chart of each key indicator against each swept
 * parameter (see `responseChart`), the table of sweep points, the scenario
 * and the command that reproduces it. Same input, same bytes.
 *
 * Cost: O(rows), mostly chart layout.
 */
export async function buildSweepReport(input: SweepReportInput): Promise<{ html: string; svgs: Map<string, string> }> {
  const svgs = new Map<string, string>();
  const figures: string[] = [];
  for (const indicator of KEY_INDICATORS) {
    for (let k = 0; k < input.parameters.length; k++) {
      const name = `sweep-${indicator}-${input.parameters[k]}`;
      const svg = await renderSvg(responseChart(indicator, k, input.parameters, input.rows, input.options, input.currency), name);
      svgs.set(`${name}.svg`, svg);
      figures.push(`<figure id="chart-${escapeHtml(name)}">${svg}</figure>`);
    }
  }
  const meta: [string, string][] = [
    ['Scenario file', input.scenarioPath],
    ['Model version', input.version],
    ['Design', input.design],
    ['Points', displayNumber(input.points.length)],
    ['Options', displayNumber(input.options.length)],
    ['Replicates per point', displayNumber(input.replicates)],
    ['Horizon', `${displayNumber(input.years)} ${input.years === 1 ? 'year' : 'years'}`],
    ['Seed', String(input.seed)],
    ['Scale', displayNumber(input.scale)],
  ];
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`Sweep: ${input.title}`)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
<header>
<h1>${escapeHtml(`Sweep: ${input.title}`)}</h1>
${input.question ? `<p class="question">${escapeHtml(input.question)}</p>` : ''}
<dl class="meta">
${meta.map(([term, value]) => `<div><dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd></div>`).join('\n')}
</dl>
<nav class="contents"><a href="#responses">Responses</a><a href="#points">Points</a><a href="#scenario">Scenario</a><a href="#reproduce">Reproduce</a></nav>
</header>

<section id="how-to-read">
<h2>How to read this report</h2>
<ul>
<li>Every option was run at every point of the sweep, ${escapeHtml(displayNumber(input.replicates))} times each, with the same seeds at every point and option (common random numbers). A swept parameter takes the point’s value from the start of the run; an option’s own timeline events still apply at their month.</li>
<li>Each dot is the mean over replicates of an end-of-horizon value (stocks in the last week, flows summed over the horizon); its line is the 95% t-interval. Every indicator is in <code>sweep.csv</code>.</li>
</ul>
</section>

<section id="responses">
<h2>Responses</h2>
<div class="charts">
${figures.join('\n')}
</div>
</section>

<section id="points">
<h2>Sweep points</h2>
<div class="table-wrap"><table>
<thead><tr><th scope="col">Point</th>${input.parameters.map((p) => `<th scope="col"><code>${escapeHtml(p)}</code></th>`).join('')}</tr></thead>
<tbody>
${input.points.map((values, p) => `<tr><th scope="row">${p}</th>${values.map((v) => `<td>${escapeHtml(sweepValueText(v))}</td>`).join('')}</tr>`).join('\n')}
</tbody>
</table></div>
</section>

${reportEnd(input.scenarioPath, input.scenarioText, 'runs the same sweep with the same seeds', input.version, input.command)}`;
  return { html, svgs };
}

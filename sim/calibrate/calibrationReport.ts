import { reproduceSection } from '../../analysis/reproduceSection.js';
import { renderSvg } from '../../analysis/charts/renderSvg.js';
import { displayNumber } from '../../analysis/displayNumber.js';
import { escapeHtml } from '../../analysis/escapeHtml.js';
import { formatNumber } from '../../analysis/formatNumber.js';
import type { MeanInterval } from '../../analysis/meanInterval.js';
import { REPORT_CSS } from '../../analysis/reportCss.js';
import { ESTIMATE_COLOURS, samplesChart, targetChart } from './calibrationCharts.js';
import type { CalibrationResult } from './calibrationResult.js';
import { withinTolerance } from './targets.js';

/** File name of the search chart in `CalibrationReport.svgs`. */
export const SAMPLES_SVG = 'samples.svg';

export interface CalibrationReport {
  readonly html: string;
  /** Charts by file name: `<target>.svg` for each target, and `samples.svg`. */
  readonly svgs: Map<string, string>;
}

const CALIBRATION_CSS = `
td.miss { color: #a8321e; font-weight: 600; }
td.hit { color: #2d7a46; }
td.text, th.text { text-align: left; }
.swatch { display: inline-block; width: 0.8em; height: 0.8em; border-radius: 50%; margin-right: 0.4em; vertical-align: -0.05em; }
`;

/**
 * The calibration report: one self-contained HTML page (inline style and
 * SVG, no scripts or fetches) with the results table (each target's source
 * value, tolerance band, the model under the current and the fitted values,
 * and whether it lands in the band, misses marked), a chart per target, the
 * fitted parameters with their posterior ranges, the search chart, the
 * targets left out and why, the method, the lines a base would ship, and
 * the command that repeats the calibration. The same result always gives
 * the same bytes.
 *
 * Cost: O(samples × parameters + targets), mostly chart layout.
 */
export async function buildCalibrationReport(result: CalibrationResult, input: { version: string; command: string }): Promise<CalibrationReport> {
  const svgs = new Map<string, string>();
  const figures: string[] = [];
  for (const row of result.results) {
    const spec = targetChart(row.target, [
      { values: 'current values', ...row.current },
      { values: 'fitted values', ...row.fitted },
    ]);
    const svg = await renderSvg(spec, row.target.name);
    svgs.set(`${row.target.name}.svg`, svg);
    figures.push(`<figure id="chart-${escapeHtml(row.target.name)}">${svg}</figure>`);
  }
  // Samples are numbered within their generation: the chart numbers them over the whole search.
  const key = (s: { generation: number; index: number }) => `${s.generation}:${s.index}`;
  const acceptedKeys = new Set(result.accepted.map(key));
  const samples = await renderSvg(
    samplesChart(
      result.samples.map((s, i) => ({ ...s, index: i })),
      Object.fromEntries(result.posterior.map((p) => [p.name, p.prior])),
      new Set(result.samples.flatMap((s, i) => (acceptedKeys.has(key(s)) ? [i] : []))),
    ),
    'samples',
  );
  svgs.set(SAMPLES_SVG, samples);

  const s = result.setup;
  const misses = result.results.filter((r) => !withinTolerance(r.target, r.fitted.mean));
  const title = `Calibration of ${s.baseName}`;
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${REPORT_CSS}${CALIBRATION_CSS}</style>
</head>
<body>
<main>
<header>
<h1>${escapeHtml(title)}</h1>
<p class="question">${escapeHtml(
    misses.length === 0
      ? `With the fitted values the model lands within the tolerance of all ${result.results.length} targets.`
      : `With the fitted values the model misses ${misses.length} of ${result.results.length} targets: ${misses.map((m) => m.target.label.toLowerCase()).join('; ')}.`,
  )}</p>
${metaList(result, input.version)}
<nav class="contents">
<a href="#results">Results</a><a href="#predictive">Predictive check</a><a href="#charts">Charts</a><a href="#parameters">Fitted parameters</a><a href="#generations">Generations</a><a href="#search">Search</a><a href="#skipped">Targets left out</a><a href="#method">Method</a><a href="#base-lines">Lines for the base</a><a href="#reproduce">Reproduce</a>
</nav>
</header>

<section id="results">
<h2>Model against sources</h2>
<p class="note">Model mean over ${escapeHtml(displayNumber(s.checkReplicates))} replicates with its 95% t-interval, under the base’s current values and under the fitted values (same seeds). A value counts as close when its mean lies in the tolerance band; the bands are assumptions, stated per target. The last column counts the samples of the search whose statistic (mean over their replicates) lies in the band: none means no values of the calibrated parameters within their ranges reached it, so the miss lies elsewhere in the model or the sources.</p>
${resultsTable(result)}
<p class="note">Distance from the targets (mean squared error in units of the tolerance; 1 = on average at the edge of the band): current values ${escapeHtml(displayNumber(result.distance.current))}, fitted values ${escapeHtml(displayNumber(result.distance.fitted))}.${
  result.distance.fitted > result.distance.current
    ? ' The fitted values are further from the targets than the current values: the posterior is wide or curved (see the 90% ranges of the fitted parameters), so its mean lies where few accepted samples are, and the targets cannot all be met at once (see the misses below). They are not values to ship.'
    : ''
}</p>
${targetNotes(result)}
</section>

<section id="predictive">
<h2>Posterior predictive check</h2>
${predictiveSection(result)}
</section>

<section id="charts">
<h2>Charts</h2>
<p class="note"><span class="swatch" style="background:${ESTIMATE_COLOURS['current values']}"></span>current values <span class="swatch" style="background:${ESTIMATE_COLOURS['fitted values']}"></span>fitted values</p>
<div class="charts">
${figures.join('\n')}
</div>
</section>

<section id="parameters">
<h2>Fitted parameters</h2>
<p class="note">The fitted value is the ${s.method === 'smc' ? 'weighted ' : ''}mean of the ${escapeHtml(displayNumber(result.accepted.length))} ${s.method === 'smc' ? 'particles of the last generation' : 'accepted samples'}, rounded to 3 significant digits; the range holds the central 90% of them. A range nearly as wide as the prior means the targets do not pin the parameter down.</p>
${parameterTable(result)}
</section>

<section id="generations">
<h2>Generations</h2>
<p class="note">${
  s.method === 'smc'
    ? 'Each generation keeps the first particles within its tolerance, in the order drawn; the tolerance is the chosen quantile of the previous generation’s distances. The acceptance rate is the share of the samples simulated that came within the tolerance; the effective size is that of the importance weights. An incomplete generation (acceptance below the minimum, or the budget spent) ends the search, and the last complete one is the posterior.'
    : 'Rejection has one generation: the nearest share of the draws, whatever their distance.'
}</p>
${generationsTable(result)}
</section>

<section id="search">
<h2>Search</h2>
<figure id="chart-samples">${samples}</figure>
</section>

<section id="skipped">
<h2>Targets left out</h2>
${
  result.skipped.length === 0
    ? '<p>None.</p>'
    : `<ul>\n${result.skipped.map((t) => `<li>${escapeHtml(t.label)} (${escapeHtml(t.source)}): ${escapeHtml(t.reason)}.</li>`).join('\n')}\n</ul>`
}
</section>

<section id="method">
<h2>Method</h2>
<ul>
${methodItems(result)}
<li>Each target’s statistic is averaged over a sample’s replicates; the distance is the mean over targets of the squared error divided by the squared half-width of the tolerance band on the side of the miss (for a band of ±r × value, the squared relative error over r²).</li>
<li>Runs use scale ${escapeHtml(displayNumber(s.scale))} at the base’s potential migrants (the base uses ${escapeHtml(displayNumber(s.baseScale))}), about ${escapeHtml(displayNumber(Math.round(s.potentialMigrants / s.scale)))} agents, so that a run is quick; when <code>population.potential_migrants</code> is calibrated each sample’s scale follows its own value, so that every run has about as many agents. Counts are in people after scaling, so they do not depend on the scale except through noise.</li>
<li>The intervals describe randomness between replicates only, not the uncertainty of the sources.</li>
</ul>
</section>

<section id="base-lines">
<h2>Lines for the base</h2>
<p class="note">The fitted values as they would appear in <code>${escapeHtml(s.baseFile)}</code> under <code>set:</code>. Whether to ship them is a judgement on the table above.</p>
<pre>${escapeHtml(baseLines(result))}</pre>
</section>

${reproduceSection('repeats the calibration with the same seeds', input.version, input.command)}
</main>
</body>
</html>
`;
  return { html, svgs };
}

function metaList(result: CalibrationResult, version: string): string {
  const s = result.setup;
  const items: [string, string][] = [
    ['Base file', s.baseFile],
    ['Model version', version],
    ['Method', s.method === 'smc' ? 'ABC with sequential Monte Carlo' : 'ABC rejection'],
    ...(s.method === 'smc'
      ? ([
          ['Particles', `${displayNumber(s.smc.particles)} per generation`],
          ['Generations', `${displayNumber(result.generations.filter((g) => g.complete).length)} complete of ${displayNumber(s.smc.generations)}`],
        ] as [string, string][])
      : ([['Budget', `${displayNumber(s.budget)} samples`]] as [string, string][])),
    ['Samples simulated', displayNumber(result.samples.length)],
    ['Accepted', displayNumber(result.accepted.length)],
    ['Replicates per sample', displayNumber(s.replicates)],
    ['Check replicates', displayNumber(s.checkReplicates)],
    ['Horizon', `${displayNumber(s.years)} ${s.years === 1 ? 'year' : 'years'}`],
    ['Seed', String(s.seed)],
    ['Scale', displayNumber(s.scale)],
  ];
  const entries = items.map(([term, value]) => `<div><dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd></div>`);
  return `<dl class="meta">\n${entries.join('\n')}\n</dl>`;
}

function estimateCell(estimate: MeanInterval, inBand: boolean): string {
  const interval = Number.isNaN(estimate.ci_low)
    ? ''
    : `<span class="ci">${escapeHtml(`${displayNumber(estimate.ci_low)} to ${displayNumber(estimate.ci_high)}`)}</span>`;
  return `<td class="${inBand ? 'hit' : 'miss'}"><span class="value">${escapeHtml(displayNumber(estimate.mean))}</span>${interval}</td>`;
}

function resultsTable(result: CalibrationResult): string {
  const body = result.results.map(({ target, current, fitted }, t) => {
    const fittedIn = withinTolerance(target, fitted.mean);
    const inBand = result.samples.filter((sample) => withinTolerance(target, sample.statistics[t])).length;
    return `<tr><th scope="row">${escapeHtml(target.label)}<span class="unit">${escapeHtml(target.source)}</span></th>` +
      `<td>${escapeHtml(displayNumber(target.sourceValue))}</td>` +
      `<td>${escapeHtml(`${displayNumber(target.tolerance.low)} to ${displayNumber(target.tolerance.high)}`)}</td>` +
      estimateCell(current, withinTolerance(target, current.mean)) +
      estimateCell(fitted, fittedIn) +
      `<td class="${fittedIn ? 'hit' : 'miss'}">${fittedIn ? 'yes' : 'no: missed'}</td>` +
      `<td>${escapeHtml(`${displayNumber(inBand)} of ${displayNumber(result.samples.length)}`)}</td></tr>`;
  });
  return tableHtml(
    '<th scope="col">Target</th><th scope="col">Source value</th><th scope="col">Tolerance</th><th scope="col">Current values</th><th scope="col">Fitted values</th><th scope="col">Within tolerance</th><th scope="col">Samples within tolerance</th>',
    body,
  );
}

function targetNotes(result: CalibrationResult): string {
  const items = result.results.map(({ target: t, fitted }) => {
    const missed = withinTolerance(t, fitted.mean) ? '' : ` <strong class="miss">Missed; what keeps it out of reach:</strong> ${escapeHtml(t.whenMissed)}.`;
    return `<li><strong>${escapeHtml(t.label)}</strong>. Source: ${escapeHtml(t.derivation)}. Model: ${escapeHtml(t.measures)}. Tolerance: ${escapeHtml(t.tolerance.note)}.${missed}</li>`;
  });
  return `<ul class="note">\n${items.join('\n')}\n</ul>`;
}

function parameterTable(result: CalibrationResult): string {
  const body = result.posterior.map((p) => {
    return `<tr><th scope="row"><code>${escapeHtml(p.name)}</code></th>` +
      `<td>${escapeHtml(`${displayNumber(p.prior[0])} to ${displayNumber(p.prior[1])}`)}</td>` +
      `<td>${escapeHtml(displayNumber(result.currentValues[p.name]))}</td>` +
      `<td><span class="value">${escapeHtml(displayNumber(result.fittedValues[p.name]))}</span></td>` +
      `<td>${escapeHtml(displayNumber(p.sd))}</td>` +
      `<td>${escapeHtml(`${displayNumber(p.low)} to ${displayNumber(p.high)}`)}</td></tr>`;
  });
  return tableHtml(
    '<th scope="col">Parameter</th><th scope="col">Prior range</th><th scope="col">Current value</th><th scope="col">Fitted value</th><th scope="col">Posterior sd</th><th scope="col">90% of accepted</th>',
    body,
  );
}

function methodItems(result: CalibrationResult): string {
  const s = result.setup;
  const runs = `run for ${displayNumber(s.replicates)} seeded ${s.replicates === 1 ? 'replicate' : 'replicates'} of ${displayNumber(s.years)} ${s.years === 1 ? 'year' : 'years'} after the base’s burn-in. Every sample meets the same replicate seeds (common random numbers), so samples are compared on equal terms.`;
  if (s.method === 'rejection') {
    return [
      `<li>Approximate Bayesian computation by rejection. ${displayNumber(s.budget)} parameter vectors were drawn uniformly from the ranges in the base’s <code>uncertain:</code> (a seeded stream), each ${runs}</li>`,
      `<li>The ${displayNumber(result.accepted.length)} nearest samples (${formatNumber(s.acceptShare * 100)}% of the budget) were accepted; the largest accepted distance is ${displayNumber(result.epsilon)}.</li>`,
    ].join('\n');
  }
  return [
    `<li>Approximate Bayesian computation with sequential Monte Carlo (population Monte Carlo: Toni et al. 2009; Beaumont, Cornuet, Marin & Robert 2009). Generation 0 draws ${displayNumber(s.smc.particles)} particles uniformly from the ranges in the base’s <code>uncertain:</code>; each later generation’s tolerance is the ${formatNumber(s.smc.quantile)} quantile of the previous generation’s distances, and its proposals pick a particle of the previous generation by weight and move it with a Gaussian kernel of twice the previous generation’s weighted covariance, redrawn until inside the ranges. A proposal within the tolerance is kept, with importance weight prior / Σ w·K, until ${displayNumber(s.smc.particles)} are kept. The search stops after ${displayNumber(s.smc.generations)} generations, or at a generation whose acceptance rate falls below ${formatNumber(s.smc.minAcceptance)}${Number.isFinite(s.budget) ? `, or when ${displayNumber(s.budget)} samples have been simulated` : ''}. Every sample is ${runs}</li>`,
    `<li>Proposals are simulated in batches whose sizes follow from earlier results only, and each generation keeps the first acceptable proposals in the order drawn, so the result does not depend on the number of workers. ${displayNumber(result.samples.length)} samples were simulated; the last complete generation’s tolerance is ${displayNumber(result.epsilon)}.</li>`,
  ].join('\n');
}

function generationsTable(result: CalibrationResult): string {
  const body = result.generations.map(
    (g) =>
      `<tr><th scope="row">${g.generation}</th><td>${escapeHtml(Number.isFinite(g.tolerance) ? displayNumber(g.tolerance) : 'none (every finite distance)')}</td>` +
      `<td>${escapeHtml(displayNumber(g.simulated))}</td><td>${escapeHtml(displayNumber(g.withinTolerance))}</td>` +
      `<td>${escapeHtml(displayNumber(g.acceptanceRate))}</td><td>${escapeHtml(displayNumber(g.kept))}</td>` +
      `<td>${escapeHtml(displayNumber(g.effectiveSize))}</td><td class="${g.complete ? 'hit' : 'miss'}">${g.complete ? 'yes' : 'no'}</td></tr>`,
  );
  return tableHtml(
    '<th scope="col">Generation</th><th scope="col">Tolerance</th><th scope="col">Simulated</th><th scope="col">Within tolerance</th><th scope="col">Acceptance rate</th><th scope="col">Kept</th><th scope="col">Effective size</th><th scope="col">Complete</th>',
    body,
  );
}

function predictiveSection(result: CalibrationResult): string {
  if (result.predictive.length === 0) return '<p>Not run (<code>--predictive 0</code>).</p>';
  const draws = result.predictive[0].values.length;
  const body = result.predictive.map((p) => {
    const inBand = p.low <= p.target.tolerance.high && p.high >= p.target.tolerance.low;
    const verdict = p.belowSource === 0 ? 'all draws above the source' : p.belowSource === 1 ? 'all draws below the source' : 'the source lies among the draws';
    return `<tr><th scope="row">${escapeHtml(p.target.label)}<span class="unit">${escapeHtml(p.target.source)}</span></th>` +
      `<td>${escapeHtml(displayNumber(p.target.sourceValue))}</td>` +
      `<td>${escapeHtml(`${displayNumber(p.target.tolerance.low)} to ${displayNumber(p.target.tolerance.high)}`)}</td>` +
      `<td>${escapeHtml(displayNumber(p.median))}</td>` +
      `<td class="${inBand ? 'hit' : 'miss'}">${escapeHtml(`${displayNumber(p.low)} to ${displayNumber(p.high)}`)}</td>` +
      `<td>${escapeHtml(displayNumber(p.withinTolerance))}</td>` +
      `<td>${escapeHtml(`${displayNumber(p.belowSource)} (${verdict})`)}</td></tr>`;
  });
  return `<p class="note">${escapeHtml(displayNumber(draws))} parameter vectors drawn from the posterior by weight, each run once with a replicate seed of its own, so the spread holds both the posterior’s uncertainty and the model’s randomness. A source value far in a tail (share at or below it near 0 or 1) is one the calibrated model does not reproduce.</p>
${tableHtml(
  '<th scope="col">Target</th><th scope="col">Source value</th><th scope="col">Tolerance</th><th scope="col">Predicted median</th><th scope="col">Predicted 90% range</th><th scope="col">Share of draws within tolerance</th><th scope="col">Share at or below the source</th>',
  body,
)}`;
}

/** The `set:` lines a base would carry for the fitted values. */
export function baseLines(result: CalibrationResult): string {
  const width = Math.max(...result.parameters.map((name) => name.length + formatNumber(result.fittedValues[name]).length + 4));
  return result.parameters
    .map((name) => {
      const line = `  ${name}: ${formatNumber(result.fittedValues[name])}`;
      return `${line.padEnd(Math.max(width, 50))}# fitted by \`migsim calibrate ${result.setup.base}\` (${result.setup.method}; the report gives the command)`;
    })
    .join('\n');
}

function tableHtml(headerCells: string, bodyRows: readonly string[]): string {
  return `<div class="table-wrap"><table>
<thead><tr>${headerCells}</tr></thead>
<tbody>
${bodyRows.join('\n')}
</tbody>
</table></div>`;
}

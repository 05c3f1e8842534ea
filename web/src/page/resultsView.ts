import embed from 'vega-embed';
import { indicatorInfo } from '../../../analysis/indicatorInfo.js';
import { KEY_INDICATORS } from '../../../analysis/keyIndicators.js';
import { INDICATORS, type IndicatorName } from '../../../sim/model/indicators.js';
import { replicateSeed } from '../../../sim/model/random.js';
import type { ResolvedOption } from '../../../sim/scenario/index.js';
import { CHART_DATA, chartFormatLocale, differenceSpec, lineSpec } from '../charts.js';
import { HEADLINE_INDICATORS, verdict } from '../differenceVerdict.js';
import { el } from '../dom.js';
import { formatCompact, formatFull, formatQuantity, unitLabel } from '../i18n/formatNumbers.js';
import { optionValue } from '../leverSchedule.js';
import { leversFor } from '../levers.js';
import { valuesOver } from '../places.js';
import type { EndRow } from '../results.js';
import { watchCharts } from './chartVisibility.js';
import type { ActiveRun, ChartView, Page } from './context.js';
import { indicatorLabel, leverLabel, leverValueText, placeName, scenarioName, settingName } from './labels.js';

/**
 * The indicators a scenario charts: the report's key indicators, without
 * the control registry where no option ever has one (its chart would be a
 * flat zero).
 */
export function chartIndicators(options: readonly ResolvedOption[]): IndicatorName[] {
  const registry = options.some((option) => valuesOver(option, 'registry.enabled').some((v) => v === true));
  return KEY_INDICATORS.filter((indicator) => indicator !== 'on_registry' || registry);
}

/** Each setting's name as charts and tables show it, "A: …"/"B: …" when comparing. */
export function displayNames(page: Page, run: ActiveRun): string[] {
  const tr = page.state.translator;
  return run.settings.map((setting, i) => `${run.letters[i] ? `${run.letters[i]}: ` : ''}${settingName(run.entry, setting, tr)}`);
}

export function embedOptions(page: Page) {
  // Canvas is quick to redraw; PNG/SVG downloads only (the online editor needs the network).
  // Vega's warnings about empty data are expected while a run starts, so only errors are logged.
  return {
    actions: { export: true, source: false, compiled: false, editor: false },
    renderer: 'canvas',
    logLevel: 1,
    formatLocale: chartFormatLocale(page.state.translator.language),
  } as const;
}

/** Gives a drawn chart's menu and canvas names a screen reader can say. */
function nameChart(page: Page, container: HTMLElement, title: string): void {
  const tr = page.state.translator;
  container.querySelector('summary')?.setAttribute('aria-label', tr.t('results.chartMenu', { title }));
  const canvas = container.querySelector('canvas');
  canvas?.setAttribute('role', 'img');
  canvas?.setAttribute('aria-label', tr.t('results.chartImage', { title }));
}

/**
 * The choice of place the results show: all destination countries
 * together, or one of them. Offered only when a scenario has more than
 * one destination country; a new run starts at `all`.
 */
export function renderPlaceChoice(page: Page, run: ActiveRun): void {
  const { ui, state } = page;
  const tr = state.translator;
  const places = run.results.places;
  ui.placeChoice.hidden = places.length < 3;
  ui.resultPlace.replaceChildren(
    ...places.map((place, k) => el('option', { value: place, selected: k === run.results.place }, place === 'all' ? tr.t('results.placeAll') : placeName(place, tr))),
  );
}

/** Shows the results of the place chosen: charts, live numbers, and after a run its differences. */
export async function changePlace(page: Page): Promise<void> {
  const run = page.state.run;
  if (!run) return;
  const k = run.results.places.indexOf(page.ui.resultPlace.value);
  if (k < 0 || k === run.results.place) return;
  run.results.place = k;
  await run.chartsReady;
  if (page.state.run !== run) return;
  await redraw(page, run);
  renderMonitors(page, run);
  if (run.finished) renderEnd(page, run);
}

/** Removes every result from the page: charts, header, monitors, sentences, table. */
export function clearResults(page: Page): void {
  const { ui, state } = page;
  for (const chart of state.run?.views ?? []) chart.view.finalize();
  state.run?.chartWatch?.disconnect();
  if (state.run) state.run.views = [];
  ui.charts.replaceChildren();
  ui.differenceChart.replaceChildren();
  ui.difference.hidden = true;
  ui.differenceTable.hidden = true;
  ui.differenceTable.tHead!.replaceChildren();
  ui.differenceTable.tBodies[0].replaceChildren();
  ui.sentences.replaceChildren();
  ui.monitors.hidden = true;
  ui.monitors.replaceChildren();
  ui.placeChoice.hidden = true;
  ui.resultPlace.replaceChildren();
  ui.resultsHeader.replaceChildren(el('p', { class: 'muted' }, state.translator.t('results.empty')));
}

/** The header that names a run's results: scenario, settings, changed levers, seed, replicates, and a caution for one replicate. */
export function renderHeader(page: Page, run: ActiveRun): void {
  const tr = page.state.translator;
  const names = displayNames(page, run);
  const levers = leversFor(page.state.use, run.entry.scenario.options[0].params);
  const changes = run.settings.flatMap((setting, i) =>
    setting.changed.map((param) => {
      const lever = levers.find((l) => l.param === param);
      const value = optionValue(setting, param);
      return lever === undefined ? param : `${names[i]} — ${leverLabel(lever, tr)}: ${leverValueText(lever, value, run.currency, tr)}`;
    }),
  );
  const row = (term: string, ...value: (Node | string)[]) => [el('dt', {}, term), el('dd', {}, ...value)];
  page.ui.resultsHeader.replaceChildren(
    el(
      'dl',
      { class: 'results-header' },
      ...row(tr.t('results.scenario'), scenarioName(run.entry, tr)),
      ...row(tr.t('results.settings'), names.join('; ')),
      ...row(tr.t('results.changed'), changes.length === 0 ? tr.t('results.noChanges') : changes.join('; ')),
      ...row(tr.t('results.seed'), String(run.seed)),
      ...row(tr.t('results.replicates'), String(run.replicates)),
    ),
    run.replicates < 2
      ? el('p', { class: 'caution', 'data-testid': 'one-replicate' }, tr.t('results.oneReplicate'))
      : el('p', { class: 'muted' }, tr.t('results.intervals', { replicates: run.replicates })),
    // The seeds are the model's own (replicateSeed), so the command line reproduces each run.
    el('p', { class: 'muted' }, tr.t('run.seedsNote', { last: run.replicates - 1, seeds: Array.from({ length: run.replicates }, (_, k) => replicateSeed(run.seed, k)).join(', ') })),
  );
}

/** Embeds the run's charts (lines of every key indicator; the difference chart when there are two settings or more). */
export async function buildCharts(page: Page, run: ActiveRun): Promise<void> {
  const { ui, state } = page;
  const tr = state.translator;
  const names = displayNames(page, run);
  const weeks = run.results.weeks;
  ui.charts.replaceChildren();
  ui.difference.hidden = names.length < 2;
  const embeds: Promise<ChartView | undefined>[] = [];
  const show = async (container: HTMLElement, kind: ChartView['kind'], indicator: IndicatorName, spec: Parameters<typeof embed>[1], title: string) => {
    const result = await embed(container, spec, embedOptions(page));
    if (state.run !== run) {
      result.finalize();
      return undefined;
    }
    nameChart(page, container, title);
    return { kind, indicator, view: result.view, container, onScreen: true, stale: false };
  };
  for (const indicator of run.indicators) {
    const title = indicatorLabel(indicator, tr);
    const container = el('figure', { class: 'chart', 'data-testid': 'chart', 'data-kind': 'line', 'data-indicator': indicator, 'aria-label': title });
    ui.charts.append(container);
    embeds.push(show(container, 'line', indicator, lineSpec(indicator, names, weeks, run.currency, run.replicates, tr), title));
  }
  if (names.length >= 2) {
    const indicator = ui.differenceIndicator.value as IndicatorName;
    ui.differenceChart.dataset.indicator = indicator;
    ui.differenceChart.setAttribute('aria-label', indicatorLabel(indicator, tr));
    embeds.push(show(ui.differenceChart, 'difference', indicator, differenceSpec(indicator, names, weeks, run.currency, tr), indicatorLabel(indicator, tr)));
  }
  const views = (await Promise.all(embeds)).filter((v): v is ChartView => v !== undefined);
  if (state.run !== run) {
    for (const chart of views) chart.view.finalize();
    return;
  }
  run.views = views;
  watchCharts(run, (chart) => void drawChart(run, chart, displayNames(page, run)));
  await redraw(page, run);
}

/**
 * Sends the results so far to every chart, with settings under their
 * display names. With `onScreenOnly` (live redraws while a run goes on),
 * charts scrolled out of sight are only marked stale: they are drawn when
 * they come into sight, and all are drawn at the end of the run.
 */
export async function redraw(page: Page, run: ActiveRun, onScreenOnly = false): Promise<void> {
  run.lastRedraw = performance.now();
  const names = displayNames(page, run);
  await Promise.all(
    run.views.map((chart) => {
      if (!onScreenOnly || chart.onScreen) return drawChart(run, chart, names);
      chart.stale = true;
      return undefined;
    }),
  );
}

/** Sends the results so far to one chart, with settings under their display `names`. */
async function drawChart(run: ActiveRun, chart: ChartView, names: readonly string[]): Promise<void> {
  const named = <T extends { option: string }>(points: T[]): T[] => points.map((p) => ({ ...p, option: names[Number(p.option)] }));
  chart.stale = false;
  await chart.view
    .data(CHART_DATA, chart.kind === 'line' ? named(run.results.linePoints(chart.indicator)) : named(run.results.differencePoints(chart.indicator)))
    .runAsync();
}

/** Swaps the difference chart for another indicator. */
export async function changeDifferenceIndicator(page: Page): Promise<void> {
  const { state, ui } = page;
  const run = state.run;
  if (!run || run.settings.length < 2) return;
  const indicator = ui.differenceIndicator.value as IndicatorName;
  const old = run.views.find((v) => v.kind === 'difference');
  const title = indicatorLabel(indicator, state.translator);
  const result = await embed(ui.differenceChart, differenceSpec(indicator, displayNames(page, run), run.results.weeks, run.currency, state.translator), embedOptions(page));
  if (state.run !== run) {
    result.finalize();
    return;
  }
  ui.differenceChart.dataset.indicator = indicator;
  nameChart(page, ui.differenceChart, title);
  old?.view.finalize();
  run.views = [...run.views.filter((v) => v !== old), { kind: 'difference', indicator, view: result.view, container: ui.differenceChart, onScreen: old?.onScreen ?? true, stale: false }];
  await redraw(page, run);
}

/** Live numbers of the latest week every run of a setting has reached. */
export function renderMonitors(page: Page, run: ActiveRun): void {
  const { ui, state } = page;
  const tr = state.translator;
  const names = displayNames(page, run);
  const shown: IndicatorName[] = ['abroad', 'legal', 'irregular', 'employed_informal', ...(run.indicators.includes('on_registry') ? (['on_registry'] as const) : [])];
  const rows = run.settings.map((_, s) => {
    const jobs = run.results.jobs.filter((job) => job.setting === s);
    const week = Math.min(...jobs.map((job) => run.results.reached[job.id]));
    return { s, week, jobs };
  });
  const week = Math.max(0, Math.min(...rows.map((r) => r.week)));
  ui.monitors.hidden = false;
  ui.monitors.replaceChildren(
    el('p', { class: 'monitor-week' }, `${tr.t('monitors.heading')}: ${tr.t('monitors.week', { week, weeks: run.results.weeks })}`),
    el(
      'div',
      { class: 'table-wrap' },
      el(
      'table',
      { class: 'monitor-table' },
      el('caption', {}, tr.t('monitors.caption')),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, tr.t('results.settings')), ...shown.map((i) => el('th', { scope: 'col' }, indicatorLabel(i, tr))))),
      el(
        'tbody',
        {},
        ...rows.map((row) =>
          el(
            'tr',
            {},
            el('th', { scope: 'row' }, names[row.s]),
            ...shown.map((indicator) => {
              if (row.week < 0) return el('td', {}, '—');
              const column = INDICATORS.findIndex((i) => i.name === indicator);
              const values = row.jobs.map((job) => run.results.value(job.id, row.week, column));
              const mean = values.reduce((a, b) => a + b, 0) / values.length;
              return el('td', {}, formatFull(Math.round(mean), tr.language));
            }),
          ),
        ),
      ),
    ),
    ),
  );
}

/** One sentence for a setting's difference from the first setting, with its interval or a caution. */
export function differenceSentence(page: Page, run: ActiveRun, row: EndRow, names: readonly string[]): string {
  const tr = page.state.translator;
  const unit = indicatorInfo(row.indicator).unit;
  const amount = (value: number, signed = false) => formatQuantity(value, unit, run.currency, tr, { signed });
  // Interval ends without the unit, which the amount before them already gives.
  const end = (value: number, signed = false) => formatCompact(value, tr, signed);
  const values = { setting: names[Number(row.option)], baseline: names[0], indicator: indicatorLabel(row.indicator, tr) };
  const v = verdict(row);
  if (v === 'rose') return tr.t('results.rose', { ...values, amount: amount(row.diff), low: end(row.diff_low), high: end(row.diff_high) });
  if (v === 'fell') return tr.t('results.fell', { ...values, amount: amount(-row.diff), low: end(-row.diff_high), high: end(-row.diff_low) });
  if (v === 'unclear') return tr.t('results.unclear', { ...values, amount: amount(row.diff, true), low: end(row.diff_low, true), high: end(row.diff_high, true) });
  if (v === 'tooFew') return tr.t('results.tooFew', { ...values, amount: amount(row.diff, true) });
  return tr.t('results.same', values);
}

/** After a run: a sentence per key difference, and the table of end values and differences. */
export function renderEnd(page: Page, run: ActiveRun): void {
  const { ui, state } = page;
  const tr = state.translator;
  const names = displayNames(page, run);
  const rows = run.results.endRows(run.indicators);
  const headline = run.results.endRows(HEADLINE_INDICATORS.filter((i) => run.indicators.includes(i) || i === 'legal' || i === 'abroad'));
  const partial = !run.results.complete();
  ui.sentences.replaceChildren(
    ...(partial ? [el('p', { class: 'caution' }, tr.t('results.partial'))] : []),
    ...(names.length < 2
      ? []
      : [
          el('h4', {}, tr.t('results.keyDifferences')),
          ...run.settings.slice(1).map((_, k) =>
            el(
              'ul',
              { class: 'sentences-list' },
              ...headline.filter((row) => row.option === String(k + 1)).map((row) => el('li', { 'data-testid': 'sentence', 'data-verdict': verdict(row) }, differenceSentence(page, run, row, names))),
            ),
          ),
        ]),
  );
  const thead = ui.differenceTable.tHead!;
  thead.replaceChildren(
    el('tr', {}, el('th', { scope: 'col' }, tr.t('results.indicator')), ...names.map((name, i) => el('th', { scope: 'col' }, i === 0 ? name : tr.t('results.difference', { name })))),
  );
  ui.differenceTable.tBodies[0].replaceChildren(
    ...run.indicators.map((indicator) => {
      const info = indicatorInfo(indicator);
      const unit = unitLabel(info.unit, run.currency, tr);
      const what = [unit, info.kind === 'flow' ? tr.t('results.total') : ''].filter((x) => x !== '').join(', ');
      return el(
        'tr',
        {},
        el('th', { scope: 'row' }, what === '' ? indicatorLabel(indicator, tr) : `${indicatorLabel(indicator, tr)} (${what})`),
        ...names.map((_, i) => {
          const row = rows.find((r) => r.indicator === indicator && r.option === String(i));
          if (!row) return el('td', {}, '—');
          const mean = formatCompact(row.mean, tr);
          if (i === 0) return el('td', {}, mean);
          const diff = formatCompact(row.diff, tr, true);
          const interval = Number.isNaN(row.diff_low) ? '' : ` [${formatCompact(row.diff_low, tr, true)}, ${formatCompact(row.diff_high, tr, true)}]`;
          return el('td', {}, `${mean} (${diff}${interval})`);
        }),
      );
    }),
  );
  ui.differenceTable.hidden = false;
}

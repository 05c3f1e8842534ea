import embed from 'vega-embed';
import type { View } from 'vega';
import rules from 'virtual:rules';
import bundled from 'virtual:scenarios';
import { displayNumber } from '../../analysis/displayNumber.js';
import { indicatorInfo } from '../../analysis/indicatorInfo.js';
import { KEY_INDICATORS } from '../../analysis/keyIndicators.js';
import { unitText } from '../../analysis/unitText.js';
import { INDICATORS, type IndicatorName } from '../../sim/model/indicators.js';
import type { ParamDef, ParamValue } from '../../sim/model/params/paramDef.js';
import { ScenarioError, type ResolvedOption } from '../../sim/scenario/index.js';
import { CHART_DATA, differenceSpec, lineSpec } from './charts.js';
import { byId, el, proseBlocks, slug } from './dom.js';
import { exportYaml } from './exportScenario.js';
import { GLOSSARY } from './glossary.js';
import { leversFor, parseLeverNumber, sameValue, type Lever } from './levers.js';
import { groupMechanisms } from './mechanisms.js';
import { RunResults } from './results.js';
import { runJobs, type RunHandle } from './runPool.js';
import { openingComment, readScenario, resolveBase, shippedLibrary, type LibraryEntry } from './scenarioLibrary.js';
import { allOptions, leverSetting, planJobs, type Setting } from './settings.js';

/** Weeks per batch of rows a worker posts while it runs. */
const ROWS_PER_POST = 4;
/** Shortest time between two redraws of the charts while a run goes on. */
const REDRAW_MS = 250;
const MAX_PAGE_REPLICATES = 5;
const DEFAULT_SCENARIO = 'classroom';
const WIDTH = INDICATORS.length;
/**
 * Charts are drawn on canvas (quick to redraw) and offer PNG/SVG downloads
 * only (the online editor needs the network). Vega's warnings about empty
 * data are expected while a run starts, so only errors are logged.
 */
const EMBED_OPTIONS = { actions: { export: true, source: false, compiled: false, editor: false }, renderer: 'canvas', logLevel: 1 } as const;

interface ChartView {
  readonly kind: 'line' | 'difference';
  readonly indicator: IndicatorName;
  readonly view: View;
}

/** A run in progress or finished: what ran, its results and charts. */
interface ActiveRun {
  readonly token: number;
  readonly settings: readonly Setting[];
  readonly results: RunResults;
  readonly started: number;
  readonly currency: string;
  handle: RunHandle | undefined;
  /** Settles when the charts are embedded and can take data. */
  chartsReady: Promise<void>;
  views: ChartView[];
  finished: boolean;
  redrawPending: boolean;
  lastRedraw: number;
}

const library = shippedLibrary(bundled.scenarios, bundled.bases);
const entries: LibraryEntry[] = library.entries;
let importCount = 0;

const state = {
  entry: entries.find((e) => e.key === DEFAULT_SCENARIO) ?? entries[0],
  option: 0,
  levers: [] as Lever[],
  values: {} as Record<string, ParamValue>,
  /** Lever values that do not parse, by parameter, with the message shown. */
  errors: new Map<string, string>(),
  run: undefined as ActiveRun | undefined,
  runToken: 0,
};

const ui = {
  scenario: byId<HTMLSelectElement>('scenario'),
  question: byId('question'),
  description: byId('description'),
  notes: byId('notes'),
  notesBox: byId<HTMLDetailsElement>('notes-box'),
  importInput: byId<HTMLInputElement>('import'),
  problems: byId('problems'),
  option: byId<HTMLSelectElement>('option'),
  timeline: byId('timeline'),
  levers: byId('levers'),
  changed: byId('changed'),
  reset: byId<HTMLButtonElement>('reset'),
  exportButton: byId<HTMLButtonElement>('export'),
  exportBox: byId<HTMLDetailsElement>('export-box'),
  exportText: byId('export-text'),
  replicates: byId<HTMLSelectElement>('replicates'),
  seed: byId<HTMLInputElement>('seed'),
  run: byId<HTMLButtonElement>('run'),
  stop: byId<HTMLButtonElement>('stop'),
  compareA: byId<HTMLSelectElement>('compare-a'),
  compareB: byId<HTMLSelectElement>('compare-b'),
  compare: byId<HTMLButtonElement>('compare'),
  status: byId('status'),
  seeds: byId('seeds'),
  charts: byId('charts'),
  difference: byId('difference'),
  differenceIndicator: byId<HTMLSelectElement>('difference-indicator'),
  differenceChart: byId('difference-chart'),
  differenceTable: byId<HTMLTableElement>('difference-table'),
  mechanisms: byId('mechanisms'),
  glossary: byId('glossary'),
};

// ── Scenario ────────────────────────────────────────────────────────────

function currency(): string {
  return String(currentOption().params.currency ?? '');
}

function currentOption(): ResolvedOption {
  return state.entry.scenario.options[state.option];
}

function fillScenarioSelect(): void {
  ui.scenario.replaceChildren(
    ...entries.map((entry) =>
      el('option', { value: entry.key, selected: entry === state.entry }, entry.imported ? `Imported: ${entry.scenario.name}` : entry.scenario.name),
    ),
  );
}

function selectScenario(entry: LibraryEntry): void {
  state.entry = entry;
  const { scenario } = entry;
  ui.scenario.value = entry.key;
  ui.question.textContent = scenario.question || scenario.description;
  ui.description.textContent = scenario.question ? scenario.description : '';
  ui.notes.textContent = entry.notes || 'This file has no opening comment.';
  ui.option.replaceChildren(...scenario.options.map((option, i) => el('option', { value: i }, option.name)));
  // One replicate by default, so that a first run takes seconds; more show the spread between runs.
  ui.replicates.value = '1';
  ui.seed.value = String(scenario.seed);
  selectOption(0);
}

function selectOption(index: number): void {
  state.option = index;
  ui.option.value = String(index);
  const option = currentOption();
  state.levers = leversFor(option.params);
  state.values = Object.fromEntries(state.levers.map((l) => [l.param, option.params[l.param]]));
  state.errors.clear();
  ui.timeline.textContent =
    option.events.length === 0
      ? 'This option changes nothing during the run.'
      : `During the run: ${option.events.map((e) => `month ${e.month}: ${Object.entries(e.set).map(([k, v]) => `${k} = ${formatPlain(v)}`).join(', ')}`).join('; ')}. These changes apply on top of the levers.`;
  renderLevers();
  fillCompareSelects();
}

function formatPlain(value: ParamValue): string {
  if (value === null) return 'none';
  if (typeof value === 'number') return displayNumber(value);
  return String(value);
}

// ── Levers ──────────────────────────────────────────────────────────────

/** A lever's value for people: "126 000 permits per year", "no quota", "yes". */
function formatValue(def: ParamDef, value: ParamValue): string {
  if (value === null) return def.name === 'quota.annual' ? 'no quota' : 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return value;
  const unit = unitText(def.unit, currency());
  return unit === 'factor' || unit === 'share' ? displayNumber(value) : `${displayNumber(value)} ${unit}`;
}

function renderLevers(): void {
  const groups = new Map<string, HTMLFieldSetElement>();
  ui.levers.replaceChildren();
  state.levers.forEach((lever, k) => {
    let group = groups.get(lever.group);
    if (group === undefined) {
      group = el('fieldset', { class: 'group' }, el('legend', {}, lever.group));
      groups.set(lever.group, group);
      ui.levers.append(group);
    }
    group.append(leverBlock(lever, `lever-${k}`));
  });
  updateLeverMarks();
}

function leverBlock(lever: Lever, id: string): HTMLElement {
  const { def } = lever;
  const value = state.values[lever.param];
  const shown = el('span', { class: 'value', 'data-value-of': lever.param });
  const explain = el(
    'p',
    { class: 'explain', id: `${id}-explain` },
    `${def.meaning} `,
    el('cite', {}, `Source: ${def.source}.`),
  );
  const error = el('p', { class: 'error', id: `${id}-error`, hidden: true });
  const described = `${id}-explain ${id}-error`;
  const block = el('div', { class: 'lever', 'data-lever': lever.param });

  if (lever.control === 'checkbox') {
    const input = el('input', { type: 'checkbox', id, 'data-param': lever.param, 'aria-describedby': described, checked: value === true });
    input.addEventListener('change', () => setValue(lever, input.checked));
    block.append(el('div', { class: 'check' }, input, el('label', { for: id }, `${lever.label} — `, shown)), explain, error);
    return block;
  }

  const label = el('label', { for: id }, `${lever.label} — `, shown);
  if (lever.control === 'select') {
    const select = el(
      'select',
      { id, 'data-param': lever.param, 'aria-describedby': described },
      ...(def.values ?? []).map((choice) => el('option', { value: choice, selected: choice === value }, choice)),
    );
    select.addEventListener('change', () => setValue(lever, select.value));
    block.append(label, select, explain, error);
    return block;
  }

  if (lever.control === 'range') {
    const range = el('input', {
      type: 'range',
      id,
      'data-param': lever.param,
      min: lever.min,
      max: lever.max,
      step: lever.step,
      value: Number(value),
      'aria-describedby': described,
    });
    range.addEventListener('input', () => setValue(lever, Number(range.value)));
    block.append(label, range, explain, error);
    return block;
  }

  const number = el('input', {
    type: 'number',
    id,
    'data-param': lever.param,
    min: lever.min,
    max: lever.max,
    step: lever.step ?? 'any',
    value: value === null ? '' : Number(value),
    'aria-describedby': described,
  });
  const readNumber = (): void => {
    const parsed = parseLeverNumber(def, number.value);
    if ('error' in parsed) setError(lever, parsed.error);
    else setValue(lever, parsed.value);
  };
  number.addEventListener('input', readNumber);

  if (lever.control === 'quota') {
    const noneId = `${id}-none`;
    const none = el('input', { type: 'checkbox', id: noneId, 'data-param': lever.param, 'data-none': true, checked: value === null });
    number.disabled = value === null;
    if (value === null) number.value = String(lastQuota());
    none.addEventListener('change', () => {
      number.disabled = none.checked;
      if (none.checked) setValue(lever, null);
      else readNumber();
    });
    block.append(label, el('div', { class: 'quota-row' }, number, el('div', { class: 'check' }, none, el('label', { for: noneId }, 'No quota'))), explain, error);
    return block;
  }
  block.append(label, number, explain, error);
  return block;
}

/** A quota to offer when a student turns the quota on: the option's, else the base's, else a round number. */
function lastQuota(): number {
  for (const option of state.entry.scenario.options) {
    const quota = option.params['quota.annual'];
    if (typeof quota === 'number') return quota;
  }
  return 100000;
}

function setValue(lever: Lever, value: ParamValue): void {
  state.values[lever.param] = value;
  state.errors.delete(lever.param);
  updateLeverMarks();
}

function setError(lever: Lever, message: string): void {
  state.errors.set(lever.param, message);
  updateLeverMarks();
}

/** Shows each lever's value, marks those changed from the option and those with an error. */
function updateLeverMarks(): void {
  const option = currentOption().params;
  for (const lever of state.levers) {
    const block = ui.levers.querySelector<HTMLElement>(`[data-lever="${CSS.escape(lever.param)}"]`);
    if (!block) continue;
    const value = state.values[lever.param];
    const changed = !sameValue(value, option[lever.param]);
    const shown = block.querySelector<HTMLElement>('.value')!;
    shown.textContent = formatValue(lever.def, value) + (changed ? ` (option: ${formatValue(lever.def, option[lever.param])})` : '');
    shown.classList.toggle('changed', changed);
    const message = state.errors.get(lever.param);
    const error = block.querySelector<HTMLElement>('.error')!;
    error.hidden = message === undefined;
    error.textContent = message ?? '';
    block.querySelectorAll('input[type="number"]').forEach((input) => input.setAttribute('aria-invalid', String(message !== undefined)));
  }
  const setting = leverSetting(currentOption(), state.levers, state.values);
  ui.changed.textContent =
    setting.changed.length === 0 ? 'The levers show the option as it is.' : `Changed: ${setting.changed.length} setting${setting.changed.length === 1 ? '' : 's'}.`;
  fillCompareSelects();
}

// ── Running ─────────────────────────────────────────────────────────────

function leverSettingNow(): Setting & { changed: string[] } {
  return leverSetting(currentOption(), state.levers, state.values);
}

/** Seed and replicates from the page, or a message. */
function runSettings(): { seed: number; replicates: number } | string {
  if (state.errors.size > 0) return `Fix the highlighted settings first (${[...state.errors.keys()].join(', ')}).`;
  const seed = Number(ui.seed.value);
  if (ui.seed.value.trim() === '' || !Number.isSafeInteger(seed) || seed < 0) return 'The seed must be a whole number ≥ 0.';
  return { seed, replicates: Number(ui.replicates.value) };
}

function fillCompareSelects(): void {
  const choices = (selected: string) => [
    el('option', { value: 'levers', selected: selected === 'levers' }, `Your settings (${leverSettingNow().name})`),
    ...state.entry.scenario.options.map((option, i) =>
      el('option', { value: `option:${i}`, selected: selected === `option:${i}` }, `Option as shipped: ${option.name}`),
    ),
  ];
  const a = ui.compareA.value || 'option:0';
  const b = ui.compareB.value || 'levers';
  const valid = (v: string) => v === 'levers' || Number(v.slice(7)) < state.entry.scenario.options.length;
  ui.compareA.replaceChildren(...choices(valid(a) ? a : 'option:0'));
  ui.compareB.replaceChildren(...choices(valid(b) ? b : 'levers'));
}

function compareChoice(value: string, letter: string): Setting {
  if (value === 'levers') {
    const setting = leverSettingNow();
    return { ...setting, name: `${letter}: ${setting.changed.length === 0 ? setting.name : `your settings (${setting.name})`}` };
  }
  const option = state.entry.scenario.options[Number(value.slice(7))];
  return { name: `${letter}: ${option.name}`, params: option.params, events: option.events };
}

function workerCount(): number {
  return Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2));
}

function startRun(settings: Setting[]): void {
  const chosen = runSettings();
  if (typeof chosen === 'string') {
    ui.status.textContent = chosen;
    return;
  }
  stopRun(false);
  for (const chart of state.run?.views ?? []) chart.view.finalize();
  const { scenario } = state.entry;
  const jobs = planJobs(settings, chosen.replicates, chosen.seed, scenario.years);
  const weeks = jobs[0]?.weeks ?? 0;
  const run: ActiveRun = {
    token: ++state.runToken,
    settings,
    results: new RunResults(
      settings.map((s) => s.name),
      jobs,
      weeks,
    ),
    started: performance.now(),
    currency: currency(),
    handle: undefined,
    chartsReady: Promise.resolve(),
    views: [],
    finished: false,
    redrawPending: false,
    lastRedraw: 0,
  };
  state.run = run;
  const which = chosen.replicates === 1 ? 'replicate 0' : `replicates 0–${chosen.replicates - 1}`;
  ui.seeds.textContent = `Replicate k uses the seed "migsim:${chosen.seed}:k" for every setting, so settings are compared on the same random draws (${which}).`;
  setRunning(true);
  setStatus(run);
  run.chartsReady = buildCharts(run, chosen.replicates).catch((error: unknown) => {
    ui.status.textContent = `The charts could not be drawn: ${error instanceof Error ? error.message : String(error)}`;
  });
  run.handle = runJobs(jobs, workerCount(), ROWS_PER_POST, {
    rows(job, fromWeek, rows) {
      run.results.add(job, fromWeek, rows);
      scheduleRedraw(run);
    },
    jobDone() {
      setStatus(run);
    },
    finished() {
      void finishRun(run);
    },
    failed(message) {
      run.finished = true;
      setRunning(false);
      ui.status.textContent = `The run failed: ${message}`;
    },
  });
}

async function finishRun(run: ActiveRun): Promise<void> {
  const seconds = (performance.now() - run.started) / 1000;
  run.finished = true;
  await run.chartsReady;
  await redraw(run);
  if (state.run !== run) return;
  fillDifferenceTable(run);
  setRunning(false);
  const jobs = run.results.jobs.length;
  const shape = run.settings.length > 1 ? `${run.settings.length} settings × ${jobs / run.settings.length} replicate${jobs / run.settings.length === 1 ? '' : 's'}: ` : '';
  ui.status.textContent = `${shape}${jobs} run${jobs === 1 ? '' : 's'} of ${run.results.weeks} weeks in ${seconds.toFixed(1)} s — done`;
}

function stopRun(report: boolean): void {
  const run = state.run;
  if (!run || run.finished) return;
  run.handle?.stop();
  run.finished = true;
  setRunning(false);
  if (report) {
    const seconds = (performance.now() - run.started) / 1000;
    const complete = run.results.reached.filter((w) => w === run.results.weeks).length;
    ui.status.textContent = `Stopped after ${seconds.toFixed(1)} s (${complete} of ${run.results.jobs.length} runs finished).`;
    void run.chartsReady
      .then(() => redraw(run))
      .then(() => {
        if (state.run === run) fillDifferenceTable(run);
      });
  }
}

function setRunning(running: boolean): void {
  // Keyboard users keep their place: focus moves to the button that is usable now.
  const focused = document.activeElement;
  ui.run.disabled = running;
  ui.compare.disabled = running;
  ui.stop.disabled = !running;
  if (running && (focused === ui.run || focused === ui.compare)) ui.stop.focus();
  if (!running && focused === ui.stop) ui.run.focus();
}

function setStatus(run: ActiveRun): void {
  if (run.finished) return;
  const { results } = run;
  const total = results.jobs.length * (results.weeks + 1);
  const done = results.reached.filter((w) => w === results.weeks).length;
  const percent = total === 0 ? 100 : Math.floor((100 * results.weeksDone()) / total);
  const seconds = (performance.now() - run.started) / 1000;
  const progress = percent === 0 ? 'burn-in before week 0' : `${percent}% of the weeks`;
  ui.status.textContent = `Running: ${done} of ${results.jobs.length} runs finished, ${progress} (${seconds.toFixed(1)} s)…`;
}

// ── Charts ──────────────────────────────────────────────────────────────

async function buildCharts(run: ActiveRun, replicates: number): Promise<void> {
  const names = run.settings.map((s) => s.name);
  const weeks = run.results.weeks;
  ui.charts.replaceChildren();
  ui.difference.hidden = names.length < 2;
  const embeds: Promise<ChartView | undefined>[] = [];
  const show = async (container: HTMLElement, kind: ChartView['kind'], indicator: IndicatorName, spec: Parameters<typeof embed>[1]) => {
    const result = await embed(container, spec, EMBED_OPTIONS);
    if (state.run !== run) {
      result.finalize();
      return undefined;
    }
    return { kind, indicator, view: result.view };
  };
  for (const indicator of KEY_INDICATORS) {
    const container = el('figure', { class: 'chart', 'data-testid': 'chart', 'data-kind': 'line', 'data-indicator': indicator, 'aria-label': `Chart: ${indicatorInfo(indicator).label}` });
    ui.charts.append(container);
    embeds.push(show(container, 'line', indicator, lineSpec(indicator, names, weeks, run.currency, replicates)));
  }
  if (names.length >= 2) {
    const indicator = ui.differenceIndicator.value as IndicatorName;
    ui.differenceChart.dataset.indicator = indicator;
    embeds.push(show(ui.differenceChart, 'difference', indicator, differenceSpec(indicator, names, weeks, run.currency)));
  }
  const views = (await Promise.all(embeds)).filter((v): v is ChartView => v !== undefined);
  if (state.run !== run) {
    for (const chart of views) chart.view.finalize();
    return;
  }
  run.views = views;
  await redraw(run);
}

function scheduleRedraw(run: ActiveRun): void {
  if (run.redrawPending) return;
  run.redrawPending = true;
  const wait = Math.max(0, REDRAW_MS - (performance.now() - run.lastRedraw));
  setTimeout(() => {
    run.redrawPending = false;
    if (state.run !== run || run.finished) return;
    setStatus(run);
    void redraw(run);
  }, wait);
}

async function redraw(run: ActiveRun): Promise<void> {
  run.lastRedraw = performance.now();
  await Promise.all(
    run.views.map((chart) =>
      chart.view
        .data(CHART_DATA, chart.kind === 'line' ? run.results.linePoints(chart.indicator) : run.results.differencePoints(chart.indicator))
        .runAsync(),
    ),
  );
}

async function changeDifferenceIndicator(): Promise<void> {
  const run = state.run;
  if (!run || run.settings.length < 2) return;
  const indicator = ui.differenceIndicator.value as IndicatorName;
  const old = run.views.find((v) => v.kind === 'difference');
  const names = run.settings.map((s) => s.name);
  const result = await embed(ui.differenceChart, differenceSpec(indicator, names, run.results.weeks, run.currency), EMBED_OPTIONS);
  if (state.run !== run) {
    result.finalize();
    return;
  }
  ui.differenceChart.dataset.indicator = indicator;
  old?.view.finalize();
  run.views = [...run.views.filter((v) => v !== old), { kind: 'difference', indicator, view: result.view }];
  await redraw(run);
}

function fillDifferenceTable(run: ActiveRun): void {
  const names = run.settings.map((s) => s.name);
  const rows = run.results.endRows(KEY_INDICATORS);
  const thead = ui.differenceTable.tHead!;
  const tbody = ui.differenceTable.tBodies[0];
  thead.replaceChildren(
    el(
      'tr',
      {},
      el('th', { scope: 'col' }, 'Indicator'),
      ...names.map((name, i) => el('th', { scope: 'col' }, i === 0 ? name : `${name} (difference)`)),
    ),
  );
  tbody.replaceChildren(
    ...KEY_INDICATORS.map((indicator) => {
      const info = indicatorInfo(indicator);
      const unit = unitText(info.unit, run.currency);
      return el(
        'tr',
        {},
        el('th', { scope: 'row' }, `${info.label} (${unit}${info.kind === 'flow' ? ', total' : ''})`),
        ...names.map((name, i) => {
          const row = rows.find((r) => r.indicator === indicator && r.option === name);
          if (!row) return el('td', {}, '—');
          if (i === 0) return el('td', {}, displayNumber(Math.round(row.mean)));
          const interval = Number.isNaN(row.diff_low) ? '' : ` [${displayNumber(Math.round(row.diff_low), true)}, ${displayNumber(Math.round(row.diff_high), true)}]`;
          return el('td', {}, `${displayNumber(Math.round(row.mean))} (${displayNumber(Math.round(row.diff), true)}${interval})`);
        }),
      );
    }),
  );
}

// ── Export and import ───────────────────────────────────────────────────

function exportSettings(): void {
  const chosen = runSettings();
  if (typeof chosen === 'string') {
    ui.status.textContent = chosen;
    return;
  }
  const { scenario, notes } = state.entry;
  const setting = leverSettingNow();
  const yaml = exportYaml({
    scenario,
    notes,
    optionName: currentOption().name,
    changed: setting.changed,
    params: setting.params,
    events: setting.events,
    base: resolveBase(scenario.base, bundled.bases),
    seed: chosen.seed,
    replicates: chosen.replicates,
  });
  ui.exportText.textContent = yaml;
  ui.exportBox.hidden = false;
  const link = el('a', { href: URL.createObjectURL(new Blob([yaml], { type: 'text/yaml' })), download: `${slug(`${scenario.name} ${setting.name}`)}.yaml` });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

async function importFile(): Promise<void> {
  const file = ui.importInput.files?.[0];
  if (!file) return;
  const text = await file.text();
  ui.importInput.value = '';
  try {
    const scenario = readScenario(text, file.name, bundled.bases);
    const entry: LibraryEntry = { key: `imported-${++importCount}`, scenario, notes: openingComment(text), imported: true };
    entries.push(entry);
    fillScenarioSelect();
    selectScenario(entry);
    showProblems([]);
    ui.status.textContent = `Opened ${file.name}: ${scenario.name}.`;
  } catch (error) {
    showProblems([
      `Could not open ${file.name}. In the page only the shipped bases (${bundled.bases.map((b) => b.name).join(', ')}) are available.`,
      error instanceof ScenarioError ? error.format() : error instanceof Error ? error.message : String(error),
    ]);
  }
}

function showProblems(messages: readonly string[]): void {
  ui.problems.hidden = messages.length === 0;
  ui.problems.textContent = messages.join('\n');
}

// ── How it works and glossary ──────────────────────────────────────────

function renderExplanations(): void {
  ui.mechanisms.replaceChildren(
    ...groupMechanisms(rules.summaries).map((mechanism, i) =>
      el(
        'details',
        { class: 'mechanism', 'data-mechanism': mechanism.key, open: i === 0 },
        el('summary', {}, mechanism.title),
        el('p', {}, mechanism.intro),
        el('ul', {}, ...mechanism.rules.map((rule) => el('li', {}, ...proseBlocks(rule.text.charAt(0).toUpperCase() + rule.text.slice(1)), el('code', {}, `${rule.file} (${rule.fn})`)))),
      ),
    ),
  );
  ui.glossary.replaceChildren(
    ...GLOSSARY.flatMap((entry) => [
      el('dt', { id: `term-${slug(entry.term)}` }, entry.term),
      el('dd', {}, entry.meaning, el('cite', {}, `Source: ${entry.source}.`)),
    ]),
  );
}

// ── Debug hook for tests and curious teachers ──────────────────────────

declare global {
  interface Window {
    __migsim: unknown;
  }
}

window.__migsim = {
  /** Names of the settings of the last run, in chart order. */
  settings: () => state.run?.settings.map((s) => s.name) ?? [],
  /** Every run of the last run: its setting, replicate, seed, last week received and that week's row. */
  runs: () => {
    const run = state.run;
    if (!run) return [];
    return run.results.jobs.map((job) => {
      const week = run.results.reached[job.id];
      return {
        setting: run.settings[job.setting].name,
        replicate: job.replicate,
        seed: job.seed,
        week,
        row: week < 0 ? [] : Array.from(run.results.values[job.id].subarray(week * WIDTH, (week + 1) * WIDTH)),
      };
    });
  },
  /** For each chart: its kind, indicator, and the settings its data holds values for. */
  chartOptions: () =>
    (state.run?.views ?? []).map((chart) => {
      const rows = chart.view.data(CHART_DATA) as { option: string; mean?: number | null; diff?: number | null }[];
      const options = [...new Set(rows.filter((r) => (chart.kind === 'line' ? r.mean : r.diff) != null).map((r) => r.option))];
      return { kind: chart.kind, indicator: chart.indicator, points: rows.length, options };
    }),
  /** The students' setting as it would run now. */
  leverSetting: () => {
    const setting = leverSettingNow();
    return { name: setting.name, changed: setting.changed, params: setting.params };
  },
  indicators: INDICATORS.map((i) => i.name),
};

// ── Wiring ──────────────────────────────────────────────────────────────

function start(): void {
  showProblems(library.problems.length === 0 ? [] : ['Some shipped scenarios could not be read:', ...library.problems]);
  if (state.entry === undefined) {
    ui.status.textContent = 'No scenario could be read.';
    return;
  }
  ui.replicates.replaceChildren(...Array.from({ length: MAX_PAGE_REPLICATES }, (_, k) => el('option', { value: k + 1 }, String(k + 1))));
  ui.differenceIndicator.replaceChildren(
    ...KEY_INDICATORS.map((indicator) => el('option', { value: indicator, selected: indicator === 'legal' }, indicatorInfo(indicator).label)),
  );
  fillScenarioSelect();
  selectScenario(state.entry);
  renderExplanations();

  ui.scenario.addEventListener('change', () => {
    const entry = entries.find((e) => e.key === ui.scenario.value);
    if (entry) selectScenario(entry);
  });
  ui.option.addEventListener('change', () => selectOption(Number(ui.option.value)));
  ui.reset.addEventListener('click', () => selectOption(state.option));
  ui.run.addEventListener('click', () => startRun(allOptions(state.entry.scenario.options, state.option, leverSettingNow())));
  ui.compare.addEventListener('click', () => startRun([compareChoice(ui.compareA.value, 'A'), compareChoice(ui.compareB.value, 'B')]));
  ui.stop.addEventListener('click', () => stopRun(true));
  ui.exportButton.addEventListener('click', exportSettings);
  ui.importInput.addEventListener('change', () => void importFile());
  ui.differenceIndicator.addEventListener('change', () => void changeDifferenceIndicator());
}

start();

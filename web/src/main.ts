import bundled from 'virtual:scenarios';
import shippedExercises from 'virtual:exercises';
import { INDICATORS, type IndicatorName } from '../../sim/model/indicators.js';
import { ScenarioError } from '../../sim/scenario/index.js';
import { CHART_DATA } from './charts.js';
import { el, slug } from './dom.js';
import { readExercise, type Exercise } from './exercises.js';
import { exportYaml, type ExportSetting } from './exportScenario.js';
import { isLanguage, LANGUAGE_NAMES, LANGUAGES, type Language } from './i18n/catalogues.js';
import type { MessageKey } from './i18n/en.js';
import { Translator } from './i18n/translator.js';
import { changedLevers, optionValues } from './leverSchedule.js';
import { findElements, type Page, type PageState } from './page/context.js';
import { classSheet, openExerciseFile, readPrediction, renderExercises, renderPrediction } from './page/exercisesView.js';
import { renderExplanations } from './page/explanations.js';
import { indicatorLabel, optionName, placeName, scenarioName, scenarioQuestion, settingName } from './page/labels.js';
import { applyValues, renderLevers, renderTimeline, selectOption, updateLeverMarks } from './page/leverPanel.js';
import { buildCharts, changeDifferenceIndicator, clearResults, displayNames, renderEnd, renderHeader, renderMonitors } from './page/resultsView.js';
import { invalidateResults, restateStatus, runSettings, setStatus, startRun, stopRun, togglePause } from './page/runControl.js';
import { fillFollowSelect, readFollow, renderStory } from './page/storyView.js';
import { scenarioUse } from './places.js';
import { openingComment, readScenario, resolveBase, shippedLibrary, type LibraryEntry } from './scenarioLibrary.js';
import { allOptions, leverSetting, optionSetting, sameSetting, type Setting } from './settings.js';
import { readSettingsHash, settingsHash } from './shareLink.js';
import { storyEvents } from './story.js';
import { canStartWorkers } from './workerFactory.js';

/**
 * The teaching page: wires the parts (languages, levers, run control,
 * results, story, exercises, share link) to the page's elements. The state
 * lives in one object passed to each part.
 */

const MAX_PAGE_REPLICATES = 5;
/** Three replicates by default: the fewest that give an interval, and a classroom run of a few seconds. */
const DEFAULT_REPLICATES = 3;
const DEFAULT_SCENARIO = 'classroom';

function firstLanguage(): Language {
  for (const language of navigator.languages ?? []) {
    const code = language.slice(0, 2).toLowerCase();
    if (isLanguage(code)) return code;
  }
  return 'en';
}

function shippedExerciseMap(): Map<string, Exercise> {
  const map = new Map<string, Exercise>();
  for (const file of shippedExercises.files) {
    const exercise = readExercise(file.text, `web/exercises/${file.name}.yaml`);
    map.set(exercise.scenario, exercise);
  }
  return map;
}

const library = shippedLibrary(bundled.scenarios, bundled.bases);
const shared = readSettingsHash(location.hash);
const firstEntry = library.entries.find((e) => e.key === (shared.scenario ?? DEFAULT_SCENARIO)) ?? library.entries.find((e) => e.key === DEFAULT_SCENARIO) ?? library.entries[0];

const state: PageState = {
  translator: new Translator(shared.language ?? firstLanguage()),
  entries: library.entries,
  entry: firstEntry,
  option: 0,
  use: scenarioUse(firstEntry?.scenario.options ?? []),
  levers: [],
  values: {},
  errors: new Map(),
  run: undefined,
  runToken: 0,
  follow: shared.follow,
  prediction: undefined,
  exercises: shippedExerciseMap(),
  importCount: 0,
  lastAnnounced: -Infinity,
  workersBlocked: false,
  status: { key: 'status.ready', values: {}, state: 'ready' },
};
const page: Page = { state, ui: findElements() };
const { ui } = page;

// ── Languages ───────────────────────────────────────────────────────────

/** Every fixed text of the page (elements marked data-i18n) in the current language. */
function applyStaticText(): void {
  const tr = state.translator;
  document.documentElement.lang = tr.language;
  document.title = tr.t('page.title');
  for (const element of Array.from(document.querySelectorAll<HTMLElement>('[data-i18n]'))) element.textContent = tr.t(element.dataset.i18n as MessageKey);
  if (state.workersBlocked) ui.fileNotice.textContent = tr.t('page.fileBlocked');
  else if (location.protocol === 'file:') ui.fileNotice.textContent = tr.t('page.fileNotice');
}

function changeLanguage(language: Language): void {
  state.translator = new Translator(language);
  applyStaticText();
  fillScenarioSelect();
  fillOptionSelect();
  renderScenarioText();
  renderTimeline(page);
  renderLevers(page, leversChanged);
  fillCompareSelects();
  fillDifferenceIndicators();
  fillFollowSelect(page);
  renderExercises(page);
  renderExplanations(page);
  restateStatus(page);
  void rerenderResults();
  updateShareLink();
}

/** Draws the current results again in the current language (names, charts, sentences). */
async function rerenderResults(): Promise<void> {
  const run = state.run;
  if (!run) {
    clearResults(page);
    renderStory(page);
    return;
  }
  for (const chart of run.views) chart.view.finalize();
  run.views = [];
  renderHeader(page, run);
  run.chartsReady = buildCharts(page, run);
  await run.chartsReady;
  if (state.run !== run) return;
  renderMonitors(page, run);
  if (run.finished) renderEnd(page, run);
  renderStory(page);
  renderPrediction(page);
}

// ── Scenario and option ────────────────────────────────────────────────

function fillScenarioSelect(): void {
  ui.scenario.replaceChildren(...state.entries.map((entry) => el('option', { value: entry.key, selected: entry === state.entry }, scenarioName(entry, state.translator))));
}

function fillOptionSelect(): void {
  ui.option.replaceChildren(...state.entry.scenario.options.map((_, i) => el('option', { value: i, selected: i === state.option }, optionName(state.entry, i, state.translator))));
}

function renderScenarioText(): void {
  const tr = state.translator;
  ui.question.textContent = scenarioQuestion(state.entry, tr);
  ui.countries.textContent = tr.t('scenario.countries', {
    countries: state.use.countries.map((c) => tr.t(`country.${c}` as MessageKey)).join(', ') || state.use.regions.map((r) => placeName(r, tr)).join(', '),
    currency: state.use.currency,
  });
  ui.notes.textContent = state.entry.notes || state.entry.scenario.description;
}

function selectScenario(entry: LibraryEntry): void {
  invalidateResults(page);
  state.entry = entry;
  state.prediction = undefined;
  ui.predict.value = '';
  ui.scenario.value = entry.key;
  ui.replicates.value = String(DEFAULT_REPLICATES);
  ui.seed.value = String(entry.scenario.seed);
  chooseOption(0);
  renderScenarioText();
  fillFollowSelect(page);
  renderExercises(page);
}

function chooseOption(index: number): void {
  invalidateResults(page);
  selectOption(page, index);
  fillOptionSelect();
  renderTimeline(page);
  renderLevers(page, leversChanged);
  fillCompareSelects();
  renderExercises(page);
  updateShareLink();
}

function leversChanged(): void {
  invalidateResults(page);
  updateLeverMarks(page);
  fillCompareSelects();
  updateShareLink();
}

// ── Settings to run ─────────────────────────────────────────────────────

function leverSettingNow(): Setting {
  return leverSetting(state.entry.scenario.options, state.option, state.levers, state.values);
}

/** A setting chosen in a compare list: the students' levers, or an option as shipped. */
function compareChoice(value: string): Setting {
  if (value === 'levers') return leverSettingNow();
  return optionSetting(state.entry.scenario.options, Number(value.slice(7)));
}

function fillCompareSelects(): void {
  const tr = state.translator;
  const yours = leverSettingNow();
  const choices = (selected: string) => [
    el('option', { value: 'levers', selected: selected === 'levers' }, tr.t('run.compareYours', { name: settingName(state.entry, yours, tr) })),
    ...state.entry.scenario.options.map((_, i) =>
      el('option', { value: `option:${i}`, selected: selected === `option:${i}` }, tr.t('run.compareShipped', { name: optionName(state.entry, i, tr) })),
    ),
  ];
  const valid = (v: string) => v === 'levers' || (v.startsWith('option:') && Number(v.slice(7)) < state.entry.scenario.options.length);
  // A fresh page compares the first option as shipped with another option, never an option with itself.
  const a = valid(ui.compareA.value) ? ui.compareA.value : 'option:0';
  const other = state.entry.scenario.options.length > 1 ? `option:${state.option === 0 ? 1 : state.option}` : 'levers';
  const b = valid(ui.compareB.value) ? ui.compareB.value : yours.changed.length > 0 ? 'levers' : other;
  ui.compareA.replaceChildren(...choices(a));
  ui.compareB.replaceChildren(...choices(b));
  updateCompareButton();
}

/** Compare is offered only for two different settings; otherwise the page says why. */
function updateCompareButton(): void {
  const same = sameSetting(compareChoice(ui.compareA.value), compareChoice(ui.compareB.value));
  ui.compareNote.hidden = !same;
  ui.compareNote.textContent = same ? state.translator.t('run.compareSame') : '';
  ui.compare.disabled = same || ui.compare.dataset.running === 'true' || state.workersBlocked;
  ui.exportComparison.disabled = same;
}

function runAll(): void {
  startRun(page, allOptions(state.entry.scenario.options, leverSettingNow()), [], state.option, afterRun);
}

function runComparison(): void {
  const a = compareChoice(ui.compareA.value);
  const b = compareChoice(ui.compareB.value);
  if (sameSetting(a, b)) return;
  // The migrant followed is in the students' own setting when it is compared, else in A.
  startRun(page, [a, b], ['A', 'B'], ui.compareB.value === 'levers' && ui.compareA.value !== 'levers' ? 1 : 0, afterRun);
}

function afterRun(): void {
  updateCompareButton();
  renderPrediction(page);
}

// ── Share link ──────────────────────────────────────────────────────────

function updateShareLink(): void {
  const option = state.entry.scenario.options[state.option];
  const changed = Object.fromEntries(changedLevers(option, state.levers, state.values).map((lever) => [lever.param, state.values[lever.param]]));
  const hash = settingsHash({
    scenario: state.entry.key,
    option: state.option,
    changed,
    seed: Number(ui.seed.value) || 0,
    replicates: Number(ui.replicates.value) || DEFAULT_REPLICATES,
    language: state.translator.language,
    ...(state.follow ? { follow: state.follow } : {}),
  });
  history.replaceState(null, '', hash);
  ui.shareLink.value = location.href;
  ui.replicateAdvice.hidden = Number(ui.replicates.value) >= 2;
}

// ── Export and import ───────────────────────────────────────────────────

function download(name: string, text: string, type: string): void {
  const link = el('a', { href: URL.createObjectURL(new Blob([text], { type })), download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

function exportSettings(settings: readonly Setting[], letters: readonly string[]): void {
  const chosen = runSettings(page);
  if ('problem' in chosen) {
    setStatus(page, chosen.problem, chosen.values ?? {}, 'invalid');
    return;
  }
  const { scenario, notes } = state.entry;
  // Option names in the file stay in the scenario's own words, so the file reads the same in every language.
  const english = new Translator('en');
  const exported: ExportSetting[] = settings.map((setting, i) => ({
    name: `${letters[i] ? `${letters[i]}: ` : ''}${settingName(state.entry, setting, english)}`,
    optionName: scenario.options[setting.option].name,
    changed: setting.changed,
    params: setting.params,
    events: setting.events,
  }));
  const yaml = exportYaml({ scenario, notes, settings: exported, base: resolveBase(scenario.base, bundled.bases), seed: chosen.seed, replicates: chosen.replicates });
  ui.exportText.textContent = yaml;
  ui.exportBox.hidden = false;
  download(`${slug(`${scenario.name} ${exported.map((s) => s.name).join(' ')}`)}.yaml`, yaml, 'text/yaml');
}

async function importFile(): Promise<void> {
  const file = ui.importInput.files?.[0];
  if (!file) return;
  const text = await file.text();
  ui.importInput.value = '';
  try {
    const scenario = readScenario(text, file.name, bundled.bases);
    const baseText = bundled.bases.find((b) => b.name === scenario.base)?.text;
    const entry: LibraryEntry = { key: `imported-${++state.importCount}`, scenario, notes: openingComment(text), imported: true, ...(baseText ? { baseText } : {}) };
    state.entries.push(entry);
    fillScenarioSelect();
    selectScenario(entry);
    showProblems([]);
    setStatus(page, 'scenario.opened', { file: file.name, name: scenario.name }, 'ready');
  } catch (error) {
    showProblems([
      state.translator.t('scenario.importFailed', { file: file.name, bases: bundled.bases.map((b) => b.name).join(', ') }),
      error instanceof ScenarioError ? error.format() : error instanceof Error ? error.message : String(error),
    ]);
  }
}

function showProblems(messages: readonly string[]): void {
  ui.problems.hidden = messages.length === 0;
  ui.problems.textContent = messages.join('\n');
}

function fillDifferenceIndicators(): void {
  const selected = (ui.differenceIndicator.value || 'irregular') as IndicatorName;
  ui.differenceIndicator.replaceChildren(
    ...(state.run?.indicators ?? INDICATORS.map((i) => i.name)).map((indicator) =>
      el('option', { value: indicator, selected: indicator === selected }, indicatorLabel(indicator, state.translator)),
    ),
  );
}

// ── Debug hook for tests and curious teachers ──────────────────────────

declare global {
  interface Window {
    __migsim: unknown;
  }
}

window.__migsim = {
  /** Names of the settings of the last run, in chart order, in the page's language. */
  settings: () => (state.run ? displayNames(page, state.run) : []),
  /** Every run of the last run: its setting, replicate, seed, last week received and that week's row. */
  runs: () => {
    const run = state.run;
    if (!run) return [];
    const names = displayNames(page, run);
    return run.results.jobs.map((job) => {
      const week = run.results.reached[job.id];
      return {
        setting: names[job.setting],
        settingIndex: job.setting,
        option: run.settings[job.setting].option,
        changed: run.settings[job.setting].changed,
        replicate: job.replicate,
        seed: job.seed,
        week,
        row: week < 0 ? [] : Array.from(run.results.values[job.id].subarray(week * INDICATORS.length, (week + 1) * INDICATORS.length)),
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
    return { option: setting.option, changed: setting.changed, params: setting.params, events: setting.events };
  },
  /** The followed migrant: who, and the story's events. */
  story: () => (state.run?.traced ? { agent: state.run.traced, events: storyEvents(state.run.story) } : undefined),
  prediction: () => state.prediction,
  indicators: INDICATORS.map((i) => i.name),
  languages: LANGUAGES,
};

// ── Wiring ──────────────────────────────────────────────────────────────

function start(): void {
  applyStaticText();
  ui.language.replaceChildren(...LANGUAGES.map((language) => el('option', { value: language, selected: language === state.translator.language }, LANGUAGE_NAMES[language])));
  // Each language's name is in that language.
  for (const option of Array.from(ui.language.options)) option.lang = option.value;
  showProblems(library.problems.length === 0 ? [] : [state.translator.t('scenario.unreadable'), ...library.problems]);
  if (state.entry === undefined) {
    setStatus(page, 'scenario.none', {}, 'failed');
    return;
  }
  ui.replicates.replaceChildren(...Array.from({ length: MAX_PAGE_REPLICATES }, (_, k) => el('option', { value: k + 1 }, String(k + 1))));
  fillDifferenceIndicators();
  ui.differenceIndicator.value = 'irregular';
  fillScenarioSelect();
  selectScenario(state.entry);
  // A shared link: its option, levers, seed and replicates.
  if (shared.option !== undefined && shared.option < state.entry.scenario.options.length) chooseOption(shared.option);
  if (shared.changed) {
    applyValues(page, shared.changed);
    renderLevers(page, leversChanged);
  }
  if (shared.seed !== undefined) ui.seed.value = String(shared.seed);
  if (shared.replicates !== undefined && shared.replicates <= MAX_PAGE_REPLICATES) ui.replicates.value = String(shared.replicates);
  fillCompareSelects();
  renderExplanations(page);
  renderStory(page);
  clearResults(page);
  setStatus(page, 'status.ready', {}, 'ready');
  updateShareLink();

  ui.language.addEventListener('change', () => {
    if (isLanguage(ui.language.value)) changeLanguage(ui.language.value);
  });
  ui.scenario.addEventListener('change', () => {
    const entry = state.entries.find((e) => e.key === ui.scenario.value);
    if (entry) selectScenario(entry);
  });
  ui.option.addEventListener('change', () => chooseOption(Number(ui.option.value)));
  ui.reset.addEventListener('click', () => {
    state.values = optionValues(state.entry.scenario.options[state.option], state.levers);
    state.errors.clear();
    renderLevers(page, leversChanged);
    leversChanged();
  });
  for (const input of [ui.seed, ui.replicates]) {
    input.addEventListener('change', () => {
      invalidateResults(page);
      updateShareLink();
    });
  }
  ui.run.addEventListener('click', runAll);
  ui.compare.addEventListener('click', runComparison);
  ui.compareA.addEventListener('change', updateCompareButton);
  ui.compareB.addEventListener('change', updateCompareButton);
  ui.stop.addEventListener('click', () => stopRun(page, true));
  ui.pause.addEventListener('click', () => togglePause(page));
  ui.exportButton.addEventListener('click', () => exportSettings([leverSettingNow()], []));
  ui.exportComparison.addEventListener('click', () => exportSettings([compareChoice(ui.compareA.value), compareChoice(ui.compareB.value)], ['A', 'B']));
  ui.importInput.addEventListener('change', () => void importFile());
  ui.differenceIndicator.addEventListener('change', () => void changeDifferenceIndicator(page));
  ui.shareLink.addEventListener('focus', () => ui.shareLink.select());
  for (const input of [ui.follow, ui.followAgent]) {
    input.addEventListener('change', () => {
      state.follow = readFollow(page);
      invalidateResults(page);
      updateShareLink();
    });
  }
  ui.predict.addEventListener('input', () => readPrediction(page));
  ui.classSheet.addEventListener('click', () => {
    const sheet = classSheet(page);
    download(sheet.name, sheet.html, 'text/html');
  });
  ui.exerciseFile.addEventListener('change', () => {
    const file = ui.exerciseFile.files?.[0];
    if (!file) return;
    void openExerciseFile(page, file).then((problem) => {
      ui.exerciseFile.value = '';
      showProblems(problem === undefined ? [] : [problem]);
      renderExercises(page);
    });
  });
  // A story event's link opens its mechanism without touching the address, which holds the shared settings.
  ui.story.addEventListener('click', (event) => {
    const link = (event.target as HTMLElement).closest<HTMLAnchorElement>('a.story-link');
    if (!link) return;
    event.preventDefault();
    const target = document.getElementById(link.hash.slice(1));
    if (target instanceof HTMLDetailsElement) target.open = true;
    target?.scrollIntoView();
    target?.querySelector('summary')?.focus();
  });

  // Opened from disk: check at once that workers can start, and say what to do if not.
  if (location.protocol === 'file:') {
    ui.fileNotice.hidden = false;
    void canStartWorkers().then((ok) => {
      if (ok) return;
      state.workersBlocked = true;
      ui.run.disabled = true;
      applyStaticText();
      updateCompareButton();
      setStatus(page, 'page.fileBlocked', {}, 'failed');
    });
  }
}

start();

import bundled from 'virtual:scenarios';
import shippedExercises from 'virtual:exercises';
import { INDICATORS, type IndicatorName } from '../../sim/model/indicators.js';
import { el } from './dom.js';
import { readExercise, type Exercise } from './exercises.js';
import { isLanguage, LANGUAGE_NAMES, LANGUAGES, type Language } from './i18n/catalogues.js';
import type { MessageKey } from './i18n/en.js';
import { Translator } from './i18n/translator.js';
import { optionValues } from './leverSchedule.js';
import { comparisonTraceSetting, compareChoice, fillCompareSelects, leverSettingNow, updateCompareButton } from './page/compareView.js';
import { findElements, type Page, type PageState } from './page/context.js';
import { installDebugHook } from './page/debugHook.js';
import { classSheet, openExerciseFile, readPrediction, renderExercises, renderPrediction } from './page/exercisesView.js';
import { download, exportSettings, importScenario, showProblems } from './page/exportImport.js';
import { renderExplanations } from './page/explanations.js';
import { indicatorLabel, optionName, placeName, scenarioName, scenarioQuestion } from './page/labels.js';
import { applyValues, renderLevers, renderTimeline, selectOption, updateLeverMarks } from './page/leverPanel.js';
import { buildCharts, changeDifferenceIndicator, changePlace, clearResults, renderEnd, renderHeader, renderMonitors, renderPlaceChoice } from './page/resultsView.js';
import { warmChartDrawing } from './page/chartWarmUp.js';
import { invalidateResults, restateStatus, setStatus, startRun, stopRun, togglePause, computeAheadFor } from './page/runControl.js';
import { updateShareLink as updateShareLinkOf } from './page/shareView.js';
import { fillFollowSelect, readFollow, renderStory } from './page/storyView.js';
import { scenarioUse } from './places.js';
import { shippedLibrary, type LibraryEntry } from './scenarioLibrary.js';
import { allOptions, sameSetting } from './settings.js';
import { readSettingsHash } from './shareLink.js';
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
  ui.fileNotice.textContent = tr.t('page.fileBlocked');
}

function changeLanguage(language: Language): void {
  state.translator = new Translator(language);
  applyStaticText();
  fillScenarioSelect();
  fillOptionSelect();
  renderScenarioText();
  renderTimeline(page);
  renderLevers(page, leversChanged);
  fillCompareSelects(page);
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
  renderPlaceChoice(page, run);
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
  fillCompareSelects(page);
  renderExercises(page);
  updateShareLink();
}

function leversChanged(): void {
  invalidateResults(page);
  updateLeverMarks(page);
  fillCompareSelects(page);
  updateShareLink();
}

// ── Running ─────────────────────────────────────────────────────────────

function runAll(): void {
  startRun(page, allOptions(state.entry.scenario.options, leverSettingNow(page)), [], state.option, afterRun);
}

function runComparison(): void {
  const a = compareChoice(page, ui.compareA.value);
  const b = compareChoice(page, ui.compareB.value);
  if (sameSetting(a, b)) return;
  startRun(page, [a, b], ['A', 'B'], comparisonTraceSetting(page), afterRun);
}

function afterRun(): void {
  updateCompareButton(page);
  renderPrediction(page);
}

function fillDifferenceIndicators(): void {
  const selected = (ui.differenceIndicator.value || 'irregular') as IndicatorName;
  ui.differenceIndicator.replaceChildren(
    ...(state.run?.indicators ?? INDICATORS.map((i) => i.name)).map((indicator) =>
      el('option', { value: indicator, selected: indicator === selected }, indicatorLabel(indicator, state.translator)),
    ),
  );
}

const updateShareLink = (): void => updateShareLinkOf(page, DEFAULT_REPLICATES);
/** Has the workers compute, while the page waits, the runs Run would make now (runControl.computeAheadFor). */
const computeRunAhead = (): void => computeAheadFor(page, allOptions(state.entry.scenario.options, leverSettingNow(page)));

// ── Wiring ──────────────────────────────────────────────────────────────

function start(): void {
  applyStaticText();
  ui.language.replaceChildren(...LANGUAGES.map((language) => el('option', { value: language, selected: language === state.translator.language }, LANGUAGE_NAMES[language])));
  // Each language's name is in that language.
  for (const option of Array.from(ui.language.options)) option.lang = option.value;
  showProblems(page, library.problems.length === 0 ? [] : [state.translator.t('scenario.unreadable'), ...library.problems]);
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
  fillCompareSelects(page);
  renderExplanations(page);
  renderStory(page);
  clearResults(page);
  setStatus(page, 'status.ready', {}, 'ready');
  updateShareLink();
  computeRunAhead();
  void warmChartDrawing(page);

  ui.language.addEventListener('change', () => {
    if (isLanguage(ui.language.value)) changeLanguage(ui.language.value);
  });
  ui.scenario.addEventListener('change', () => {
    const entry = state.entries.find((e) => e.key === ui.scenario.value);
    if (!entry) return;
    selectScenario(entry);
    computeRunAhead();
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
  ui.compareA.addEventListener('change', () => updateCompareButton(page));
  ui.compareB.addEventListener('change', () => updateCompareButton(page));
  ui.stop.addEventListener('click', () => stopRun(page, true));
  ui.pause.addEventListener('click', () => togglePause(page));
  ui.exportButton.addEventListener('click', () => exportSettings(page, [leverSettingNow(page)], []));
  ui.exportComparison.addEventListener('click', () => exportSettings(page, [compareChoice(page, ui.compareA.value), compareChoice(page, ui.compareB.value)], ['A', 'B']));
  ui.importInput.addEventListener('change', () => {
    const file = ui.importInput.files?.[0];
    if (!file) return;
    void importScenario(page, file).then((entry) => {
      ui.importInput.value = '';
      if (!entry) return;
      fillScenarioSelect();
      selectScenario(entry);
      setStatus(page, 'scenario.opened', { file: file.name, name: entry.scenario.name }, 'ready');
      computeRunAhead();
    });
  });
  ui.differenceIndicator.addEventListener('change', () => void changeDifferenceIndicator(page));
  ui.resultPlace.addEventListener('change', () => void changePlace(page));
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
      showProblems(page, problem === undefined ? [] : [problem]);
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
    void canStartWorkers().then((ok) => {
      if (ok) return;
      state.workersBlocked = true;
      ui.fileNotice.hidden = false;
      ui.run.disabled = true;
      applyStaticText();
      updateCompareButton(page);
      setStatus(page, 'page.fileBlocked', {}, 'failed');
    });
  }
}

installDebugHook(page);
start();

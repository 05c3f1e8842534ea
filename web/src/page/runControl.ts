import { agentCount } from '../../../sim/model/params/agentCount.js';
import { placesOfValues } from '../../../sim/model/params/catalogue.js';
import { DEFAULT_PLACES } from '../../../sim/model/params/places.js';
import { resultPlaces, type IndicatorName } from '../../../sim/model/indicators.js';
import { formatFull } from '../i18n/formatNumbers.js';
import type { MessageKey } from '../i18n/en.js';
import type { MessageValues } from '../i18n/translator.js';
import { RunResults } from '../results.js';
import { computeAhead, runJobs } from '../runPool.js';
import { planJobs, type PageJob, type Setting } from '../settings.js';
import type { ActiveRun, Page } from './context.js';
import { buildCharts, chartIndicators, clearResults, redraw, renderEnd, renderHeader, renderMonitors, renderPlaceChoice } from './resultsView.js';
import { leverLabel } from './labels.js';
import { renderStory } from './storyView.js';

/** Weeks per batch of rows a worker posts while it runs. */
const ROWS_PER_POST = 4;
/** Shortest time between two updates of the progress line and the monitors while a run goes on. */
const REDRAW_MS = 250;
/**
 * Shortest time between two redraws of the charts while a run goes on.
 * Redrawing ten canvases takes the main thread a while, and on a machine
 * with few cores that time is taken from the simulation workers.
 */
const CHART_REDRAW_MS = 1000;
/** Shortest time between two progress messages the live region speaks, so a screen reader is not flooded. */
const ANNOUNCE_MS = 5000;

/**
 * Shows a status. `state` goes on `data-state` (ready, running, paused,
 * done, stopped, failed, cleared) whatever the language. The visible line
 * changes often; the live region repeats it only when a run ends or at most
 * every ANNOUNCE_MS while it runs.
 */
export function setStatus(page: Page, key: MessageKey, values: MessageValues, state: string): void {
  const { ui } = page;
  page.state.status = { key, values, state };
  const text = page.state.translator.t(key, values);
  ui.status.textContent = text;
  ui.status.dataset.state = state;
  const now = performance.now();
  if (state !== 'running' || now - page.state.lastAnnounced >= ANNOUNCE_MS) {
    ui.announce.textContent = text;
    page.state.lastAnnounced = now;
  }
}

/** Says the last status again, in the page's current language. */
export function restateStatus(page: Page): void {
  page.ui.status.textContent = page.state.translator.t(page.state.status.key, page.state.status.values);
}

/** Seed and replicates from the page, or why they cannot be used. */
export function runSettings(page: Page): { seed: number; replicates: number } | { problem: MessageKey; values?: MessageValues } {
  const { ui, state } = page;
  if (state.errors.size > 0) {
    const labels = state.levers.filter((lever) => state.errors.has(lever.param)).map((lever) => leverLabel(lever, state.translator));
    return { problem: 'rules.fix', values: { list: labels.join('; ') } };
  }
  const seed = Number(ui.seed.value);
  if (ui.seed.value.trim() === '' || !Number.isSafeInteger(seed) || seed < 0) return { problem: 'run.seedInvalid' };
  return { seed, replicates: Number(ui.replicates.value) };
}

/** One worker per core, up to 8: a classroom run of 3 replicates (6 jobs) then runs all at once on a 6-core laptop. */
function workerCount(): number {
  return Math.max(1, Math.min(8, navigator.hardwareConcurrency || 2));
}

/** Agents in each world the workers warm up on before they compute ahead, and how many such worlds (runPool.computeAhead): about 0.5 s each on a 2-core machine. */
const WARM_UP_AGENTS = 2_500;
const WARM_UP_WORLDS = 3;

/**
 * The most a job computed ahead may take, and all of them together, in
 * agent-weeks (with the burn-in): a classroom job is about 2.1 million, its
 * 3 replicates of 2 options 12.5 million. Larger runs are not computed
 * ahead: they would keep the machine busy, and a run with other settings
 * waiting behind a long job, for a result nobody may ask for.
 */
const AHEAD_JOB_AGENT_WEEKS = 3_000_000;
const AHEAD_AGENT_WEEKS = 25_000_000;

/** Agent-weeks of a job, with its burn-in. */
function agentWeeks(job: PageJob): number {
  return agentCount(job.params) * (job.weeks + Number(job.params['population.burn_in_weeks']));
}

/**
 * Computes ahead, while the page waits for Run, the jobs Run would make
 * with the settings as they are (runPool.computeAhead), as many as the
 * limits above allow, after warming the workers up on small worlds of the
 * first of them: a class that runs the scenario as it opens gets its
 * results at once, or sooner. Not from disk, where workers may be refused.
 */
export function computeAheadFor(page: Page, settings: readonly Setting[]): void {
  if (location.protocol === 'file:') return;
  const { state } = page;
  const chosen = runSettings(page);
  if ('problem' in chosen) return;
  const jobs = planJobs(settings, chosen.replicates, chosen.seed, state.entry.scenario.years, state.follow, state.option);
  const [first] = jobs;
  if (!first) return;
  const people = Number(first.params['population.potential_migrants']);
  const scale = Math.max(1, Math.round(people / WARM_UP_AGENTS));
  const warmUp = { ...first, seed: 'warm-up', weeks: 26, params: { ...first.params, scale, 'population.burn_in_weeks': 13 } };
  const within: PageJob[] = [];
  let budget = AHEAD_AGENT_WEEKS;
  for (const job of jobs) {
    const cost = agentWeeks(job);
    if (!(cost <= AHEAD_JOB_AGENT_WEEKS && cost <= budget)) break;
    budget -= cost;
    within.push(job);
  }
  computeAhead(warmUp, WARM_UP_WORLDS, within, workerCount(), ROWS_PER_POST);
}

function seconds(run: ActiveRun): string {
  return formatFull((performance.now() - run.started) / 1000, 'en', false, 1);
}

function percent(run: ActiveRun): number {
  const total = run.results.jobs.length * (run.results.weeks + 1);
  return total === 0 ? 100 : Math.floor((100 * run.results.weeksDone()) / total);
}

function showProgress(page: Page, run: ActiveRun): void {
  if (run.finished) return;
  const done = run.results.reached.filter((w) => w === run.results.weeks).length;
  const at = percent(run);
  if (run.paused) setStatus(page, 'status.paused', { percent: at }, 'paused');
  else if (at === 0) setStatus(page, 'status.starting', {}, 'running');
  else setStatus(page, 'status.running', { done, total: run.results.jobs.length, percent: at, seconds: seconds(run) }, 'running');
}

function setRunning(page: Page, running: boolean): void {
  const { ui } = page;
  // Keyboard users keep their place: focus moves to the button that is usable now.
  const focused = document.activeElement;
  ui.run.disabled = running;
  ui.stop.disabled = !running;
  ui.pause.disabled = !running;
  if (!running) ui.pause.textContent = page.state.translator.t('run.pause');
  page.ui.compare.dataset.running = String(running);
  if (running) ui.compare.disabled = true;
  if (running && (focused === ui.run || focused === ui.compare)) ui.stop.focus();
  if (!running && (focused === ui.stop || focused === ui.pause)) ui.run.focus();
}

function scheduleRedraw(page: Page, run: ActiveRun): void {
  if (run.redrawPending || run.paused) return;
  run.redrawPending = true;
  const wait = Math.max(0, REDRAW_MS - (performance.now() - run.lastTick));
  setTimeout(() => {
    run.redrawPending = false;
    run.lastTick = performance.now();
    if (page.state.run !== run || run.finished || run.paused) return;
    showProgress(page, run);
    renderMonitors(page, run);
    renderStory(page);
    // Rows keep arriving while a run goes on, so a chart redraw skipped now comes with a later batch (and the end redraws all); charts out of sight wait until they are scrolled to.
    if (performance.now() - run.lastRedraw >= CHART_REDRAW_MS) void redraw(page, run, true);
  }, wait);
}

/**
 * Runs settings on the page's seed and replicates: clears the old results,
 * names the new ones, and draws them as weeks arrive. `letters` label the
 * settings of a comparison; the followed migrant lives in setting
 * `traceSetting`. `afterRun` is told when the run ends.
 */
export function startRun(page: Page, settings: Setting[], letters: readonly string[], traceSetting: number, afterRun: () => void): void {
  const { state } = page;
  const chosen = runSettings(page);
  if ('problem' in chosen) {
    setStatus(page, chosen.problem, chosen.values ?? {}, 'invalid');
    return;
  }
  stopRun(page, false);
  clearResults(page);
  const { entry } = state;
  const jobs = planJobs(settings, chosen.replicates, chosen.seed, entry.scenario.years, state.follow, traceSetting);
  const weeks = jobs[0]?.weeks ?? 0;
  const indicators: IndicatorName[] = chartIndicators(entry.scenario.options);
  const run: ActiveRun = {
    token: ++state.runToken,
    entry,
    settings,
    letters,
    seed: chosen.seed,
    replicates: chosen.replicates,
    currency: state.use.currency,
    indicators,
    results: new RunResults(
      settings.map((_, i) => String(i)),
      jobs,
      weeks,
      // The places of the tables the workers send, as simulate derives them from the parameters.
      resultPlaces(Object.keys((placesOfValues(jobs[0]?.params ?? {}) ?? DEFAULT_PLACES).destinations)),
    ),
    started: performance.now(),
    handle: undefined,
    chartsReady: Promise.resolve(),
    views: [],
    finished: false,
    stopped: false,
    paused: false,
    redrawPending: false,
    lastRedraw: 0,
    lastTick: 0,
    seconds: 0,
    computedAhead: 0,
    story: [],
    traceEvents: [],
  };
  state.run = run;
  renderHeader(page, run);
  renderPlaceChoice(page, run);
  renderStory(page);
  setRunning(page, true);
  showProgress(page, run);
  run.chartsReady = buildCharts(page, run).catch((error: unknown) => {
    setStatus(page, 'status.chartsFailed', { message: error instanceof Error ? error.message : String(error) }, 'failed');
  });
  run.handle = runJobs(jobs, workerCount(), ROWS_PER_POST, {
    rows(job, fromWeek, rows) {
      run.results.add(job, fromWeek, rows);
      scheduleRedraw(page, run);
    },
    trace(_job, agent, weeksOfAgent, events) {
      run.traced = agent;
      run.story.push(...weeksOfAgent);
      run.traceEvents.push(...events);
    },
    jobDone() {
      showProgress(page, run);
    },
    finished() {
      void finishRun(page, run, afterRun);
    },
    ahead(count) {
      run.computedAhead = count;
    },
    failed(message) {
      run.finished = true;
      setRunning(page, false);
      setStatus(page, 'status.failed', { message }, 'failed');
      afterRun();
    },
  });
}

async function finishRun(page: Page, run: ActiveRun, afterRun: () => void): Promise<void> {
  run.seconds = (performance.now() - run.started) / 1000;
  run.finished = true;
  await run.chartsReady;
  if (page.state.run !== run) return;
  await redraw(page, run);
  if (page.state.run !== run) return;
  renderMonitors(page, run);
  renderEnd(page, run);
  renderStory(page);
  setRunning(page, false);
  const done = { runs: run.results.jobs.length, weeks: run.results.weeks, seconds: formatFull(run.seconds, 'en', false, 1) };
  // Said, so that nobody takes the time of a run begun while the page waited for the time a run takes.
  if (run.computedAhead > 0) setStatus(page, 'status.doneAhead', { ...done, ahead: run.computedAhead }, 'done');
  else setStatus(page, 'status.done', done, 'done');
  afterRun();
}

/** Stops a run at once; with `report`, says so and keeps what arrived, marked as partial. */
export function stopRun(page: Page, report: boolean): void {
  const run = page.state.run;
  if (!run || run.finished) return;
  run.handle?.stop();
  run.finished = true;
  run.stopped = true;
  setRunning(page, false);
  if (!report) return;
  const complete = run.results.reached.filter((w) => w === run.results.weeks).length;
  setStatus(page, 'status.stopped', { seconds: seconds(run), complete, total: run.results.jobs.length }, 'stopped');
  void run.chartsReady
    .then(() => redraw(page, run))
    .then(() => {
      if (page.state.run !== run) return;
      renderMonitors(page, run);
      renderEnd(page, run);
      renderStory(page);
    });
}

/** Pauses or resumes the run in progress. */
export function togglePause(page: Page): void {
  const run = page.state.run;
  if (!run || run.finished) return;
  run.paused = !run.paused;
  if (run.paused) run.handle?.pause();
  else run.handle?.resume();
  page.ui.pause.textContent = page.state.translator.t(run.paused ? 'run.resume' : 'run.pause');
  page.ui.pause.setAttribute('aria-pressed', String(run.paused));
  showProgress(page, run);
  if (!run.paused) scheduleRedraw(page, run);
}

/**
 * Drops the results when the settings they were made with change, so no
 * chart stands under settings it was not run with. A run in progress is
 * stopped first.
 */
export function invalidateResults(page: Page): void {
  const run = page.state.run;
  if (!run) return;
  stopRun(page, false);
  clearResults(page);
  page.state.run = undefined;
  renderStory(page);
  setStatus(page, 'status.cleared', {}, 'cleared');
}


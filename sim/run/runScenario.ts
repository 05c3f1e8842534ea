import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { buildReport, comparisonCsv, compareOptions, summarise, summaryCsv, timeseriesCsv, type RunRecord } from '../../analysis/index.js';
import { INDICATORS, resultPlaces } from '../model/indicators.js';
import { horizonWeeks } from '../model/time.js';
import type { ResolvedScenario } from '../scenario/index.js';
import { commit, makeParents, removeEmptyFolders } from './commitResults.js';
import { checkPrecision, describeStop, type PrecisionCheck, type StopReason } from './autoStop.js';
import { loadCheckpoints, saveCheckpoint } from './checkpoints.js';
import { differingParameters } from './differingParameters.js';
import { failuresCsv, type RunFailureRecord } from './failuresCsv.js';
import { buildManifest } from './manifest.js';
import { estimateMemory, workersThatFit } from './memoryEstimate.js';
import { checkOut, OutRefused } from './outFolder.js';
import { packageVersion } from './packageVersion.js';
import {
  adoptPartial,
  createPartial,
  inspectPartial,
  partialPathFor,
  removePartial,
  RESULTS_FOLDER,
} from './partialFolder.js';
import { pauseForTests } from './phasePause.js';
import { createProgress, type Progress } from './progress.js';
import { runFingerprint } from './runFingerprint.js';
import { interruption } from './runEnsemble.js';
import { planJobs, type Job } from './runJob.js';
import { replicateSeed } from '../model/random.js';
import { shellCommand } from './shellQuote.js';
import { workerFile } from './workerFile.js';
import { WorkerPool } from './workerPool.js';

export interface RunSettings {
  readonly out: string;
  readonly workers: number;
  readonly quiet: boolean;
  /** Run one option only (by name), e.g. to reproduce a failed run. */
  readonly onlyOption?: string;
  /** Run one replicate index only. */
  readonly onlyReplicate?: number;
  /** Replace a previous migsim results folder at `out`. */
  readonly force?: boolean;
  /** Continue from the checkpoints of a run to the same `out` that was killed. */
  readonly resume?: boolean;
  readonly signal?: AbortSignal;
  /** Tables already simulated, by job index (joined from shards): nothing is run, and they are written as one run would write them. */
  readonly tables?: Map<number, Float64Array>;
}

export interface RunOutcome {
  readonly seconds: number;
  readonly replicates: number;
  readonly runs: number;
  readonly failures: readonly RunFailureRecord[];
  /** Lines for the terminal: leftovers removed, checkpoints reused, why an automatic run stopped. */
  readonly notes: readonly string[];
}

/** Every run of some option failed, so there is nothing to summarise; nothing was written. */
export class AllRunsFailed extends Error {
  constructor(readonly failures: readonly RunFailureRecord[]) {
    super(`every run of option "${failures[0]?.option}" failed; no results written`);
  }
}

/**
 * Runs a scenario's ensemble and writes its results folder:
 *
 *   checks (options, memory, --out) → working folder → jobs (option ×
 *   replicate, in batches for replicates: auto) on worker threads, each
 *   finished run checkpointed → summary, paired comparison → CSV,
 *   manifest, charts, report into the working folder → one rename into `out`.
 *
 * Everything that can be refused is refused before the first run. An
 * abort (a signal) at any point removes the working folder and rejects
 * with RunInterrupted; so does any error. A run that fails is recorded in
 * failures.csv and the others go on.
 */
export async function runScenario(scenario: ResolvedScenario, settings: RunSettings): Promise<RunOutcome> {
  const started = new Date();
  const notes: string[] = [];
  const optionIndex = settings.onlyOption === undefined ? -1 : scenario.options.findIndex((o) => o.name === settings.onlyOption);
  if (settings.onlyOption !== undefined && optionIndex < 0) {
    throw new OutRefused(`--only-option: no option "${settings.onlyOption}"; options: ${scenario.options.map((o) => o.name).join(', ')}`);
  }
  if (settings.onlyReplicate !== undefined && settings.onlyReplicate >= scenario.replicates) {
    throw new OutRefused(`--only-replicate: expected a replicate index from 0 to ${scenario.replicates - 1}, got ${settings.onlyReplicate}`);
  }
  // Reproducing one run is a fixed count, whatever the file says.
  const auto = settings.onlyReplicate === undefined && settings.onlyOption === undefined ? scenario.auto : undefined;
  const optionsRun = scenario.options.map((_, k) => k).filter((k) => optionIndex < 0 || k === optionIndex);
  const replicatesRun = (upTo: number, from = 0) =>
    Array.from({ length: upTo - from }, (_, r) => r + from).filter((r) => settings.onlyReplicate === undefined || r === settings.onlyReplicate);
  const maxRuns = optionsRun.length * replicatesRun(scenario.replicates).length;
  const weeks = horizonWeeks(scenario.years);
  const places = resultPlaces(Object.keys(scenario.places.destinations));
  const width = INDICATORS.length * places.length;

  const memory = estimateMemory(scenario, maxRuns);
  const workers = workersThatFit(memory, Math.min(settings.workers, maxRuns));
  if (workers < Math.min(settings.workers, maxRuns)) notes.push(`using ${workers} workers, not ${settings.workers}: more would not fit in the memory free now`);
  const target = checkOut({
    out: settings.out,
    scenarioFiles: [scenario.file],
    force: settings.force === true,
    // Checkpoints as raw numbers, the CSV text about twice that, and the report and charts.
    expectedBytes: memory.tables * 3 + 20e6,
  });

  const out = resolve(settings.out);
  const partial = partialPathFor(out);
  const fingerprint = runFingerprint(scenario, packageVersion(), { onlyOption: settings.onlyOption, onlyReplicate: settings.onlyReplicate });
  let checkpoints = new Map<string, Float64Array>();
  const state = inspectPartial(partial);
  if (state.kind === 'foreign') {
    throw new OutRefused(`${partial} exists and was not made by migsim; move it away or choose another --out`);
  }
  if (state.kind === 'active') {
    throw new OutRefused(`another migsim run (process ${state.marker.pid}, started ${state.marker.started}) is writing to ${settings.out}; wait for it or choose another --out`);
  }
  if (state.kind === 'leftover' && settings.resume && state.marker.fingerprint !== fingerprint) {
    throw new OutRefused(
      `--resume: the interrupted run in ${partial} ran a different scenario, version or settings; run without --resume to discard it and start afresh`,
    );
  }
  if (state.kind === 'leftover' && settings.resume) {
    adoptPartial(partial, fingerprint);
    checkpoints = loadCheckpoints(partial, (weeks + 1) * width);
    notes.push(`resuming: ${checkpoints.size} finished runs found in ${partial}`);
  } else {
    if (state.kind === 'leftover') {
      if (!removePartial(partial)) throw new OutRefused(`${partial}, left by an interrupted run, holds files migsim did not write; move them away`);
      notes.push(`removed ${partial}, left by an interrupted run (process ${state.marker.pid}, started ${state.marker.started})`);
    } else if (settings.resume) {
      notes.push(`--resume: no interrupted run to continue at ${settings.out}; starting from the beginning`);
    }
  }
  // Only now, with nothing left to refuse, is anything created.
  const createdParent = makeParents(dirname(out));
  try {
    if (!(state.kind === 'leftover' && settings.resume)) createPartial(partial, fingerprint);
  } catch (error) {
    if (createdParent) removeEmptyFolders(createdParent, dirname(out));
    throw new OutRefused(`--out ${settings.out}: cannot create ${partial} (${(error as Error).message}); choose a folder you may write to`);
  }

  const progress = createProgress(settings.quiet, scenario.name);
  try {
    const simulation = settings.tables
      ? fromJobTables(scenario, settings.tables)
      : await simulateAll(scenario, {
          optionsRun,
          replicatesRun,
          workers,
          auto,
          partial,
          checkpoints,
          progress,
          signal: settings.signal,
          weeks,
        });
    const simulated = new Date();
    const { replicates, tables, failures } = simulation;
    if (simulation.stop) notes.push(simulation.stop);

    progress.phase(`analysing ${tables.size} runs`);
    await pauseForTests('analysis', settings.signal);
    throwIfAborted(settings.signal);
    const names = optionsRun.map((k) => scenario.options[k].name);
    const runs: RunRecord[] = [];
    for (const option of optionsRun) {
      for (const replicate of replicatesRun(replicates)) {
        const values = tables.get(`${option}:${replicate}`);
        if (values) runs.push({ option: scenario.options[option].name, replicate, table: { weeks: values.length / width - 1, places, values } });
      }
    }
    const failedFor = names.find((name) => !runs.some((run) => run.option === name));
    if (failedFor !== undefined) throw new AllRunsFailed(failures.filter((f) => f.option === failedFor));
    const summary = summarise(runs, names);
    const comparison = compareOptions(runs, names);
    const version = packageVersion();
    const resolvedRun: ResolvedScenario = { ...scenario, replicates };
    const reproduce = reproduceWords(scenario, replicates, settings);
    const reportNotes = [...(simulation.stop ? [simulation.stop] : [])];
    if (failures.length > 0) {
      const perOption = names.map((name) => `${name} ${runs.filter((run) => run.option === name).length}`).join(', ');
      reportNotes.push(
        `${failures.length} of ${failures.length + runs.length} runs failed and are left out (see failures.csv). ` +
          `The figures rest on these runs per option: ${perOption}; the n column of summary.csv and comparison.csv gives the count behind each figure.`,
      );
    }
    const report = await buildReport({
      title: scenario.name,
      question: scenario.question || undefined,
      scenarioPath: scenario.file,
      scenarioText: scenario.text,
      options: names,
      runs,
      summary,
      comparison,
      differingParameters: differingParameters(optionsRun.map((k) => scenario.options[k])),
      reproduceCommand: shellCommand(reproduce),
      notes: reportNotes,
      version,
      seed: scenario.seed,
      replicates,
      years: scenario.years,
      scale: Number(scenario.options[optionsRun[0]].params.scale),
      currency: String(scenario.options[optionsRun[0]].params.currency),
    });
    throwIfAborted(settings.signal);

    const files: [string, string][] = [
      ['timeseries.csv', timeseriesCsv(runs, names)],
      ['summary.csv', summaryCsv(summary)],
      ['comparison.csv', comparisonCsv(comparison)],
      ...(failures.length > 0 ? [['failures.csv', failuresCsv(failures)] as [string, string]] : []),
      ['report.html', report.html],
      ...[...report.svgs].map(([file, svg]) => [`charts/${file}`, svg] as [string, string]),
    ];
    progress.phase(`writing ${settings.out}`);
    const results = join(partial, RESULTS_FOLDER);
    for (const [k, [file, content]] of files.entries()) {
      throwIfAborted(settings.signal);
      await mkdir(dirname(join(results, file)), { recursive: true });
      await writeFile(join(results, file), content);
      // Held after the first file, so that a signal in the tests finds the folder half written.
      if (k === 0) await pauseForTests('writing', settings.signal);
    }
    const finished = new Date();
    const seconds = (a: Date, b: Date) => (b.getTime() - a.getTime()) / 1000;
    const manifest = {
      ...buildManifest(resolvedRun, version, {
        started: started.toISOString(),
        seconds: { simulation: seconds(started, simulated), analysis: seconds(simulated, finished), total: seconds(started, finished) },
        workers,
      }),
      ...(auto ? { replicates_auto: { ...auto, stopped_by: simulation.reason } } : {}),
      failures: failures.length,
      command: shellCommand(reproduce),
    };
    await writeFile(join(results, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
    throwIfAborted(settings.signal);
    commit(results, out, partial, target);
    progress.stop();
    return { seconds: (Date.now() - started.getTime()) / 1000, replicates, runs: runs.length, failures, notes };
  } catch (error) {
    progress.stop();
    removePartial(partial);
    if (createdParent) removeEmptyFolders(createdParent, dirname(out));
    throw error;
  }
}

interface SimulationPlan {
  readonly optionsRun: readonly number[];
  readonly replicatesRun: (upTo: number, from?: number) => number[];
  readonly workers: number;
  readonly auto: ResolvedScenario['auto'];
  readonly partial: string;
  readonly checkpoints: Map<string, Float64Array>;
  readonly progress: Progress;
  readonly signal: AbortSignal | undefined;
  readonly weeks: number;
}

interface SimulationResult {
  readonly replicates: number;
  /** Tables by "option:replicate". */
  readonly tables: Map<string, Float64Array>;
  readonly failures: RunFailureRecord[];
  readonly reason?: StopReason;
  readonly stop?: string;
}

/**
 * Runs the jobs on the worker pool, fixed or in batches. For replicates:
 * auto the next batch is queued while the current one finishes, so the
 * workers never wait for the decision; runs beyond the replicate count
 * decided are dropped, which keeps the result the same for any number of
 * workers.
 */
async function simulateAll(scenario: ResolvedScenario, plan: SimulationPlan): Promise<SimulationResult> {
  const { optionsRun, replicatesRun, auto, progress, signal } = plan;
  const tables = new Map<string, Float64Array>();
  const failures = new Map<string, RunFailureRecord>();
  const pool = new WorkerPool(workerFile(), { options: scenario.options, years: scenario.years }, plan.workers);
  let stopAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    stopAbort = () => reject(interruption(signal));
  });
  aborted.catch(() => {});
  const onAbort = () => stopAbort?.();
  signal?.addEventListener('abort', onAbort);
  if (signal?.aborted) onAbort();

  let nextKey = 0;
  let decided = false;
  const runBatch = (from: number, to: number): Promise<void> => {
    const jobs: Job[] = [];
    for (const option of optionsRun) {
      for (const replicate of replicatesRun(to, from)) {
        jobs.push({ index: option * scenario.replicates + replicate, option, replicate, seed: replicateSeed(scenario.seed, replicate) });
      }
    }
    return Promise.all(
      jobs.map(async (job) => {
        const key = `${job.option}:${job.replicate}`;
        const progressKey = nextKey++;
        const saved = plan.checkpoints.get(key);
        if (saved) {
          tables.set(key, saved);
          progress.runDone(progressKey);
          return;
        }
        const outcome = await pool.run(job, (week) => {
          if (!decided) progress.week(progressKey, week);
        });
        // Runs past the count an automatic run decided on are dropped unseen, so they cannot change anything.
        if (signal?.aborted || decided) return;
        if (outcome.ok) {
          tables.set(key, outcome.values);
          saveCheckpoint(plan.partial, job.option, job.replicate, outcome.values);
        } else {
          failures.set(key, {
            option: scenario.options[job.option].name,
            replicate: job.replicate,
            seed: job.seed,
            message: outcome.message,
            command: shellCommand(reproduceOne(scenario, scenario.replicates, job)),
          });
        }
        progress.runDone(progressKey);
      }),
    ).then(() => undefined);
  };

  const wait = <T>(promise: Promise<T>) => Promise.race([promise, aborted]);
  const started = Date.now();
  try {
    if (!auto) {
      progress.plan(optionsRun.length * replicatesRun(scenario.replicates).length, plan.weeks);
      await wait(runBatch(0, scenario.replicates));
      return { replicates: scenario.replicates, tables, failures: ordered(failures, scenario) };
    }
    const cap = optionsRun.length * auto.max;
    progress.plan(optionsRun.length * Math.min(auto.batch, auto.max), plan.weeks, cap);
    let done = 0;
    let current = runBatch(0, auto.batch);
    let check: PrecisionCheck = { met: false };
    let reason: StopReason = 'cap';
    let batchStarted = Date.now();
    let lastBatchSeconds = 0;
    for (;;) {
      const upTo = Math.min(done + auto.batch, auto.max);
      const next = upTo < auto.max ? runBatch(upTo, Math.min(upTo + auto.batch, auto.max)) : undefined;
      // A batch dropped by the decision is never awaited; its errors (a checkpoint that could not be written) do not matter then.
      next?.catch(() => {});
      progress.replan(optionsRun.length * Math.min(upTo + auto.batch, auto.max), cap);
      await wait(current);
      done = upTo;
      lastBatchSeconds = (Date.now() - batchStarted) / 1000;
      batchStarted = Date.now();
      const runs = recordsUpTo(scenario, optionsRun, tables, done);
      if (done >= 2 * auto.batch) {
        check = checkPrecision(runs, optionsRun.map((k) => scenario.options[k].name), auto);
        if (check.met) reason = 'precision';
      }
      const elapsed = (Date.now() - started) / 1000;
      // The time budget may stop after the first batch: a slower model or machine then gets fewer replicates, not a longer wait.
      const outOfTime = auto.seconds !== undefined && elapsed + lastBatchSeconds > auto.seconds;
      if (check.met || next === undefined || outOfTime) {
        if (!check.met && next === undefined) reason = 'cap';
        else if (!check.met) reason = 'time';
        decided = true;
        pool.dropQueued();
        progress.replan(optionsRun.length * done);
        for (const key of [...tables.keys()]) if (Number(key.split(':')[1]) >= done) tables.delete(key);
        for (const key of [...failures.keys()]) if (Number(key.split(':')[1]) >= done) failures.delete(key);
        const stop = describeStop(reason, done, auto, check, scenario.options[optionsRun[0]].name);
        return { replicates: done, tables, failures: ordered(failures, scenario), reason, stop };
      }
      current = next;
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    progress.stop();
    await pool.close();
  }
}

/** Tables by job index (planJobs order), as shards keep them, in the form simulateAll gives: by `option:replicate`. */
function fromJobTables(scenario: ResolvedScenario, byJob: Map<number, Float64Array>): SimulationResult {
  const tables = new Map<string, Float64Array>();
  for (const job of planJobs(scenario.options.length, scenario.replicates, scenario.seed)) {
    const values = byJob.get(job.index);
    if (values) tables.set(`${job.option}:${job.replicate}`, values);
  }
  return { replicates: scenario.replicates, tables, failures: [] };
}

function recordsUpTo(scenario: ResolvedScenario, optionsRun: readonly number[], tables: Map<string, Float64Array>, replicates: number): RunRecord[] {
  const places = resultPlaces(Object.keys(scenario.places.destinations));
  const width = INDICATORS.length * places.length;
  const runs: RunRecord[] = [];
  for (const option of optionsRun) {
    for (let replicate = 0; replicate < replicates; replicate++) {
      const values = tables.get(`${option}:${replicate}`);
      if (values) runs.push({ option: scenario.options[option].name, replicate, table: { weeks: values.length / width - 1, places, values } });
    }
  }
  return runs;
}

/** Failures in job order, whatever order they happened in. */
function ordered(failures: Map<string, RunFailureRecord>, scenario: ResolvedScenario): RunFailureRecord[] {
  const rank = (f: RunFailureRecord) => scenario.options.findIndex((o) => o.name === f.option) * 1e6 + f.replicate;
  return [...failures.values()].sort((a, b) => rank(a) - rank(b));
}

/** The words of `npx migsim run …` that repeat this run: same seed and replicate count, and the same filters. */
function reproduceWords(scenario: ResolvedScenario, replicates: number, settings: RunSettings): string[] {
  const words = ['npx', 'migsim', 'run', scenario.file, '--seed', String(scenario.seed), '--replicates', String(replicates)];
  if (settings.onlyOption !== undefined) words.push('--only-option', settings.onlyOption);
  if (settings.onlyReplicate !== undefined) words.push('--only-replicate', String(settings.onlyReplicate));
  return words;
}

/** The command that runs one job alone, on one worker. */
function reproduceOne(scenario: ResolvedScenario, replicates: number, job: Job): string[] {
  return [
    'npx', 'migsim', 'run', scenario.file,
    '--seed', String(scenario.seed),
    '--replicates', String(replicates),
    '--only-option', scenario.options[job.option].name,
    '--only-replicate', String(job.replicate),
    '--workers', '1',
  ];
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw interruption(signal);
}

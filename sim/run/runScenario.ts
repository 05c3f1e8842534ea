import { buildReport, comparisonCsv, compareOptions, summarise, summaryCsv, timeseriesCsv, type RunRecord } from '../../analysis/index.js';
import { INDICATORS, resultPlaces } from '../model/indicators.js';
import type { ResolvedScenario } from '../scenario/index.js';
import { differingParameters } from './differingParameters.js';
import { buildManifest } from './manifest.js';
import { packageVersion } from './packageVersion.js';
import { createProgress } from './progress.js';
import { runEnsemble } from './runEnsemble.js';
import { planJobs } from './runJob.js';
import { writeFolderAtomically } from './writeFolderAtomically.js';

export interface RunSettings {
  readonly out: string;
  readonly workers: number;
  readonly quiet: boolean;
  /** Run one option only (by name), e.g. to reproduce a failed run. */
  readonly onlyOption?: string;
  /** Run one replicate index only. */
  readonly onlyReplicate?: number;
  readonly signal?: AbortSignal;
  /** Tables already simulated, by job index (joined from shards by `migsim merge`); the ensemble is not run. */
  readonly tables?: Map<number, Float64Array>;
}

/**
 * Runs a scenario's ensemble and writes its results folder:
 *
 *   scenario → jobs (option × replicate) → worker threads → tables in job
 *   order → summary, paired comparison → CSV, manifest, charts, report →
 *   one atomic rename into `out`.
 */
export async function runScenario(scenario: ResolvedScenario, settings: RunSettings): Promise<{ seconds: number }> {
  const started = new Date();
  const optionIndex = settings.onlyOption === undefined ? -1 : scenario.options.findIndex((o) => o.name === settings.onlyOption);
  if (settings.onlyOption !== undefined && optionIndex < 0) {
    throw new Error(`--only-option: no option "${settings.onlyOption}"; options: ${scenario.options.map((o) => o.name).join(', ')}`);
  }
  const progress = createProgress(settings.quiet, scenario.name);
  let tables: Map<number, Float64Array>;
  if (settings.tables) tables = settings.tables;
  else try {
    tables = await runEnsemble(scenario, {
      workers: settings.workers,
      only: (job) => (optionIndex < 0 || job.option === optionIndex) && (settings.onlyReplicate === undefined || job.replicate === settings.onlyReplicate),
      onProgress: (done, total) => progress.update(done, total),
      signal: settings.signal,
    });
  } finally {
    progress.stop();
  }
  const simulated = new Date();

  const jobs = planJobs(scenario.options.length, scenario.replicates, scenario.seed).filter((j) => tables.has(j.index));
  const places = resultPlaces(Object.keys(scenario.places.destinations));
  const width = INDICATORS.length * places.length;
  const runs: RunRecord[] = jobs.map((job) => {
    const values = tables.get(job.index)!;
    return { option: scenario.options[job.option].name, replicate: job.replicate, table: { weeks: values.length / width - 1, places, values } };
  });
  const options = scenario.options.filter((_, k) => optionIndex < 0 || k === optionIndex);
  const names = options.map((o) => o.name);
  const summary = summarise(runs, names);
  const comparison = compareOptions(runs, names);
  const version = packageVersion();
  const first = options[0].params;
  const report = await buildReport({
    title: scenario.name,
    question: scenario.question || undefined,
    scenarioPath: scenario.file,
    scenarioText: scenario.text,
    options: names,
    runs,
    summary,
    comparison,
    differingParameters: differingParameters(options),
    reproduceCommand: `npx migsim@${version} run ${scenario.file} --seed ${scenario.seed} --replicates ${scenario.replicates}`,
    version,
    seed: scenario.seed,
    replicates: scenario.replicates,
    years: scenario.years,
    scale: Number(first.scale),
    currency: String(first.currency),
  });

  await writeFolderAtomically(settings.out, (put) => {
    put('timeseries.csv', timeseriesCsv(runs, names));
    put('summary.csv', summaryCsv(summary));
    put('comparison.csv', comparisonCsv(comparison));
    put('report.html', report.html);
    for (const [file, svg] of report.svgs) put(`charts/${file}`, svg);
    const finished = new Date();
    const seconds = (a: Date, b: Date) => (b.getTime() - a.getTime()) / 1000;
    const manifest = buildManifest(scenario, version, {
      started: started.toISOString(),
      seconds: { simulation: seconds(started, simulated), analysis: seconds(simulated, finished), total: seconds(started, finished) },
      workers: settings.workers,
    });
    put('manifest.json', JSON.stringify(manifest, null, 2) + '\n');
  });
  return { seconds: (Date.now() - started.getTime()) / 1000 };
}

import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import { mean } from 'simple-statistics';
import { meanInterval } from '../../analysis/meanInterval.js';
import { INDICATORS, resultPlaces } from '../model/indicators.js';
import type { ParamValue } from '../model/params/paramDef.js';
import { expandShorthand, expandValues } from '../model/params/catalogue.js';
import { compilePlaces } from '../model/params/places.js';
import { TEMPLATES } from '../model/params/registry.js';
import { createStream, replicateSeed } from '../model/random.js';
import { packageVersion } from '../run/packageVersion.js';
import { createProgress } from '../run/progress.js';
import { runEnsemble } from '../run/runEnsemble.js';
import { planJobs } from '../run/runJob.js';
import { writeFolderAtomically } from '../run/writeFolderAtomically.js';
import type { ResolvedOption, ResolvedScenario } from '../scenario/index.js';
import { acceptNearest, drawFromPrior, summarisePosterior, type ParameterRanges, type ParameterVector } from './abc.js';
import { calibrationCsv, samplesCsv } from './calibrationCsv.js';
import { buildCalibrationReport } from './calibrationReport.js';
import type { CalibrationResult, CalibrationSetup, SampleResult, TargetResult } from './calibrationResult.js';
import { resolveCalibrationBase } from './resolveCalibrationBase.js';
import { distanceFromTargets, type CalibrationTarget } from './targets.js';

export interface CalibrationSettings {
  /** A shipped base name or a base file. */
  readonly base: string;
  readonly out: string;
  readonly budget: number;
  readonly seed: number;
  readonly replicates: number;
  readonly checkReplicates: number;
  readonly years: number;
  readonly agents: number;
  readonly acceptShare: number;
  readonly workers: number;
  readonly quiet: boolean;
  /** Replace a previous calibration folder at `out`. */
  readonly force?: boolean;
  readonly signal?: AbortSignal;
}

/**
 * Calibrates a base's uncertain parameters to its targets and writes the
 * calibration folder:
 *
 *   base → uniform draws from its `uncertain:` ranges (seeded) → sample ×
 *   replicate runs on the worker pool → target statistics → distance →
 *   ABC rejection (nearest share accepted) → posterior means, rounded →
 *   check run of the current and the fitted values (more replicates, the
 *   same seeds) → calibration.csv, posterior.csv, samples.csv, charts,
 *   report.html, manifest.json → one atomic rename into `out`.
 *
 * The same settings give the same files (the manifest's run timings aside),
 * whatever the number of workers.
 */
export async function runCalibration(settings: CalibrationSettings): Promise<{ result: CalibrationResult; seconds: number }> {
  const started = new Date();
  const base = resolveCalibrationBase(settings.base, settings.years, settings.seed);
  const ranges: ParameterRanges = base.scenario.uncertain;
  const parameters = Object.keys(ranges);
  const targets = base.targets.targets;
  const baseParams = base.scenario.options[0].params;
  const baseScale = Number(baseParams.scale);
  const potentialMigrants = Number(baseParams['population.potential_migrants']);
  // Fewer agents (a larger scale) than the base, never more.
  const scale = Math.max(baseScale, Math.round(potentialMigrants / settings.agents));
  const setup: CalibrationSetup = {
    base: settings.base,
    baseName: base.name,
    baseFile: base.file,
    baseText: base.text,
    seed: settings.seed,
    budget: settings.budget,
    replicates: settings.replicates,
    checkReplicates: settings.checkReplicates,
    years: settings.years,
    acceptShare: settings.acceptShare,
    agents: settings.agents,
    baseScale,
    scale,
    potentialMigrants,
  };

  // The search.
  const draws = drawFromPrior(ranges, settings.budget, createStream(`migsim-calibrate:${settings.seed}`, 'prior')).map(roundIntegers);
  const sampleOptions = draws.map((theta, k) => withValues(base.scenario.options[0], `sample ${k + 1}`, theta, scale));
  const searchStats = await runStatistics(base.scenario, sampleOptions, settings.replicates, targets, settings, 'calibrate: search');
  const samples: SampleResult[] = draws.map((theta, index) => {
    const statistics = searchStats[index].map((values) => mean(values));
    return { index, theta, statistics, distance: finiteOr(distanceFromTargets(targets, statistics)) };
  });
  const { accepted, epsilon } = acceptNearest(samples, settings.acceptShare);
  const posterior = summarisePosterior(accepted, ranges);
  const fittedValues = roundIntegers(Object.fromEntries(posterior.map((p) => [p.name, clamp(threeDigits(p.mean), ranges[p.name])])));
  // A short name (`police.corruption`) stands for every destination country; its current value is the first country's.
  const places = compilePlaces(base.scenario.places);
  const currentValues = Object.fromEntries(parameters.map((name) => [name, Number(baseParams[expandShorthand(name, places)?.[0] ?? name])]));

  // The check: current and fitted values, more replicates, the same seeds.
  const checkOptions = [
    withValues(base.scenario.options[0], 'current values', currentValues, scale),
    withValues(base.scenario.options[0], 'fitted values', fittedValues, scale),
  ];
  const checkStats = await runStatistics(base.scenario, checkOptions, settings.checkReplicates, targets, settings, 'calibrate: check');
  const results: TargetResult[] = targets.map((target, t) => ({
    target,
    current: meanInterval(checkStats[0][t]),
    fitted: meanInterval(checkStats[1][t]),
  }));
  const distance = {
    current: distanceFromTargets(targets, results.map((r) => r.current.mean)),
    fitted: distanceFromTargets(targets, results.map((r) => r.fitted.mean)),
  };
  const simulated = new Date();

  const result: CalibrationResult = {
    setup,
    targets,
    skipped: base.targets.skipped,
    parameters,
    samples,
    accepted,
    epsilon,
    posterior,
    currentValues,
    fittedValues,
    results,
    distance,
  };
  const version = packageVersion();
  const command = reproduceCommand(setup);
  const report = await buildCalibrationReport(result, { version, command });

  await writeFolderAtomically(settings.out, (put) => {
    put('calibration.csv', calibrationCsv(result));
    put('posterior.csv', samplesCsv(result, 'accepted'));
    put('samples.csv', samplesCsv(result, 'all'));
    put('report.html', report.html);
    for (const [file, svg] of report.svgs) put(`charts/${file}`, svg);
    const finished = new Date();
    const seconds = (a: Date, b: Date) => (b.getTime() - a.getTime()) / 1000;
    const manifest = buildCalibrationManifest(result, version, command, {
      started: started.toISOString(),
      seconds: { simulation: seconds(started, simulated), analysis: seconds(simulated, finished), total: seconds(started, finished) },
      workers: settings.workers,
    });
    put('manifest.json', JSON.stringify(manifest, null, 2) + '\n');
  }, { force: settings.force });
  return { result, seconds: (Date.now() - started.getTime()) / 1000 };
}

/**
 * Runs options × replicates on the worker pool and returns, for each option
 * and target, the statistic of each replicate: `stats[option][target][replicate]`.
 */
async function runStatistics(
  scenario: ResolvedScenario,
  options: ResolvedOption[],
  replicates: number,
  targets: readonly CalibrationTarget[],
  settings: CalibrationSettings,
  label: string,
): Promise<number[][][]> {
  const ensemble: ResolvedScenario = { ...scenario, options, replicates, seed: settings.seed, years: settings.years };
  const progress = createProgress(settings.quiet, label);
  let tables: Map<number, Float64Array>;
  try {
    tables = await runEnsemble(ensemble, {
      workers: settings.workers,
      onProgress: (done, total) => progress.update(done, total),
      signal: settings.signal,
    });
  } finally {
    progress.stop();
  }
  const places = resultPlaces(Object.keys(scenario.places.destinations));
  const width = INDICATORS.length * places.length;
  const stats = options.map(() => targets.map(() => [] as number[]));
  for (const job of planJobs(options.length, replicates, settings.seed)) {
    const values = tables.get(job.index)!;
    const table = { weeks: values.length / width - 1, places, values };
    targets.forEach((target, t) => stats[job.option][t].push(target.statistic(table, options[job.option].params)));
  }
  return stats;
}

/** The base's option with some parameters replaced and the calibration's scale. */
function withValues(option: ResolvedOption, name: string, theta: ParameterVector, scale: number): ResolvedOption {
  return { name, places: option.places, params: { ...option.params, ...expandValues(theta, compilePlaces(option.places)), scale }, events: option.events };
}

/** Names (full or short) of integer parameters, such as a number of weeks: drawn and fitted as whole numbers. */
const integerTemplates: readonly string[] = TEMPLATES.filter((t) => t.kind === 'integer').map((t) => t.name);
const isInteger = (name: string) => integerTemplates.some((t) => name === t || name.endsWith(`.${t}`));

/** Integer parameters drawn or fitted as whole numbers. */
function roundIntegers(theta: ParameterVector): ParameterVector {
  const out: Record<string, number> = {};
  for (const [name, value] of Object.entries(theta)) out[name] = isInteger(name) ? Math.round(value) : value;
  return out;
}

/** A value rounded to 3 significant digits, as a base would write it. */
function threeDigits(value: number): number {
  return value === 0 ? 0 : Number(value.toPrecision(3));
}

function clamp(value: number, [low, high]: readonly [number, number]): number {
  return Math.min(high, Math.max(low, value));
}

/** NaN distances (statistics not defined) sort last, as Infinity. */
function finiteOr(distance: number): number {
  return Number.isNaN(distance) ? Infinity : distance;
}

/** Run inside the project (or where migsim is installed): `npx migsim` then uses that copy and fetches nothing. */
function reproduceCommand(s: CalibrationSetup): string {
  return (
    `npx migsim calibrate ${s.base} --budget ${s.budget} --seed ${s.seed} --replicates ${s.replicates}` +
    ` --check-replicates ${s.checkReplicates} --years ${s.years} --agents ${s.agents} --accept ${s.acceptShare}`
  );
}

/** The manifest of a calibration folder: what was fitted to what, how, with which seeds and version, and how the run went. */
function buildCalibrationManifest(
  result: CalibrationResult,
  version: string,
  command: string,
  run: { started: string; seconds: { simulation: number; analysis: number; total: number }; workers: number },
): object {
  const s = result.setup;
  const values = (v: Readonly<Record<string, ParamValue>>) => ({ ...v });
  return {
    base: { ref: s.base, name: s.baseName, path: s.baseFile, sha256: createHash('sha256').update(s.baseText).digest('hex'), text: s.baseText },
    package: { name: 'migsim', version },
    command,
    method: {
      name: 'ABC rejection',
      prior: 'uniform on each uncertain range',
      prior_stream: `migsim-calibrate:${s.seed}/prior`,
      budget: s.budget,
      accept_share: s.acceptShare,
      accepted: result.accepted.length,
      epsilon: result.epsilon,
      distance: 'mean over targets of the squared error over the squared half-width of the tolerance band on the side of the miss',
    },
    seed: s.seed,
    replicates_per_sample: s.replicates,
    check_replicates: s.checkReplicates,
    replicate_seeds: Array.from({ length: Math.max(s.replicates, s.checkReplicates) }, (_, r) => replicateSeed(s.seed, r)),
    years: s.years,
    scale: { base: s.baseScale, used: s.scale, agents_asked: s.agents },
    uncertain: Object.fromEntries(result.posterior.map((p) => [p.name, p.prior])),
    targets: result.targets.map((t) => ({ name: t.name, source: t.source, value: t.sourceValue, tolerance: [t.tolerance.low, t.tolerance.high] })),
    current: values(result.currentValues),
    fitted: values(result.fittedValues),
    posterior: result.posterior,
    distance: result.distance,
    run: { ...run, host: hostname(), node: process.version, platform: `${process.platform}-${process.arch}` },
  };
}

import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import { mean, quantile } from 'simple-statistics';
import { meanInterval } from '../../analysis/meanInterval.js';
import { INDICATORS, resultPlaces } from '../model/indicators.js';
import type { ParamValue } from '../model/params/paramDef.js';
import { expandShorthand, expandValues } from '../model/params/catalogue.js';
import { compilePlaces } from '../model/params/places.js';
import { TEMPLATES } from '../model/params/registry.js';
import { createStream, cumulate, drawIndex, replicateSeed } from '../model/random.js';
import { packageVersion } from '../run/packageVersion.js';
import { createProgress } from '../run/progress.js';
import { runEnsemble } from '../run/runEnsemble.js';
import { planJobs, type Job } from '../run/runJob.js';
import { writeFolderAtomically } from '../run/writeFolderAtomically.js';
import type { ResolvedOption, ResolvedScenario } from '../scenario/index.js';
import { formatNumber } from '../../analysis/formatNumber.js';
import { acceptNearest, drawFromPrior, summarisePosterior, type ParameterRanges, type ParameterVector, type PosteriorSummary } from './abc.js';
import { abcSmc, summariseParticles, uniformPrior, type SmcGeneration, type SmcSample } from './abcSmc.js';
import { calibrationCsv, generationsCsv, predictiveCsv, samplesCsv } from './calibrationCsv.js';
import { buildCalibrationReport } from './calibrationReport.js';
import type { AcceptedSample, CalibrationResult, CalibrationSetup, PredictiveResult, SampleResult, TargetResult } from './calibrationResult.js';
import { CALIBRATION_DEFAULTS } from './calibrationDefaults.js';
import { resolveCalibrationBase } from './resolveCalibrationBase.js';
import { distanceFromTargets, withinTolerance, type CalibrationTarget } from './targets.js';

export interface CalibrationSettings {
  /** A shipped base name or a base file. */
  readonly base: string;
  readonly out: string;
  /** `smc` (the default) or `rejection`. */
  readonly method?: 'smc' | 'rejection';
  /** Rejection: draws from the prior. SMC: the most samples simulated over the search (default: no cap). */
  readonly budget?: number;
  /** SMC: particles per generation, generations, tolerance quantile, minimum acceptance rate. */
  readonly particles?: number;
  readonly generations?: number;
  readonly quantile?: number;
  readonly minAcceptance?: number;
  /** Draws from the posterior for the predictive check. */
  readonly predictive?: number;
  readonly seed: number;
  readonly replicates: number;
  readonly checkReplicates: number;
  readonly years: number;
  readonly agents: number;
  /** Rejection: share of the draws accepted. */
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
 *   base → search (SMC: generations of particles with decreasing
 *   tolerances; rejection: uniform draws, the nearest share kept), each
 *   sample run for `replicates` seeded replicates on the worker pool →
 *   target statistics → distance → posterior (weighted particles) →
 *   posterior means, rounded → check run of the current and the fitted
 *   values (more replicates, the same seeds) → posterior predictive check
 *   (draws from the posterior, each with a replicate seed of its own) →
 *   calibration.csv, posterior.csv, samples.csv, generations.csv,
 *   predictive.csv, charts, report.html, manifest.json → one atomic rename
 *   into `out`.
 *
 * Each sample's scale follows its own `population.potential_migrants` (when
 * that is calibrated), so that every run has about `agents` agents.
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
  const scaleFor = (theta: ParameterVector) =>
    Math.max(baseScale, Math.round(Number(theta['population.potential_migrants'] ?? potentialMigrants) / settings.agents));
  const method = settings.method ?? CALIBRATION_DEFAULTS.method;
  const smc = {
    particles: settings.particles ?? CALIBRATION_DEFAULTS.particles,
    generations: settings.generations ?? CALIBRATION_DEFAULTS.generations,
    quantile: settings.quantile ?? CALIBRATION_DEFAULTS.quantile,
    minAcceptance: settings.minAcceptance ?? CALIBRATION_DEFAULTS.minAcceptance,
  };
  const budget = settings.budget ?? (method === 'rejection' ? CALIBRATION_DEFAULTS.rejectionBudget : Infinity);
  const predictiveDraws = settings.predictive ?? CALIBRATION_DEFAULTS.predictive;
  const setup: CalibrationSetup = {
    base: settings.base,
    baseName: base.name,
    baseFile: base.file,
    baseText: base.text,
    seed: settings.seed,
    method,
    budget,
    smc,
    predictive: predictiveDraws,
    replicates: settings.replicates,
    checkReplicates: settings.checkReplicates,
    years: settings.years,
    acceptShare: settings.acceptShare,
    agents: settings.agents,
    baseScale,
    scale: scaleFor({}),
    potentialMigrants,
  };
  const option = base.scenario.options[0];
  const stream = (purpose: string) => createStream(`migsim-calibrate:${settings.seed}`, purpose);

  // The search.
  const simulateSamples = async (thetas: readonly ParameterVector[], label: string): Promise<{ statistics: number[]; distance: number }[]> => {
    const options = thetas.map((theta, k) => withValues(option, `sample ${k + 1}`, theta, scaleFor(theta)));
    const stats = await runStatistics(base.scenario, options, settings.replicates, targets, settings, label);
    return stats.map((perTarget) => {
      const statistics = perTarget.map((values) => mean(values));
      return { statistics, distance: finiteOr(distanceFromTargets(targets, statistics)) };
    });
  };
  let samples: SampleResult[];
  let accepted: AcceptedSample[];
  let epsilon: number;
  let posterior: PosteriorSummary[];
  let generations: SmcGeneration[];
  if (method === 'rejection') {
    const draws = drawFromPrior(ranges, budget, stream('prior')).map(roundIntegers);
    const evaluated = await simulateSamples(draws, 'calibrate: search');
    samples = draws.map((theta, index) => ({ index, generation: 0, theta, ...evaluated[index] }));
    const nearest = acceptNearest(samples, settings.acceptShare);
    accepted = nearest.accepted.map((s) => ({ ...s, weight: 1 / nearest.accepted.length }));
    epsilon = nearest.epsilon;
    posterior = summarisePosterior(accepted, ranges);
    generations = [
      {
        generation: 0,
        tolerance: epsilon,
        simulated: samples.length,
        withinTolerance: samples.filter((x) => x.distance <= epsilon).length,
        acceptanceRate: samples.filter((x) => x.distance <= epsilon).length / samples.length,
        kept: accepted.length,
        effectiveSize: accepted.length,
        complete: true,
      },
    ];
  } else {
    const statistics = new Map<string, number[]>();
    const key = (p: { generation: number; index: number }) => `${p.generation}:${p.index}`;
    const result = await abcSmc({
      prior: uniformPrior(ranges),
      settings: { ...smc, budget },
      rng: stream('smc'),
      transform: roundIntegers,
      // A kernel never narrower than a millionth of a parameter's prior range, so that it can always move.
      varianceFloor: parameters.map((name) => ((ranges[name][1] - ranges[name][0]) * 1e-6) ** 2),
      evaluate: async (batch) => {
        const evaluated = await simulateSamples(
          batch.map((p) => p.theta),
          `calibrate: generation ${batch[0].generation}`,
        );
        batch.forEach((p, i) => statistics.set(key(p), evaluated[i].statistics));
        return evaluated.map((e) => e.distance);
      },
      onGeneration: (g) => {
        if (!settings.quiet) {
          process.stderr.write(
            `calibrate: generation ${g.generation}: tolerance ${formatNumber(g.tolerance)}, ${g.withinTolerance} of ${g.simulated} within (${formatNumber(g.acceptanceRate)})${g.complete ? '' : ', incomplete: the search stops'}\n`,
          );
        }
      },
    });
    const withStats = <S extends SmcSample>(s: S) => ({ index: s.index, generation: s.generation, theta: s.theta, distance: s.distance, statistics: statistics.get(key(s))! });
    samples = result.samples.map(withStats);
    accepted = result.population.map((p) => ({ ...withStats(p), weight: p.weight }));
    generations = [...result.generations];
    // The tolerance of the last complete generation (generation 0 has none: its largest distance).
    const last = generations.filter((g) => g.complete).pop()!;
    epsilon = Number.isFinite(last.tolerance) ? last.tolerance : Math.max(...accepted.map((p) => p.distance));
    posterior = summariseParticles(result.population, parameters).map((p) => ({ ...p, prior: ranges[p.name] }));
  }
  const fittedValues = roundIntegers(Object.fromEntries(posterior.map((p) => [p.name, clamp(threeDigits(p.mean), ranges[p.name])])));
  // A short name (`police.corruption`) stands for every destination country; its current value is the first country's.
  const places = compilePlaces(base.scenario.places);
  const currentValues = Object.fromEntries(parameters.map((name) => [name, Number(baseParams[expandShorthand(name, places)?.[0] ?? name])]));

  // The check: current and fitted values, more replicates, the same seeds.
  const checkOptions = [
    withValues(option, 'current values', currentValues, scaleFor(currentValues)),
    withValues(option, 'fitted values', fittedValues, scaleFor(fittedValues)),
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

  // The posterior predictive check: draws from the posterior by weight, draw k with replicate seed k.
  const predictive: PredictiveResult[] = [];
  if (predictiveDraws > 0) {
    const cumulativeWeights = cumulate(accepted.map((p) => p.weight));
    const pickRng = stream('predictive');
    const picks = Array.from({ length: predictiveDraws }, () => accepted[drawIndex(pickRng, cumulativeWeights)].theta);
    const predictiveOptions = picks.map((theta, k) => withValues(option, `predictive ${k + 1}`, theta, scaleFor(theta)));
    const predictiveStats = await runStatistics(base.scenario, predictiveOptions, predictiveDraws, targets, settings, 'calibrate: predictive', (job) => job.replicate === job.option);
    targets.forEach((target, t) => predictive.push(summarisePredictive(target, predictiveStats.map((perTarget) => perTarget[t][0]))));
  }
  const simulated = new Date();

  const result: CalibrationResult = {
    setup,
    targets,
    skipped: base.targets.skipped,
    parameters,
    samples,
    accepted,
    epsilon,
    generations,
    predictive,
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
    put('generations.csv', generationsCsv(result));
    put('predictive.csv', predictiveCsv(result));
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
  only?: (job: Job) => boolean,
): Promise<number[][][]> {
  const ensemble: ResolvedScenario = { ...scenario, options, replicates, seed: settings.seed, years: settings.years };
  const progress = createProgress(settings.quiet, label);
  let tables: Map<number, Float64Array>;
  try {
    tables = await runEnsemble(ensemble, {
      workers: settings.workers,
      ...(only ? { only } : {}),
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
    if (only && !only(job)) continue;
    const values = tables.get(job.index)!;
    const table = { weeks: values.length / width - 1, places, values };
    targets.forEach((target, t) => stats[job.option][t].push(target.statistic(table, options[job.option].params)));
  }
  return stats;
}

/** A target's predictive distribution from one statistic per posterior draw. */
function summarisePredictive(target: CalibrationTarget, values: number[]): PredictiveResult {
  const finite = values.filter((v) => Number.isFinite(v));
  const share = (test: (v: number) => boolean) => (finite.length > 0 ? finite.filter(test).length / finite.length : NaN);
  return {
    target,
    values,
    median: finite.length > 0 ? quantile(finite, 0.5) : NaN,
    low: finite.length > 0 ? quantile(finite, 0.05) : NaN,
    high: finite.length > 0 ? quantile(finite, 0.95) : NaN,
    withinTolerance: share((v) => withinTolerance(target, v)),
    belowSource: share((v) => v <= target.sourceValue),
  };
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
  const search =
    s.method === 'rejection'
      ? `--method rejection --budget ${s.budget} --accept ${s.acceptShare}`
      : `--method smc --particles ${s.smc.particles} --generations ${s.smc.generations} --quantile ${s.smc.quantile}` +
        ` --min-acceptance ${s.smc.minAcceptance}${Number.isFinite(s.budget) ? ` --budget ${s.budget}` : ''}`;
  return (
    `npx migsim calibrate ${s.base} ${search} --seed ${s.seed} --replicates ${s.replicates}` +
    ` --check-replicates ${s.checkReplicates} --predictive ${s.predictive} --years ${s.years} --agents ${s.agents}`
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
      name: s.method === 'rejection' ? 'ABC rejection' : 'ABC with sequential Monte Carlo (Toni et al. 2009; Beaumont et al. 2009)',
      prior: 'uniform on each uncertain range',
      stream: `migsim-calibrate:${s.seed}/${s.method === 'rejection' ? 'prior' : 'smc'}`,
      budget: Number.isFinite(s.budget) ? s.budget : null,
      ...(s.method === 'rejection'
        ? { accept_share: s.acceptShare }
        : {
            particles: s.smc.particles,
            generations: s.smc.generations,
            tolerance_quantile: s.smc.quantile,
            min_acceptance: s.smc.minAcceptance,
            kernel: 'Gaussian, twice the weighted covariance of the previous generation',
          }),
      accepted: result.accepted.length,
      epsilon: result.epsilon,
      per_generation: result.generations.map((g) => ({ ...g, tolerance: Number.isFinite(g.tolerance) ? g.tolerance : null })),
      simulated: result.samples.length,
      predictive_draws: s.predictive,
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

import { sweepCsv } from '../../analysis/sweep/sweepCsv.js';
import { buildSweepReport } from '../../analysis/sweep/sweepReport.js';
import type { SweepValue } from '../../analysis/sweep/sweepRow.js';
import { summariseSweep } from '../../analysis/sweep/summariseSweep.js';
import type { IndicatorValues } from '../../analysis/endOfHorizon.js';
import { buildManifest } from '../run/manifest.js';
import { packageVersion } from '../run/packageVersion.js';
import type { ResolvedOption, ResolvedScenario } from '../scenario/index.js';
import { runVariants } from './runVariants.js';
import { scaleOf } from './scaleForAgents.js';
import { sweepPoints, type SweepPoint } from './sweepPoints.js';
import { checkNewFolder, writeNewFolder } from './writeNewFolder.js';

export interface SweepSettings {
  readonly out: string;
  readonly workers: number;
  readonly quiet: boolean;
  /** `--replicates`: replicates per point, over the sweep's and the scenario's. */
  readonly replicates?: number;
  readonly signal?: AbortSignal;
  /** Tables already simulated, by job index (joined from shards by `migsim merge`); nothing is run. */
  readonly tables?: Map<number, Float64Array>;
}

/** What a sweep runs: every option at every point (variant-major), with its replicates. */
export interface SweepPlan {
  readonly variants: ResolvedOption[];
  readonly replicates: number;
  readonly points: SweepPoint[];
  readonly parameters: string[];
}

/**
 * The runs of a scenario's sweep: option o at point p is variant
 * o · points + p, with the point's values over the option's from week 0.
 * Replicates: `--replicates`, else the sweep's, else the scenario's.
 */
export function planSweep(scenario: ResolvedScenario, replicatesOverride?: number): SweepPlan {
  const spec = scenario.sweep;
  if (!spec) throw new Error(`${scenario.file} has no sweep: section`);
  const points = sweepPoints(spec, scenario.seed);
  const variants = scenario.options.flatMap((option) =>
    points.map((point, p) => ({ name: `${option.name} @ ${p}`, places: option.places, params: { ...option.params, ...point }, events: option.events })),
  );
  return { variants, replicates: replicatesOverride ?? spec.replicates ?? scenario.replicates, points, parameters: spec.parameters.map((p) => p.name) };
}

/**
 * Runs a scenario's sweep and writes its results folder:
 *
 *   sweep → points (grid, Latin hypercube or Sobol) → every option at every
 *   point × replicates on the worker pool (common seeds) → end-of-horizon
 *   mean, sd and 95% t-interval per option, point and indicator →
 *   sweep.csv, response charts, report.html, manifest.json → one rename into
 *   `out`, which must be new or empty.
 *
 * The same scenario gives the same files (the manifest's run record aside),
 * whatever the number of workers.
 */
export async function runSweep(scenario: ResolvedScenario, settings: SweepSettings): Promise<{ seconds: number }> {
  const started = new Date();
  checkNewFolder(settings.out);
  const { variants, replicates, points, parameters } = planSweep(scenario, settings.replicates);
  const spec = scenario.sweep!;
  const { places, ends } = await runVariants(scenario, variants, {
    replicates,
    workers: settings.workers,
    quiet: settings.quiet,
    label: scenario.name,
    signal: settings.signal,
    tables: settings.tables,
  });
  const simulated = new Date();
  const byOption = ends.map((ofPlace) => scenario.options.map((_, o) => ofPlace.slice(o * points.length, (o + 1) * points.length) as IndicatorValues[][]));
  const names = scenario.options.map((o) => o.name);
  const values: SweepValue[][] = points.map((point) => parameters.map((name) => point[name]));
  const rows = summariseSweep(byOption, names, values, places);

  const version = packageVersion();
  const first = scenario.options[0].params;
  const command = `npx migsim@${version} run ${scenario.file} --seed ${scenario.seed} --replicates ${replicates}`;
  const report = await buildSweepReport({
    title: scenario.name,
    question: scenario.question || undefined,
    scenarioPath: scenario.file,
    scenarioText: scenario.text,
    design: spec.design,
    options: names,
    parameters,
    points: values,
    // The charts show every destination together; sweep.csv has each destination country too.
    rows: rows.filter((row) => row.place === places[0]),
    replicates,
    years: scenario.years,
    seed: scenario.seed,
    scale: scaleOf(first),
    currency: String(first.currency),
    version,
    command,
  });
  await writeNewFolder(settings.out, (put) => {
    put('sweep.csv', sweepCsv(rows, parameters));
    put('report.html', report.html);
    for (const [file, svg] of report.svgs) put(`charts/${file}`, svg);
    const finished = new Date();
    const seconds = (a: Date, b: Date) => (b.getTime() - a.getTime()) / 1000;
    const manifest = {
      ...buildManifest({ ...scenario, replicates }, version, {
        started: started.toISOString(),
        seconds: { simulation: seconds(started, simulated), analysis: seconds(simulated, finished), total: seconds(started, finished) },
        workers: settings.workers,
      }),
      sweep: { design: spec.design, parameters, points },
    };
    put('manifest.json', JSON.stringify(manifest, null, 2) + '\n');
  });
  return { seconds: (Date.now() - started.getTime()) / 1000 };
}

import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import { csv } from '../../analysis/csv.js';
import { formatNumber } from '../../analysis/formatNumber.js';
import { KEY_INDICATORS } from '../../analysis/keyIndicators.js';
import { analyseSensitivity } from '../../analysis/sensitivity/analyseSensitivity.js';
import { sensitivityCsv } from '../../analysis/sensitivity/sensitivityCsv.js';
import { sensitivityDesign, type SensitivityDesign, type UncertainRange } from '../../analysis/sensitivity/sensitivityDesign.js';
import { sensitivityOutputs } from '../../analysis/sensitivity/sensitivityOutputs.js';
import { buildSensitivityReport } from '../../analysis/sensitivity/sensitivityReport.js';
import type { SensitivityMethod } from '../../analysis/sensitivity/sensitivityRow.js';
import { SALTELLI_MAX_PARAMETERS } from '../../analysis/sensitivity/saltelliSample.js';
import type { IndicatorValues } from '../../analysis/endOfHorizon.js';
import { templateOf } from '../model/params/catalogue.js';
import { createStream, replicateSeed } from '../model/random.js';
import { packageVersion } from '../run/packageVersion.js';
import type { ResolvedOption, ResolvedScenario } from '../scenario/index.js';
import { withYears } from './horizonCheck.js';
import { runVariants } from './runVariants.js';
import { scaleForAgents, scaleOf } from './scaleForAgents.js';
import { checkNewFolder, writeNewFolder } from './writeNewFolder.js';

export interface SensitivitySettings {
  readonly method: SensitivityMethod;
  /** Morris trajectories or Sobol base rows; a default per method when absent. */
  readonly samples?: number;
  readonly replicates?: number;
  readonly years?: number;
  readonly agents?: number;
  readonly out: string;
  readonly workers: number;
  readonly quiet: boolean;
  readonly signal?: AbortSignal;
  /** Tables already simulated, by job index (joined from shards by `migsim merge`); nothing is run. */
  readonly tables?: Map<number, Float64Array>;
}

/** What a sensitivity analysis runs: every option at every design point (variant-major), with its replicates. */
export interface SensitivityPlan {
  /** The scenario with the horizon of `--years`. */
  readonly scenario: ResolvedScenario;
  readonly ranges: UncertainRange[];
  readonly rangesFrom: string;
  readonly samples: number;
  readonly design: SensitivityDesign;
  readonly variants: ResolvedOption[];
  readonly replicates: number;
}

/**
 * The runs of a sensitivity analysis: option o at design point p is variant
 * o · points + p, with the point's values over the option's and the scale
 * of `--agents`.
 */
export function planSensitivity(
  loaded: ResolvedScenario,
  settings: Pick<SensitivitySettings, 'method' | 'samples' | 'replicates' | 'years' | 'agents'>,
): SensitivityPlan {
  const scenario = withYears(loaded, settings.years);
  const ranges = uncertainRanges(scenario);
  const rangesFrom = scenario.sensitivity ? `the scenario's sensitivity: section` : `the base's uncertain: section (${scenario.base})`;
  if (settings.method === 'sobol' && ranges.length > SALTELLI_MAX_PARAMETERS) {
    throw new Error(`sobol supports at most ${SALTELLI_MAX_PARAMETERS} parameters, got ${ranges.length}; screen them with --method morris first`);
  }
  const samples = settings.samples ?? DEFAULT_SAMPLES[settings.method];
  if (settings.method === 'sobol' && samples < 2) throw new Error('--samples for sobol expects at least 2 base rows');
  const design = sensitivityDesign(settings.method, ranges, samples, createStream(`migsim-sensitivity:${scenario.seed}`, 'design'));
  const variants: ResolvedOption[] = scenario.options.flatMap((option) =>
    design.values.map((values, p) => ({
      name: `${option.name} @ ${p}`,
      places: option.places,
      params: scaleForAgents({ ...option.params, ...values }, settings.agents),
      events: option.events,
    })),
  );
  return { scenario, ranges, rangesFrom, samples, design, variants, replicates: settings.replicates ?? scenario.replicates };
}

/** Defaults: 10 trajectories is Morris's usual screening size; 64 base rows a first look for Sobol. */
export const DEFAULT_SAMPLES: Readonly<Record<SensitivityMethod, number>> = { morris: 10, sobol: 64 };

/**
 * Runs a global sensitivity analysis of a scenario and writes its folder:
 *
 *   ranges (the scenario's `sensitivity:`, else the base's `uncertain:`) →
 *   Morris trajectories or Saltelli sample → each option at each point ×
 *   replicates on the worker pool (common seeds) → end-of-horizon key
 *   indicators and paired option differences → μ*, μ, σ or S1, ST with
 *   bootstrap intervals → sensitivity.csv, design.csv, report.html, charts,
 *   manifest.json → one rename into `out`, which must be new or empty.
 *
 * The same settings give the same files (the manifest's run record aside),
 * whatever the number of workers.
 */
export async function runSensitivity(loaded: ResolvedScenario, settings: SensitivitySettings): Promise<{ seconds: number }> {
  const started = new Date();
  checkNewFolder(settings.out);
  const { scenario, ranges, rangesFrom, samples, design, variants, replicates } = planSensitivity(loaded, settings);
  const points = design.values.length;
  const { places, ends } = await runVariants(scenario, variants, {
    replicates,
    workers: settings.workers,
    quiet: settings.quiet,
    label: `sensitivity (${settings.method})`,
    signal: settings.signal,
    tables: settings.tables,
  });
  const simulated = new Date();
  const byOption = (p: number) => scenario.options.map((_, o) => ends[p].slice(o * points, (o + 1) * points) as IndicatorValues[][]);
  const names = scenario.options.map((o) => o.name);
  const parameters = ranges.map((r) => r.name);
  const rows = places.flatMap((place, p) => analyseSensitivity(design, parameters, sensitivityOutputs(byOption(p), names, KEY_INDICATORS), place, scenario.seed));

  const version = packageVersion();
  const scale = scaleOf(variants[0].params);
  const command =
    `npx migsim@${version} sensitivity ${scenario.file} --method ${settings.method} --samples ${samples}` +
    ` --replicates ${replicates} --years ${scenario.years}${settings.agents === undefined ? '' : ` --agents ${settings.agents}`}`;
  const report = await buildSensitivityReport({
    title: scenario.name,
    question: scenario.question || undefined,
    scenarioPath: scenario.file,
    scenarioText: scenario.text,
    method: settings.method,
    samples,
    points,
    replicates,
    years: scenario.years,
    scale,
    seed: scenario.seed,
    options: names,
    ranges,
    rangesFrom,
    indicators: KEY_INDICATORS,
    // The charts show every destination together; sensitivity.csv has each destination country too.
    rows: rows.filter((row) => row.place === places[0]),
    version,
    command,
  });

  await writeNewFolder(settings.out, (put) => {
    put('sensitivity.csv', sensitivityCsv(rows));
    put('design.csv', csv([['point', ...parameters], ...design.values.map((v, p) => [formatNumber(p), ...parameters.map((name) => formatNumber(v[name]))])]));
    put('report.html', report.html);
    for (const [file, svg] of report.svgs) put(`charts/${file}`, svg);
    const finished = new Date();
    const seconds = (a: Date, b: Date) => (b.getTime() - a.getTime()) / 1000;
    const manifest = {
      scenario: { path: scenario.file, sha256: createHash('sha256').update(scenario.text).digest('hex'), name: scenario.name, base: scenario.base, text: scenario.text },
      package: { name: 'migsim', version },
      command,
      method: settings.method,
      samples,
      points,
      parameters: Object.fromEntries(ranges.map((r) => [r.name, [r.low, r.high]])),
      ranges_from: rangesFrom,
      seed: scenario.seed,
      replicates,
      replicate_seeds: Array.from({ length: replicates }, (_, r) => replicateSeed(scenario.seed, r)),
      years: scenario.years,
      scale,
      options: names,
      indicators: KEY_INDICATORS,
      run: {
        started: started.toISOString(),
        seconds: { simulation: seconds(started, simulated), analysis: seconds(simulated, finished), total: seconds(started, finished) },
        workers: settings.workers,
        host: hostname(),
        node: process.version,
        platform: `${process.platform}-${process.arch}`,
      },
    };
    put('manifest.json', JSON.stringify(manifest, null, 2) + '\n');
  });
  return { seconds: (Date.now() - started.getTime()) / 1000 };
}

/** The ranges analysed, in file order: the scenario's `sensitivity:` if it has one, else the base's `uncertain:`. */
function uncertainRanges(scenario: ResolvedScenario): UncertainRange[] {
  const source = scenario.sensitivity ?? scenario.uncertain;
  const ranges = Object.entries(source).map(([name, [low, high]]) => ({ name, low, high, integer: templateOf(name)?.kind === 'integer' }));
  if (ranges.length === 0) {
    throw new Error(`${scenario.file}: no parameters to analyse; add a sensitivity: section (parameter: [low, high]) or use a base with uncertain: ranges`);
  }
  const fixed = ranges.filter((r) => r.low === r.high).map((r) => r.name);
  if (fixed.length > 0) throw new Error(`${scenario.file}: the range of ${fixed.join(', ')} is a single value; nothing to vary`);
  return ranges;
}

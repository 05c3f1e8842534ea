import { endOfHorizon, type IndicatorValues } from '../../analysis/endOfHorizon.js';
import { INDICATORS, resultPlaces } from '../model/indicators.js';
import { createProgress } from '../run/progress.js';
import { runEnsemble } from '../run/runEnsemble.js';
import { planJobs } from '../run/runJob.js';
import type { ResolvedOption, ResolvedScenario } from '../scenario/index.js';

export interface VariantSettings {
  readonly replicates: number;
  readonly workers: number;
  readonly quiet: boolean;
  readonly label: string;
  /** Only the jobs this returns true for (by job index); all when absent. */
  readonly only?: (index: number) => boolean;
  readonly signal?: AbortSignal;
  /** Tables already simulated, by job index (joined from shards); nothing is run. */
  readonly tables?: Map<number, Float64Array>;
}

/** End-of-horizon values by place: `ends[place][variant][replicate]`, undefined for jobs left out; `places` as in the results (`all`, then each destination country). */
export interface VariantEnds {
  readonly places: readonly string[];
  readonly ends: (IndicatorValues | undefined)[][][];
}

/**
 * Runs every variant (an option with some parameters replaced) × replicate
 * on the worker pool and keeps each run's end-of-horizon values (see
 * `endOfHorizon`) for every place of the results.
 *
 * Jobs are numbered variant-major (planJobs), and replicate k of every
 * variant uses the same seed (common random numbers), so differences between
 * variants, and between design points, are paired. Results are stored by
 * job index: the same for any number of workers.
 *
 * Cost: variants × replicates model runs; O(variants × replicates × indicators) memory.
 */
export async function runVariants(
  scenario: ResolvedScenario,
  variants: readonly ResolvedOption[],
  settings: VariantSettings,
): Promise<VariantEnds> {
  const ensemble: ResolvedScenario = { ...scenario, options: [...variants], replicates: settings.replicates };
  const progress = createProgress(settings.quiet, settings.label);
  const places = resultPlaces(Object.keys(scenario.places.destinations));
  if (settings.tables) return endsOf(settings.tables, variants.length, settings.replicates, scenario.seed, places);
  let tables: Map<number, Float64Array>;
  try {
    tables = await runEnsemble(ensemble, {
      workers: settings.workers,
      only: settings.only === undefined ? undefined : (job) => settings.only!(job.index),
      onProgress: (done, total) => progress.update(done, total),
      signal: settings.signal,
    });
  } finally {
    progress.stop();
  }
  return endsOf(tables, variants.length, settings.replicates, scenario.seed, places);
}

/** End-of-horizon values `ends[place][variant][replicate]` of the tables present, by job index. */
function endsOf(tables: Map<number, Float64Array>, variants: number, replicates: number, seed: number, places: readonly string[]): VariantEnds {
  const width = INDICATORS.length * places.length;
  const ends = places.map(() => Array.from({ length: variants }, () => new Array<IndicatorValues | undefined>(replicates).fill(undefined)));
  for (const job of planJobs(variants, replicates, seed)) {
    const values = tables.get(job.index);
    if (values === undefined) continue;
    const table = { weeks: values.length / width - 1, places, values };
    places.forEach((_, p) => (ends[p][job.option][job.replicate] = endOfHorizon(table, p)));
  }
  return { places, ends };
}

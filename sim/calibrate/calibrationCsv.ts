import { csv } from '../../analysis/csv.js';
import { formatNumber } from '../../analysis/formatNumber.js';
import type { CalibrationResult, SampleResult } from './calibrationResult.js';
import { withinTolerance } from './targets.js';

/** Header of calibration.csv. */
export const CALIBRATION_CSV_HEADER = ['target', 'source', 'source_value', 'model_mean', 'ci_low', 'ci_high', 'within_tolerance'] as const;

/**
 * calibration.csv: one row per target, the fitted values' model mean over
 * the check's replicates with its 95% t-interval, and whether the mean lies
 * within the target's tolerance band (`true`/`false`).
 */
export function calibrationCsv(result: CalibrationResult): string {
  const rows = result.results.map(({ target, fitted }) => [
    target.name,
    target.source,
    formatNumber(target.sourceValue),
    formatNumber(fitted.mean),
    formatNumber(fitted.ci_low),
    formatNumber(fitted.ci_high),
    String(withinTolerance(target, fitted.mean)),
  ]);
  return csv([[...CALIBRATION_CSV_HEADER], ...rows]);
}

/**
 * posterior.csv (the posterior sample: rejection's accepted samples,
 * nearest first; SMC's last complete generation, in the order drawn) or
 * samples.csv (every sample simulated, by generation and in the order
 * drawn): the sample's generation and number, its distance, its weight
 * (posterior.csv) or whether it is in the posterior (samples.csv), its
 * parameter values and its model statistics (means over its replicates).
 */
export function samplesCsv(result: CalibrationResult, which: 'accepted' | 'all'): string {
  const key = (s: SampleResult) => `${s.generation}:${s.index}`;
  const acceptedKeys = new Set(result.accepted.map(key));
  const header = [
    ...(which === 'accepted' ? ['rank'] : []),
    'generation',
    'sample',
    'distance',
    which === 'accepted' ? 'weight' : 'accepted',
    ...result.parameters,
    ...result.targets.map((t) => t.name),
  ];
  const rows =
    which === 'accepted'
      ? result.accepted.map((sample, rank) => [String(rank + 1), ...sampleCells(result, sample, formatNumber(sample.weight))])
      : result.samples.map((sample) => sampleCells(result, sample, String(acceptedKeys.has(key(sample)))));
  return csv([header, ...rows]);
}

function sampleCells(result: CalibrationResult, sample: SampleResult, mark: string): string[] {
  return [
    String(sample.generation),
    String(sample.index + 1),
    formatNumber(sample.distance),
    mark,
    ...result.parameters.map((name) => formatNumber(sample.theta[name])),
    ...sample.statistics.map(formatNumber),
  ];
}

/** Header of generations.csv. */
export const GENERATIONS_CSV_HEADER = ['generation', 'tolerance', 'simulated', 'within_tolerance', 'acceptance_rate', 'kept', 'effective_size', 'complete'] as const;

/**
 * generations.csv: one row per generation of the search (one for
 * rejection): its tolerance (empty for SMC's generation 0, which keeps
 * every finite distance), samples simulated, how many were within the
 * tolerance, the acceptance rate, particles kept, the effective sample size
 * of their weights, and whether the generation was complete.
 */
export function generationsCsv(result: CalibrationResult): string {
  const rows = result.generations.map((g) => [
    String(g.generation),
    Number.isFinite(g.tolerance) ? formatNumber(g.tolerance) : '',
    String(g.simulated),
    String(g.withinTolerance),
    formatNumber(g.acceptanceRate),
    String(g.kept),
    formatNumber(g.effectiveSize),
    String(g.complete),
  ]);
  return csv([[...GENERATIONS_CSV_HEADER], ...rows]);
}

/** Header of predictive.csv. */
export const PREDICTIVE_CSV_HEADER = ['target', 'source_value', 'tolerance_low', 'tolerance_high', 'draws', 'median', 'q05', 'q95', 'share_within_tolerance', 'share_at_or_below_source'] as const;

/**
 * predictive.csv: the posterior predictive check, one row per target: the
 * source value and band, and the distribution of the statistic over draws
 * from the posterior (each run with a replicate seed of its own).
 */
export function predictiveCsv(result: CalibrationResult): string {
  const rows = result.predictive.map((p) => [
    p.target.name,
    formatNumber(p.target.sourceValue),
    formatNumber(p.target.tolerance.low),
    formatNumber(p.target.tolerance.high),
    String(p.values.length),
    formatNumber(p.median),
    formatNumber(p.low),
    formatNumber(p.high),
    formatNumber(p.withinTolerance),
    formatNumber(p.belowSource),
  ]);
  return csv([[...PREDICTIVE_CSV_HEADER], ...rows]);
}

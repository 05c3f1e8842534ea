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
 * posterior.csv (accepted samples, nearest first) or samples.csv (every
 * sample in the order drawn): the sample's number, its distance, its
 * parameter values and its model statistics (means over its replicates).
 */
export function samplesCsv(result: CalibrationResult, which: 'accepted' | 'all'): string {
  const acceptedIndex = new Set(result.accepted.map((s) => s.index));
  const header = [
    ...(which === 'accepted' ? ['rank'] : []),
    'sample',
    'distance',
    ...(which === 'all' ? ['accepted'] : []),
    ...result.parameters,
    ...result.targets.map((t) => t.name),
  ];
  const list: readonly SampleResult[] = which === 'accepted' ? result.accepted : result.samples;
  const rows = list.map((sample, rank) => [
    ...(which === 'accepted' ? [String(rank + 1)] : []),
    String(sample.index + 1),
    formatNumber(sample.distance),
    ...(which === 'all' ? [String(acceptedIndex.has(sample.index))] : []),
    ...result.parameters.map((name) => formatNumber(sample.theta[name])),
    ...sample.statistics.map(formatNumber),
  ]);
  return csv([header, ...rows]);
}

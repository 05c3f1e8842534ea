import type { MeanInterval } from '../../analysis/meanInterval.js';
import type { EvaluatedSample, PosteriorSummary } from './abc.js';
import type { CalibrationTarget, SkippedTarget } from './targets.js';

/** How the calibration was run: everything needed to repeat it. */
export interface CalibrationSetup {
  /** The base as given on the command line (a shipped base name or a file). */
  readonly base: string;
  /** Name used to find its targets (the file name without .yaml for a file). */
  readonly baseName: string;
  readonly baseFile: string;
  readonly baseText: string;
  readonly seed: number;
  readonly budget: number;
  /** Seeded replicates run for each sample of the search. */
  readonly replicates: number;
  /** Replicates of the final check of the current and the fitted values. */
  readonly checkReplicates: number;
  readonly years: number;
  readonly acceptShare: number;
  /** Largest number of agents asked for; the scale used follows from it. */
  readonly agents: number;
  readonly baseScale: number;
  readonly scale: number;
  readonly potentialMigrants: number;
}

/** One target's model estimates under the base's current values and under the fitted values. */
export interface TargetResult {
  readonly target: CalibrationTarget;
  readonly current: MeanInterval;
  readonly fitted: MeanInterval;
}

/** A sample of the search with its model statistics (means over its replicates, one per target). */
export interface SampleResult extends EvaluatedSample {
  readonly statistics: readonly number[];
}

/** Everything a calibration found, from which its files are written. */
export interface CalibrationResult {
  readonly setup: CalibrationSetup;
  readonly targets: readonly CalibrationTarget[];
  readonly skipped: readonly SkippedTarget[];
  /** The calibrated parameters, in the order of the base's `uncertain:`. */
  readonly parameters: readonly string[];
  readonly samples: readonly SampleResult[];
  /** Accepted samples, nearest first. */
  readonly accepted: readonly SampleResult[];
  readonly epsilon: number;
  readonly posterior: readonly PosteriorSummary[];
  /** The base's values of the calibrated parameters before the fit. */
  readonly currentValues: Readonly<Record<string, number>>;
  /** The posterior means, rounded to 3 significant digits (what a base would ship). */
  readonly fittedValues: Readonly<Record<string, number>>;
  readonly results: readonly TargetResult[];
  /** Distance from the targets (see distanceFromTargets) of the check's model means. */
  readonly distance: { readonly current: number; readonly fitted: number };
}

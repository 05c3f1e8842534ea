import type { MeanInterval } from '../../analysis/meanInterval.js';
import type { EvaluatedSample, PosteriorSummary } from './abc.js';
import type { SmcGeneration, SmcSettings } from './abcSmc.js';
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
  /** `smc`: ABC with sequential Monte Carlo; `rejection`: ABC rejection. */
  readonly method: 'smc' | 'rejection';
  /** Rejection: the draws. SMC: the most samples simulated over the search (Infinity: no cap). */
  readonly budget: number;
  /** SMC's settings (particles, generations, quantile, minimum acceptance). */
  readonly smc: Omit<SmcSettings, 'budget'>;
  /** Draws from the posterior run for the posterior predictive check. */
  readonly predictive: number;
  /** Seeded replicates run for each sample of the search. */
  readonly replicates: number;
  /** Replicates of the final check of the current and the fitted values. */
  readonly checkReplicates: number;
  readonly years: number;
  readonly acceptShare: number;
  /** Largest number of agents asked for; the scale used follows from it. */
  readonly agents: number;
  readonly baseScale: number;
  /** Scale at the base's `population.potential_migrants` (each sample's follows its own). */
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
  /** SMC generation (0 for the prior's; always 0 for rejection). */
  readonly generation: number;
  readonly statistics: readonly number[];
}

/** An accepted sample with its normalised importance weight (equal weights for rejection). */
export interface AcceptedSample extends SampleResult {
  readonly weight: number;
}

/** One target's posterior predictive distribution: the statistic of draws from the posterior, each run with a replicate seed of its own. */
export interface PredictiveResult {
  readonly target: CalibrationTarget;
  /** One value per draw, in the order drawn. */
  readonly values: readonly number[];
  readonly median: number;
  /** Central 90% of the draws. */
  readonly low: number;
  readonly high: number;
  /** Share of the draws within the tolerance band. */
  readonly withinTolerance: number;
  /** Share of the draws at or below the source value (near 0 or 1: the model cannot reach it). */
  readonly belowSource: number;
}

/** Everything a calibration found, from which its files are written. */
export interface CalibrationResult {
  readonly setup: CalibrationSetup;
  readonly targets: readonly CalibrationTarget[];
  readonly skipped: readonly SkippedTarget[];
  /** The calibrated parameters, in the order of the base's `uncertain:`. */
  readonly parameters: readonly string[];
  readonly samples: readonly SampleResult[];
  /** The posterior sample: rejection's accepted samples, nearest first; SMC's last complete generation, in the order drawn. */
  readonly accepted: readonly AcceptedSample[];
  /** Largest accepted distance (SMC: the last complete generation's tolerance). */
  readonly epsilon: number;
  /** How each generation went (one row for rejection). */
  readonly generations: readonly SmcGeneration[];
  readonly predictive: readonly PredictiveResult[];
  readonly posterior: readonly PosteriorSummary[];
  /** The base's values of the calibrated parameters before the fit. */
  readonly currentValues: Readonly<Record<string, number>>;
  /** The posterior means, rounded to 3 significant digits (what a base would ship). */
  readonly fittedValues: Readonly<Record<string, number>>;
  readonly results: readonly TargetResult[];
  /** Distance from the targets (see distanceFromTargets) of the check's model means. */
  readonly distance: { readonly current: number; readonly fitted: number };
}

import type { IndicatorName } from '../../sim/model/indicators.js';

/** The two methods of `migsim sensitivity`. */
export type SensitivityMethod = 'morris' | 'sobol';

/**
 * The measures reported per method: Morris's μ* (with interval), μ and σ;
 * Sobol's first-order S1 and total ST indices (with intervals).
 */
export const MEASURES: Readonly<Record<SensitivityMethod, readonly string[]>> = {
  morris: ['mu_star', 'mu', 'sigma'],
  sobol: ['S1', 'ST'],
};

/** The measure that ranks parameters: the overall influence, interactions included. */
export const MAIN_MEASURE: Readonly<Record<SensitivityMethod, string>> = { morris: 'mu_star', sobol: 'ST' };

/**
 * One sensitivity measure of one parameter for one output: an option's
 * end-of-horizon indicator (baseline empty) or the paired difference of an
 * option from the baseline option.
 */
export interface SensitivityRow {
  readonly option: string;
  /** The option the difference is taken from; empty for an option's own level. */
  readonly baseline: string;
  readonly place: string;
  readonly indicator: IndicatorName;
  readonly parameter: string;
  readonly measure: string;
  readonly estimate: number;
  readonly ci_low: number;
  readonly ci_high: number;
  /** Trajectories (Morris) or base rows (Sobol). */
  readonly n: number;
}

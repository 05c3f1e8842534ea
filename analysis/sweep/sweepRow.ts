import type { IndicatorName } from '../../sim/model/indicators.js';
import type { MeanInterval } from '../meanInterval.js';

/** A swept parameter's value at a point: a number, a choice or a switch. */
export type SweepValue = string | number | boolean | null;

/** End-of-horizon summary of one indicator under one option at one sweep point. */
export interface SweepRow extends MeanInterval {
  readonly option: string;
  readonly point: number;
  /** The swept parameters' values at this point, in the sweep's order. */
  readonly values: readonly SweepValue[];
  readonly place: string;
  readonly indicator: IndicatorName;
}

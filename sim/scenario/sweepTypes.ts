import type { ParamValue } from '../model/params/paramDef.js';

/** How a sweep places its points in the space of its parameters. */
export const SWEEP_DESIGNS = ['grid', 'latin-hypercube', 'sobol'] as const;
export type SweepDesign = (typeof SWEEP_DESIGNS)[number];

/** One swept parameter: listed values, or a numeric range. */
export type SweepParameter =
  | { readonly name: string; readonly values: readonly ParamValue[] }
  | { readonly name: string; readonly low: number; readonly high: number; readonly integer: boolean };

/** A scenario's `sweep:` section, checked. */
export interface SweepSpec {
  readonly design: SweepDesign;
  /** grid: levels of each range (default 3); latin-hypercube and sobol: the number of points. */
  readonly points: number;
  /** Replicates per point and option (the scenario's replicates when absent). */
  readonly replicates?: number;
  readonly parameters: readonly SweepParameter[];
}

import type { ParamValue } from '../model/params/paramDef.js';
import type { PlacesSpec } from '../model/params/places.js';
import type { SweepSpec } from './sweepTypes.js';
import type { AutoReplicates } from './autoReplicates.js';

/** A change of parameters at the start of a month of the horizon. */
export interface ResolvedEvent {
  readonly month: number;
  /** monthToWeek(month): the step at which the change applies. */
  readonly week: number;
  readonly set: Record<string, ParamValue>;
}

/** One policy option of a scenario, ready to simulate. */
export interface ResolvedOption {
  readonly name: string;
  /** The scenario's places (the same for every option). */
  readonly places: PlacesSpec;
  /** Every registry parameter's value at week 0. */
  readonly params: Record<string, ParamValue>;
  /** Changes during the run, in order of month, then file order. */
  readonly events: ResolvedEvent[];
}

/** A scenario file with its bases applied and every value checked. */
export interface ResolvedScenario {
  readonly file: string;
  /** The scenario file's own text, kept so results can record what was run. */
  readonly text: string;
  readonly name: string;
  readonly description: string;
  readonly question: string;
  /** The `base:` reference as written in the scenario. */
  readonly base: string;
  readonly seed: number;
  /** Replicates per option; with `auto`, the most it may run. */
  readonly replicates: number;
  /** `replicates: auto`: how many replicates is decided while running (see AutoReplicates). */
  readonly auto?: AutoReplicates;
  readonly years: number;
  /** Origin and destination countries and their regions, from the base chain and the scenario. */
  readonly places: PlacesSpec;
  readonly options: ResolvedOption[];
  /** Calibration ranges from the base chain (inner bases override outer ones). */
  readonly uncertain: Record<string, [number, number]>;
  /** `fitted:` of the innermost base that has one. */
  readonly fitted?: string;
  /** The scenario's `sweep:` section: parameters to vary across runs. */
  readonly sweep?: SweepSpec;
  /** The scenario's `sensitivity:` ranges, used by `migsim sensitivity` instead of the base's uncertain ones. */
  readonly sensitivity?: Record<string, [number, number]>;
}

/** A file's name (as it should appear in messages) and text. */
export interface SourceText {
  readonly file: string;
  readonly text: string;
}

/**
 * Finds a base: a shipped base name or a path (ending in .yaml/.yml)
 * relative to the file that refers to it. Undefined when there is none.
 * The returned `file` must be the same string each time the same file is
 * found, since base cycles are detected by it.
 */
export type BaseLoader = (ref: string, fromFile: string) => SourceText | undefined;

/** Whether a base reference is a path rather than a shipped base name. */
export function isBasePath(ref: string): boolean {
  return /\.ya?ml$/i.test(ref);
}

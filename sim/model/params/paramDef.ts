/** A parameter's value as written in a scenario file. `null` means "none" (e.g. no quota). */
export type ParamValue = number | boolean | string | null;

export const ParamKind = {
  number: 'number',
  integer: 'integer',
  boolean: 'boolean',
  enum: 'enum',
} as const;
export type ParamKind = keyof typeof ParamKind;

/**
 * One documented parameter of the model.
 *
 * `source` cites a seed file and line (`003 L2084–2089`), a key of the
 * dated digest of current rules (`regimes RU3`), or says `assumption`.
 */
export interface ParamDef {
  readonly name: string;
  readonly kind: ParamKind;
  readonly default: ParamValue;
  readonly unit: string;
  readonly meaning: string;
  readonly source: string;
  readonly group: string;
  readonly min?: number;
  readonly max?: number;
  /** Allowed values of an `enum` parameter. */
  readonly values?: readonly string[];
  /** Whether `null` ("none") is allowed. */
  readonly nullable?: boolean;
  /** Read only when the world is built: a timeline event may not set it. */
  readonly fixedAtStart?: boolean;
  /** The registry template it comes from (`permit.monthly_fee`) and the place it is for (`russia`; empty when global). */
  readonly template: string;
  readonly place: string;
}

/** A full set of parameter values, keyed by parameter name. */
export type ParamValues = Readonly<Record<string, ParamValue>>;

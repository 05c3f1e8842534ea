import { WEEKS_PER_YEAR } from '../model/time.js';

/** A numeric setting of a run (not a model parameter), with what it accepts. */
export interface RunSetting {
  readonly default: number;
  /** Phrase for messages: "expected <expected>, got ...". */
  readonly expected: string;
  readonly accepts: (value: number) => boolean;
}

export const MAX_REPLICATES = 10_000;
export const MAX_YEARS = 50;

export const RUN_SETTINGS = {
  seed: {
    default: 1,
    expected: 'a whole number ≥ 0',
    accepts: (v) => Number.isSafeInteger(v) && v >= 0,
  },
  replicates: {
    default: 10,
    expected: `a whole number from 1 to ${MAX_REPLICATES}`,
    accepts: (v) => Number.isInteger(v) && v >= 1 && v <= MAX_REPLICATES,
  },
  years: {
    default: 5,
    expected: `a number of years from 1/${WEEKS_PER_YEAR} (one week) to ${MAX_YEARS}`,
    // A horizon shorter than one weekly step would run nothing and report week 0 alone.
    accepts: (v) => Number.isFinite(v) && v * WEEKS_PER_YEAR >= 1 && v <= MAX_YEARS,
  },
} as const satisfies Record<string, RunSetting>;

export type RunSettingName = keyof typeof RUN_SETTINGS;

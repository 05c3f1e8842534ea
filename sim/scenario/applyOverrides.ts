import { RUN_SETTINGS } from './runSettings.js';
import type { ResolvedScenario } from './scenarioTypes.js';

/** Run settings that command-line flags may override. */
export interface RunOverrides {
  readonly seed?: number;
  readonly replicates?: number;
}

/**
 * The scenario with `--seed` / `--replicates` applied.
 * @throws RangeError naming the flag when a value is out of range.
 */
export function applyOverrides(resolved: ResolvedScenario, overrides: RunOverrides): ResolvedScenario {
  const result: { -readonly [K in keyof ResolvedScenario]: ResolvedScenario[K] } = { ...resolved };
  for (const key of ['seed', 'replicates'] as const) {
    const value = overrides[key];
    if (value === undefined) continue;
    const setting = RUN_SETTINGS[key];
    if (!setting.accepts(value)) throw new RangeError(`--${key}: expected ${setting.expected}, got ${value}`);
    result[key] = value;
  }
  // A replicate count given on the command line is a fixed count.
  if (overrides.replicates !== undefined) delete result.auto;
  return result;
}

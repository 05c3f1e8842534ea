import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COLUMN, INDICATORS, type IndicatorName, type IndicatorTable } from '../../sim/model/indicators.js';
import type { ParamValue } from '../../sim/model/params/paramDef.js';
import type { SimulationInput, TimelineEvent } from '../../sim/model/simulate.js';
import type { ResolvedOption } from '../../sim/scenario/index.js';
import { loadBaseFile, loadScenarioFile, shippedBaseNames } from '../../sim/scenario/loadScenarioFile.js';
import { parseScenario } from '../../sim/scenario/parseScenario.js';

/** The repository's root folder (where package.json is). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Values in one weekly row of an indicator table. */
export const WIDTH = INDICATORS.length;

export type Params = Record<string, ParamValue>;

/** A small world: 40,000 potential migrants at 20 per agent (2,000 agents), half a year of burn-in. */
export const SMALL: Params = {
  'population.potential_migrants': 40_000,
  scale: 20,
  'population.burn_in_weeks': 26,
};

/**
 * People per agent that give a base about `agents` agents: a test world
 * keeps its base's population (so that quotas and other absolute levels
 * keep their weight against it) and its size in agents, whatever the
 * population a calibration gives the base.
 */
export function scaleFor(option: Pick<ResolvedOption, 'params'>, agents: number): number {
  const people = Number(option.params['population.potential_migrants']);
  if (!(people > 0)) throw new Error('the option sets no population.potential_migrants');
  return Math.max(1, Math.round(people / agents));
}

/** The one option of a scenario that only names a shipped base: the base's values at week 0. */
export function baseOption(base: string): ResolvedOption {
  const text = `name: On ${base}\nbase: ${base}\noptions:\n  - name: ${base}\n`;
  return parseScenario(text, `on-${base}.yaml`, loadBaseFile, shippedBaseNames()).options[0];
}

/** The options of a shipped scenario (scenarios/<file>). */
export function scenarioOptions(file: string): ResolvedOption[] {
  return loadScenarioFile(join(REPO_ROOT, 'scenarios', file)).options;
}

/** The simulation input of one scenario option with its timeline events, plus parameters set on top (e.g. SMALL). */
export function optionInput(option: Pick<ResolvedOption, 'params' | 'events' | 'places'>, seed: string, weeks: number, set: Params = {}): SimulationInput {
  const events: TimelineEvent[] = option.events.map((e) => ({ week: e.week, set: e.set }));
  return { params: { ...option.params, ...set }, places: option.places, events, seed, weeks };
}

/** The rows of one place of a run's table (`all` by default), one per week, as valueAt reads them. */
export function placeRows(table: Pick<IndicatorTable, 'places' | 'values'>, place = 'all'): Float64Array {
  const p = table.places.indexOf(place);
  if (p < 0) throw new Error(`no place "${place}" in ${table.places.join(', ')}`);
  const places = table.places.length;
  const weeks = table.values.length / (WIDTH * places);
  const out = new Float64Array(weeks * WIDTH);
  for (let week = 0; week < weeks; week++) out.set(table.values.subarray((week * places + p) * WIDTH, (week * places + p + 1) * WIDTH), week * WIDTH);
  return out;
}

/** One indicator's value in one week of a table. */
export function valueAt(values: Float64Array, week: number, name: IndicatorName): number {
  return values[week * WIDTH + COLUMN[name]];
}

/** One indicator's values, week 0 to the last week. */
export function series(values: Float64Array, name: IndicatorName): number[] {
  const weeks = values.length / WIDTH;
  return Array.from({ length: weeks }, (_, week) => valueAt(values, week, name));
}

/** Sum of an indicator over weeks `from`..`to` (inclusive). */
export function total(values: Float64Array, name: IndicatorName, from = 1, to = values.length / WIDTH - 1): number {
  let sum = 0;
  for (let week = from; week <= to; week++) sum += valueAt(values, week, name);
  return sum;
}

/** Mean of an indicator over the last `weeks` weeks. */
export function meanOfLast(values: Float64Array, weeks: number, name: IndicatorName): number {
  const last = values.length / WIDTH - 1;
  return total(values, name, last - weeks + 1, last) / weeks;
}

/** Index of the first byte at which two tables differ, or -1 when they are byte-identical. */
export function firstDifference(a: Float64Array, b: Float64Array): number {
  const x = Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  const y = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  if (x.equals(y)) return -1;
  const n = Math.min(x.length, y.length);
  for (let k = 0; k < n; k++) if (x[k] !== y[k]) return k;
  return n;
}

/** A computation run on first use and remembered, so that tests sharing a run do not repeat it. */
export function once<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}

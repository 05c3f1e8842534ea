import { isMap, isScalar, isSeq } from 'yaml';
import { INDICATORS } from '../model/indicators.js';
import type { Entry } from './readMapping.js';
import { readMapping } from './readMapping.js';
import { MAX_REPLICATES } from './runSettings.js';
import { didYouMean } from './suggestName.js';
import { describeNode, type YamlSource } from './yamlSource.js';

/**
 * `replicates: auto`: replicates run in batches of `batch` per option until
 * the 95% interval of every paired difference (each option against the
 * first) of each indicator in `precision` is at most ± its share × the
 * first option's mean of that indicator, or `max` replicates have run, or,
 * only when the file sets `seconds`, that much simulation time has passed.
 * The first two rules depend on the results only, so they stop at the same
 * replicate on every run and for any worker count; a time budget makes the
 * count depend on the machine, so none applies unless a file asks for it,
 * and a run it stops is reproduced exactly with `--replicates` set to the
 * count it reached.
 */
export interface AutoReplicates {
  readonly batch: number;
  readonly max: number;
  /** Indicator → the half-width of its differences' intervals, as a share of its level under the first option. */
  readonly precision: Readonly<Record<string, number>>;
  /** Simulation seconds after which no further batch starts; absent: no time budget. */
  readonly seconds?: number;
}

export const AUTO_DEFAULTS: AutoReplicates = {
  batch: 5,
  max: 40,
  precision: { abroad: 0.05, legal: 0.05, irregular: 0.05, employed_informal: 0.05 },
};

const AUTO_KEYS = ['batch', 'max', 'precision', 'indicators', 'seconds'] as const;
const INDICATOR_NAMES: readonly string[] = INDICATORS.map((i) => i.name);

/** Whether a `replicates:` value asks for the automatic rule (`auto`, or a mapping of its settings). */
export function isAutoReplicates(entry: Entry | undefined): boolean {
  return entry !== undefined && ((isScalar(entry.value) && entry.value.value === 'auto') || isMap(entry.value));
}

/** Reads `replicates: auto` or `replicates: { batch, max, precision, indicators, seconds }`; undefined after reporting a problem. */
export function readAutoReplicates(src: YamlSource, entry: Entry): AutoReplicates | undefined {
  if (isScalar(entry.value)) return AUTO_DEFAULTS;
  const entries = readMapping(src, entry.value, AUTO_KEYS, 'replicates');
  if (!entries) return undefined;
  let ok = true;
  const number = (key: 'batch' | 'max' | 'seconds', accepts: (v: number) => boolean, expected: string): number | undefined => {
    const field = entries.get(key);
    if (!field) return AUTO_DEFAULTS[key];
    const value: unknown = isScalar(field.value) ? field.value.value : undefined;
    if (typeof value === 'number' && accepts(value)) return value;
    src.report(field.value ?? field.key, `replicates.${key}: expected ${expected}, got ${describeNode(field.value)}`);
    ok = false;
    return AUTO_DEFAULTS[key];
  };
  const batch = number('batch', (v) => Number.isInteger(v) && v >= 2 && v <= MAX_REPLICATES, `a whole number from 2 to ${MAX_REPLICATES}`) ?? AUTO_DEFAULTS.batch;
  const max = number('max', (v) => Number.isInteger(v) && v >= 2 && v <= MAX_REPLICATES, `a whole number from 2 to ${MAX_REPLICATES}`) ?? AUTO_DEFAULTS.max;
  const seconds = number('seconds', (v) => Number.isFinite(v) && v > 0, 'a number of seconds above 0');
  if (ok && max < 2 * batch) {
    src.report(entries.get('max')?.value ?? entry.value, `replicates.max: expected at least two batches (${2 * batch}), got ${max}`);
    ok = false;
  }
  const precision = readPrecision(src, entries.get('precision'), entries.get('indicators'));
  if (!ok || !precision) return undefined;
  return { batch, max, precision, ...(seconds === undefined ? {} : { seconds }) };
}

function isShare(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= 1;
}

/**
 * `precision: 0.05` with `indicators: [...]` (or the default indicators),
 * or `precision: { legal: 0.1, irregular: 0.01 }`, one share per indicator.
 */
function readPrecision(src: YamlSource, field: Entry | undefined, indicatorsField: Entry | undefined): Record<string, number> | undefined {
  if (field && isMap(field.value)) {
    if (indicatorsField) {
      src.report(indicatorsField.key, 'replicates.indicators: not needed when precision names its indicators; remove one of them');
      return undefined;
    }
    const entries = readMapping(src, field.value, INDICATOR_NAMES, 'replicates.precision');
    if (!entries) return undefined;
    const shares: Record<string, number> = {};
    let ok = entries.size > 0;
    if (!ok) src.report(field.value, 'replicates.precision: expected at least one indicator');
    for (const [name, { value }] of entries) {
      const share: unknown = isScalar(value) ? value.value : undefined;
      if (isShare(share)) shares[name] = share;
      else {
        src.report(value ?? field.value, `replicates.precision.${name}: expected a share above 0 and at most 1, got ${describeNode(value)}`);
        ok = false;
      }
    }
    return ok ? shares : undefined;
  }
  let share = 0.05;
  if (field) {
    const value: unknown = isScalar(field.value) ? field.value.value : undefined;
    if (!isShare(value)) {
      src.report(field.value ?? field.key, `replicates.precision: expected a share above 0 and at most 1, or a mapping of indicator: share, got ${describeNode(field.value)}`);
      return undefined;
    }
    share = value;
  }
  const indicators = readIndicators(src, indicatorsField);
  return indicators ? Object.fromEntries(indicators.map((name) => [name, share])) : undefined;
}

function readIndicators(src: YamlSource, field: Entry | undefined): readonly string[] | undefined {
  if (!field) return Object.keys(AUTO_DEFAULTS.precision);
  if (!isSeq(field.value) || field.value.items.length === 0) {
    src.report(field.value ?? field.key, `replicates.indicators: expected a list of indicator names, got ${describeNode(field.value)}`);
    return undefined;
  }
  const names: string[] = [];
  let ok = true;
  for (const item of field.value.items) {
    const node = src.resolve(item);
    const name: unknown = isScalar(node) ? node.value : undefined;
    if (typeof name === 'string' && INDICATOR_NAMES.includes(name)) {
      names.push(name);
      continue;
    }
    const hint = (typeof name === 'string' && didYouMean(name, INDICATOR_NAMES)) || `; expected one of ${INDICATOR_NAMES.join(', ')}`;
    src.report(node, `replicates.indicators: unknown indicator ${describeNode(node)}${hint}`);
    ok = false;
  }
  return ok ? names : undefined;
}

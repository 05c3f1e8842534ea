import { isScalar } from 'yaml';
import type { YAMLMap } from 'yaml';
import { RUN_SETTINGS, type RunSettingName } from './runSettings.js';
import type { Entry } from './readMapping.js';
import { describeNode, type YamlSource } from './yamlSource.js';

/**
 * Readers for single fields of a mapping read by readMapping. Each reports
 * a problem and returns undefined when the field is missing or malformed.
 */

/** Reports a required key that is absent, at the mapping that lacks it. */
export function requireKey(
  src: YamlSource,
  entries: Map<string, Entry>,
  key: string,
  mapping: YAMLMap | null,
  where: string,
): Entry | undefined {
  const entry = entries.get(key);
  if (!entry) src.report(mapping, `missing required key "${key}" in ${where}`);
  return entry;
}

/** A text field; `nonEmpty` for names. */
export function readText(src: YamlSource, entry: Entry | undefined, key: string, nonEmpty = false): string | undefined {
  if (!entry) return undefined;
  const value: unknown = isScalar(entry.value) ? entry.value.value : undefined;
  if (typeof value === 'string' && (!nonEmpty || value.trim() !== '')) return value;
  const expected = nonEmpty ? 'non-empty text (quote names that look like numbers)' : 'text';
  src.report(entry.value ?? entry.key, `${key}: expected ${expected}, got ${describeNode(entry.value)}`);
  return undefined;
}

/** Free text where any scalar will do (a date, a version), kept as written. */
export function readLooseText(src: YamlSource, entry: Entry | undefined, key: string): string | undefined {
  if (!entry) return undefined;
  if (isScalar(entry.value) && entry.value.value !== null) return String(entry.value.source ?? entry.value.value);
  src.report(entry.value ?? entry.key, `${key}: expected text, got ${describeNode(entry.value)}`);
  return undefined;
}

/** seed, replicates or years: the default when absent, undefined when invalid. */
export function readRunSetting(src: YamlSource, entry: Entry | undefined, key: RunSettingName): number | undefined {
  const setting = RUN_SETTINGS[key];
  if (!entry) return setting.default;
  const value: unknown = isScalar(entry.value) ? entry.value.value : undefined;
  if (typeof value === 'number' && setting.accepts(value)) return value;
  src.report(entry.value ?? entry.key, `${key}: expected ${setting.expected}, got ${describeNode(entry.value)}`);
  return undefined;
}

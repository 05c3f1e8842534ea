import { isMap, isScalar } from 'yaml';
import type { Scalar } from 'yaml';
import { didYouMean } from './suggestName.js';
import { describeNode, type ValueNode, type YamlSource } from './yamlSource.js';

/** A key of a mapping with its value (null when the value is left empty). */
export interface Entry {
  readonly key: Scalar;
  readonly value: ValueNode | null;
}

/**
 * Reads a mapping's entries by key, reporting non-mappings, duplicate keys
 * and (when `allowed` is given) unknown keys with the nearest allowed one.
 * Returns null when the node is not a mapping.
 */
export function readMapping(
  src: YamlSource,
  node: ValueNode | null,
  allowed: readonly string[] | null,
  where: string,
): Map<string, Entry> | null {
  if (!isMap(node)) {
    src.report(node, `${where}: expected a mapping, got ${describeNode(node)}`);
    return null;
  }
  const entries = new Map<string, Entry>();
  for (const pair of node.items) {
    const key = src.resolve(pair.key);
    if (!isScalar(key) || key.value === null) {
      src.report(key, `${where}: expected a name as key, got ${describeNode(key)}`);
      continue;
    }
    const name = String(key.value);
    const first = entries.get(name);
    if (first) {
      src.report(key, `duplicate key "${name}" in ${where} (first at line ${src.lineOf(first.key)})`);
      continue;
    }
    if (allowed && !allowed.includes(name)) {
      const hint = didYouMean(name, allowed) || `; expected one of ${allowed.join(', ')}`;
      src.report(key, `unknown key "${name}" in ${where}${hint}`);
      continue;
    }
    entries.set(name, { key, value: src.resolve(pair.value) });
  }
  return entries;
}

import { isScalar } from 'yaml';
import { checkValue, describeKind } from '../model/params/checkValue.js';
import type { ParamValue } from '../model/params/paramDef.js';
import { PARAMS, paramDef } from '../model/params/registry.js';
import { readMapping } from './readMapping.js';
import { didYouMean } from './suggestName.js';
import { describeNode, type ValueNode, type YamlSource } from './yamlSource.js';

export const PARAM_NAMES: readonly string[] = PARAMS.map((p) => p.name);

/**
 * Reads a `set:` mapping of parameter overrides, checking every name against
 * the registry and every value against its parameter's kind and range.
 * Only valid entries are returned; an empty `set:` is an empty override.
 */
export function readParamSet(src: YamlSource, node: ValueNode | null, where: string): Record<string, ParamValue> {
  if (node === null) return {};
  const entries = readMapping(src, node, null, where);
  const values: Record<string, ParamValue> = {};
  for (const [name, { key, value }] of entries ?? []) {
    const def = paramDef(name);
    if (!def) {
      src.report(key, `unknown parameter "${name}" in ${where}${unknownHint(name)}`);
      continue;
    }
    if (value !== null && !isScalar(value)) {
      src.report(value, `${name}: expected ${describeKind(def)}, got ${describeNode(value)}`);
      continue;
    }
    const written: unknown = value === null ? null : value.value;
    if (typeof written === 'number' && !Number.isFinite(written)) {
      src.report(value, `${name}: expected ${describeKind(def)}, got ${describeNode(value)}`);
      continue;
    }
    const problem = checkValue(def, written);
    if (problem) src.report(value ?? key, `${name}: ${problem}`);
    else values[name] = written as ParamValue;
  }
  return values;
}

/** A typo gets the nearest name; a nested group (`quota: {annual: 1}`) gets the flat form. */
function unknownHint(name: string): string {
  const near = didYouMean(name, PARAM_NAMES);
  if (near) return near;
  const inGroup = PARAM_NAMES.find((param) => param.startsWith(`${name}.`));
  return inGroup ? `; parameters are written as flat dotted names, e.g. "${inGroup}"` : '';
}

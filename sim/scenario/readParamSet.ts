import { isScalar } from 'yaml';
import { checkValue, describeKind } from '../model/params/checkValue.js';
import type { ParamValue } from '../model/params/paramDef.js';
import type { ParamCatalogue } from './paramCatalogue.js';
import { readMapping } from './readMapping.js';
import { describeNode, type ValueNode, type YamlSource } from './yamlSource.js';

/**
 * Reads a `set:` mapping of parameter overrides, checking every name against
 * the registry and every value against its parameter's kind and range.
 * In a timeline event (`inEvent`), a parameter fixed at the start of a run
 * is refused. Only valid entries are returned; an empty `set:` is an empty
 * override.
 */
export function readParamSet(src: YamlSource, node: ValueNode | null, where: string, params: ParamCatalogue, inEvent = false): Record<string, ParamValue> {
  if (node === null) return {};
  const entries = readMapping(src, node, null, where);
  const values: Record<string, ParamValue> = {};
  for (const [name, { key, value }] of entries ?? []) {
    const def = params.lookup(name);
    if (!def) {
      src.report(key, `unknown parameter "${name}" in ${where}${params.unknownHint(name)}`);
      continue;
    }
    if (inEvent && def.fixedAtStart) {
      src.report(key, `${name} cannot change during a run: it is fixed when the world is built, so an event cannot set it; set it in set: (the scenario's or an option's) instead`);
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

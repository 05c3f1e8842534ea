import { isScalar, isSeq } from 'yaml';
import { checkValue } from '../model/params/checkValue.js';
import type { ParamCatalogue } from './paramCatalogue.js';
import { readMapping } from './readMapping.js';
import { describeNode, type ValueNode, type YamlSource } from './yamlSource.js';

/**
 * Reads a base's `uncertain:` mapping of parameter name to `[low, high]`,
 * the range calibration may search. Only numeric parameters qualify, and
 * both bounds must be valid values of the parameter. A scenario's
 * `sensitivity:` ranges have the same form (`where` names the section).
 */
export function readUncertain(src: YamlSource, node: ValueNode | null, params: ParamCatalogue, where = 'uncertain'): Record<string, [number, number]> {
  if (node === null) return {};
  const ranges: Record<string, [number, number]> = {};
  for (const [name, { key, value }] of readMapping(src, node, null, where) ?? []) {
    const def = params.lookup(name);
    if (!def) {
      src.report(key, `unknown parameter "${name}" in ${where}${params.unknownHint(name)}`);
      continue;
    }
    if (def.kind !== 'number' && def.kind !== 'integer') {
      src.report(key, `${name}: only numeric parameters can be ${where === 'uncertain' ? 'uncertain' : `in ${where}`}, this one is ${def.kind}`);
      continue;
    }
    const bounds = isSeq(value) ? value.items.map((item) => src.resolve(item)) : [];
    if (bounds.length !== 2) {
      src.report(value ?? key, `${name}: expected a range [low, high], got ${describeNode(value)}`);
      continue;
    }
    const numbers: number[] = [];
    for (const bound of bounds) {
      const written: unknown = isScalar(bound) ? bound.value : undefined;
      const problem =
        written === null || written === undefined ? `expected a number, got ${describeNode(bound)}` : checkValue(def, written);
      if (problem) src.report(bound ?? value, `${name}: ${problem}`);
      else numbers.push(written as number);
    }
    if (numbers.length !== 2) continue;
    const [low, high] = numbers;
    if (low > high) src.report(value, `${name}: low ${low} is above high ${high}; expected [low, high]`);
    else ranges[name] = [low, high];
  }
  return ranges;
}

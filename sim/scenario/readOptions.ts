import { isMap, isSeq } from 'yaml';
import type { ParamValue } from '../model/params/paramDef.js';
import type { Entry } from './readMapping.js';
import { readMapping } from './readMapping.js';
import { readText, requireKey } from './readFields.js';
import { readEvents, type PendingEvent } from './readEvents.js';
import type { ParamCatalogue } from './paramCatalogue.js';
import { readParamSet } from './readParamSet.js';
import { describeNode, type YamlSource } from './yamlSource.js';

export const OPTION_KEYS = ['name', 'set', 'at'] as const;

/** An option as written, before the base and scenario values are merged in. */
export interface PendingOption {
  readonly name: string;
  readonly set: Record<string, ParamValue>;
  readonly at: PendingEvent[];
}

/** Reads `options:`, a non-empty list of options with unique names. */
export function readOptions(src: YamlSource, entry: Entry | undefined, params: ParamCatalogue): PendingOption[] {
  if (!entry) return [];
  const list = entry.value;
  if (!isSeq(list) || list.items.length === 0) {
    const got = isSeq(list) ? 'an empty list' : describeNode(list);
    src.report(list ?? entry.key, `options: expected a list of at least one option ({name, set, at}), got ${got}`);
    return [];
  }
  const firstLineOf = new Map<string, number>();
  const options: PendingOption[] = [];
  list.items.forEach((item, index) => {
    const node = src.resolve(item);
    const label = `option ${index + 1}`;
    const entries = readMapping(src, node, OPTION_KEYS, label);
    if (!entries || !isMap(node)) return;
    const nameEntry = requireKey(src, entries, 'name', node, label);
    const name = readText(src, nameEntry, 'name', true);
    if (name !== undefined && nameEntry) {
      const first = firstLineOf.get(name);
      if (first !== undefined) src.report(nameEntry.value, `duplicate option name "${name}" (first at line ${first})`);
      else firstLineOf.set(name, src.lineOf(nameEntry.value ?? nameEntry.key));
    }
    const owner = name === undefined ? label : `option "${name}"`;
    const set = readParamSet(src, entries.get('set')?.value ?? null, `set of ${owner}`, params);
    const at = readEvents(src, entries.get('at')?.value ?? null, owner, true, params);
    if (name !== undefined) options.push({ name, set, at });
  });
  return options;
}

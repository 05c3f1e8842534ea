import { isMap, isScalar, isSeq } from 'yaml';
import type { ParamValue } from '../model/params/paramDef.js';
import { requireKey } from './readFields.js';
import { readMapping } from './readMapping.js';
import type { ParamCatalogue } from './paramCatalogue.js';
import { readParamSet } from './readParamSet.js';
import { describeNode, type ValueNode, type YamlSource } from './yamlSource.js';

const EVENT_KEYS = ['month', 'set'] as const;

/** An event read from a file, kept with its node so a later horizon check can point at it. */
export interface PendingEvent {
  readonly month: number;
  readonly set: Record<string, ParamValue>;
  readonly src: YamlSource;
  readonly monthNode: ValueNode;
  /** Who the event belongs to, for messages: `timeline`, `option "x"`. */
  readonly owner: string;
}

/**
 * Reads a list of `{month, set}` events. With `singleAllowed` (an option's
 * `at:`) one event may be written without the surrounding list.
 */
export function readEvents(
  src: YamlSource,
  node: ValueNode | null,
  owner: string,
  singleAllowed: boolean,
  params: ParamCatalogue,
): PendingEvent[] {
  if (node === null) return [];
  if (singleAllowed && isMap(node)) return readEvent(src, node, owner, params);
  if (!isSeq(node)) {
    const expected = singleAllowed ? 'an event {month, set} or a list of events' : 'a list of events {month, set}';
    src.report(node, `${owner}: expected ${expected}, got ${describeNode(node)}`);
    return [];
  }
  return node.items.flatMap((item) => readEvent(src, src.resolve(item), owner, params));
}

function readEvent(src: YamlSource, node: ValueNode | null, owner: string, params: ParamCatalogue): PendingEvent[] {
  const entries = readMapping(src, node, EVENT_KEYS, `event of ${owner}`);
  if (!entries || !isMap(node)) return [];
  const monthEntry = requireKey(src, entries, 'month', node, `event of ${owner}`);
  const setEntry = requireKey(src, entries, 'set', node, `event of ${owner}`);
  let month: number | undefined;
  if (monthEntry) {
    const value: unknown = isScalar(monthEntry.value) ? monthEntry.value.value : undefined;
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) month = value;
    else src.report(monthEntry.value ?? monthEntry.key, `month: expected a number ≥ 0, got ${describeNode(monthEntry.value)}`);
  }
  const where = month === undefined ? `event of ${owner}` : `event at month ${month} of ${owner}`;
  const set = setEntry ? readParamSet(src, setEntry.value, where, params, true) : {};
  if (month === undefined || !monthEntry) return [];
  return [{ month, set, src, monthNode: monthEntry.value ?? monthEntry.key, owner }];
}

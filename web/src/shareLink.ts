import type { ParamValue } from '../../sim/model/params/paramDef.js';
import { templateOf, toDef } from '../../sim/model/params/catalogue.js';
import { isLanguage, type Language } from './i18n/catalogues.js';
import type { TraceRequest } from './settings.js';

/** What a shared link holds: enough to reproduce the same run and the same page. */
export interface SharedSettings {
  readonly scenario: string;
  readonly option: number;
  /** Levers changed from the option, by parameter name. */
  readonly changed: Readonly<Record<string, ParamValue>>;
  readonly seed: number;
  readonly replicates: number;
  readonly language: Language;
  readonly follow?: TraceRequest;
}

const PARAM_PREFIX = 'p.';

function writeValue(value: ParamValue): string {
  return value === null ? 'none' : String(value);
}

/** A parameter value from a link, typed by the parameter's definition; undefined when it does not fit. */
function readValue(param: string, text: string): ParamValue | undefined {
  const template = templateOf(param);
  if (template === undefined) return undefined;
  const def = toDef(template, '', '');
  if (text === 'none') return def.nullable ? null : undefined;
  if (def.kind === 'boolean') return text === 'true' ? true : text === 'false' ? false : undefined;
  if (def.kind === 'enum') return def.values?.includes(text) ? text : undefined;
  const value = Number(text);
  return text.trim() !== '' && Number.isFinite(value) ? value : undefined;
}

/** The hash part of a link (`#s=…&o=…`) for these settings. */
export function settingsHash(settings: SharedSettings): string {
  const query = new URLSearchParams();
  query.set('s', settings.scenario);
  query.set('o', String(settings.option));
  query.set('seed', String(settings.seed));
  query.set('r', String(settings.replicates));
  query.set('lang', settings.language);
  for (const [param, value] of Object.entries(settings.changed)) query.set(PARAM_PREFIX + param, writeValue(value));
  if (settings.follow) query.set('f', 'agent' in settings.follow ? `agent:${settings.follow.agent}` : `${settings.follow.origin},${settings.follow.region}`);
  return `#${query.toString()}`;
}

/**
 * Settings read back from a link's hash. Parts that are missing or do not
 * parse are left out (the page keeps its defaults for them), so an old or
 * hand-edited link still opens.
 */
export function readSettingsHash(hash: string): Partial<SharedSettings> {
  const query = new URLSearchParams(hash.replace(/^#/, ''));
  const out: { -readonly [K in keyof SharedSettings]?: SharedSettings[K] } = {};
  const scenario = query.get('s');
  if (scenario) out.scenario = scenario;
  const whole = (name: string): number | undefined => {
    const text = query.get(name);
    const value = Number(text);
    return text !== null && text !== '' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
  };
  const option = whole('o');
  if (option !== undefined) out.option = option;
  const seed = whole('seed');
  if (seed !== undefined) out.seed = seed;
  const replicates = whole('r');
  if (replicates !== undefined && replicates > 0) out.replicates = replicates;
  const language = query.get('lang');
  if (isLanguage(language)) out.language = language;
  const changed: Record<string, ParamValue> = {};
  for (const [key, text] of query) {
    if (!key.startsWith(PARAM_PREFIX)) continue;
    const value = readValue(key.slice(PARAM_PREFIX.length), text);
    if (value !== undefined) changed[key.slice(PARAM_PREFIX.length)] = value;
  }
  if (Object.keys(changed).length > 0) out.changed = changed;
  const follow = query.get('f');
  if (follow?.startsWith('agent:')) {
    const agent = Number(follow.slice(6));
    if (Number.isSafeInteger(agent) && agent >= 0) out.follow = { agent };
  } else if (follow?.includes(',')) {
    const [origin, region] = follow.split(',');
    out.follow = { origin, region };
  }
  return out;
}

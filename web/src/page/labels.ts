import type { IndicatorName } from '../../../sim/model/indicators.js';
import type { ParamValue } from '../../../sim/model/params/paramDef.js';
import { formatQuantity } from '../i18n/formatNumbers.js';
import type { MessageKey } from '../i18n/en.js';
import type { Translator } from '../i18n/translator.js';
import type { Lever } from '../levers.js';
import type { LibraryEntry } from '../scenarioLibrary.js';
import type { Setting } from '../settings.js';

/**
 * Names and values as people read them, in the page's language: scenario
 * and option names from the catalogue (a file's own name where the
 * catalogue has none, as for imported files), lever labels and values with
 * units. Parameter ids never appear here.
 */

export function scenarioName(entry: LibraryEntry, tr: Translator): string {
  const key = `scenario.${entry.key}.name`;
  if (!entry.imported && tr.has(key)) return tr.t(key);
  return entry.imported ? tr.t('scenario.imported', { name: entry.scenario.name }) : entry.scenario.name;
}

export function scenarioQuestion(entry: LibraryEntry, tr: Translator): string {
  const key = `scenario.${entry.key}.question`;
  if (!entry.imported && tr.has(key)) return tr.t(key);
  return entry.scenario.question || entry.scenario.description;
}

export function optionName(entry: LibraryEntry, option: number, tr: Translator): string {
  const key = `scenario.${entry.key}.option.${option}`;
  if (!entry.imported && tr.has(key)) return tr.t(key);
  return entry.scenario.options[option]?.name ?? String(option);
}

export function settingName(entry: LibraryEntry, setting: Setting, tr: Translator): string {
  const option = optionName(entry, setting.option, tr);
  return setting.changed.length === 0 ? option : tr.t('setting.yours', { option });
}

export function placeName(place: string, tr: Translator): string {
  const key = `place.${place}`;
  return tr.has(key) ? tr.t(key) : place;
}

export function indicatorLabel(indicator: IndicatorName, tr: Translator): string {
  return tr.t(`indicator.${indicator}` as MessageKey);
}

export function leverLabel(lever: Lever, tr: Translator): string {
  const place = lever.place === undefined ? '' : placeName(lever.place, tr);
  return tr.t(lever.label, { country: place, region: place, origin: place });
}

/** A lever's value for people: "126 000 permits a year", "no quota", "yes", "worker-tied permit (patent)". */
export function leverValueText(lever: Lever, value: ParamValue | undefined, currency: string, tr: Translator): string {
  if (value === null || value === undefined) return lever.param === 'quota.annual' ? tr.t('value.noQuota') : tr.t('value.none');
  if (typeof value === 'boolean') return tr.t(value ? 'value.yes' : 'value.no');
  if (typeof value === 'string') {
    const key = lever.param === 'amnesty.kind' ? `amnestyKind.${value}` : `regime.${value}`;
    return tr.has(key) ? tr.t(key) : value;
  }
  return formatQuantity(value, lever.def.unit, currency, tr, { compact: false });
}

/** "Source: …" in the page's language around a citation kept as written (citations and their notes are in English). */
export function sourceCite(source: string, tr: Translator): HTMLElement {
  const [before, after] = tr.t('rules.source', { source: '\u0000' }).split('\u0000');
  const cite = document.createElement('cite');
  const span = document.createElement('span');
  span.lang = 'en';
  span.textContent = source;
  cite.append(before, span, after ?? '');
  return cite;
}

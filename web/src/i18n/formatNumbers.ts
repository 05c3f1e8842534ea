import type { MessageKey } from './en.js';
import type { Language } from './catalogues.js';
import type { Translator } from './translator.js';

/**
 * The locale Intl formats a language's numbers with. Browsers without
 * Kyrgyz number data fall back to Russian, whose grouping and decimal
 * comma Kyrgyz shares.
 */
export function intlLocale(language: Language): string {
  if (language !== 'ky') return language;
  return Intl.NumberFormat.supportedLocalesOf(['ky']).length > 0 ? 'ky' : 'ru';
}

const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(language: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${language}:${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(intlLocale(language), options);
    formats.set(key, format);
  }
  return format;
}

/** A number in full, grouped for the language ("88 979 211 692"), with a sign for differences when asked. */
export function formatFull(value: number, language: Language, signed = false, fractionDigits = 0): string {
  if (!Number.isFinite(value)) return '—';
  return numberFormat(language, { maximumFractionDigits: fractionDigits, signDisplay: signed ? 'exceptZero' : 'auto' }).format(value);
}

/**
 * A number short enough to read at a glance: billions and millions with
 * three significant digits ("89 bn", "1,23 млрд"), smaller numbers in full.
 */
export function formatCompact(value: number, translator: Translator, signed = false): string {
  if (!Number.isFinite(value)) return '—';
  const language = translator.language;
  const abs = Math.abs(value);
  const short = (scaled: number): string =>
    numberFormat(language, { maximumSignificantDigits: 3, signDisplay: signed ? 'exceptZero' : 'auto' }).format(scaled);
  if (abs >= 1e9) return translator.t('unit.billion', { value: short(value / 1e9) });
  if (abs >= 1e6) return translator.t('unit.million', { value: short(value / 1e6) });
  return formatFull(value, language, signed, abs < 10 && abs !== Math.round(abs) ? 2 : 0);
}

/** A share (0–1) as a percentage for the language. */
export function formatShare(value: number, language: Language): string {
  return numberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(value);
}

const UNIT_KEYS: Readonly<Record<string, MessageKey>> = {
  people: 'unit.people',
  jobs: 'unit.jobs',
  permits: 'unit.permits',
  'permits/year': 'unit.permitsYear',
  bribes: 'unit.bribes',
  incidents: 'unit.incidents',
  days: 'unit.days',
  'currency/month': 'unit.perMonth',
  'currency/person': 'unit.perPerson',
};

/** A registry or indicator unit in words of the language, with the scenario's currency; empty for units that need none. */
export function unitLabel(unit: string, currency: string, translator: Translator): string {
  if (unit === 'currency') return currency;
  const key = UNIT_KEYS[unit];
  if (key !== undefined) return translator.t(key, { currency });
  if (unit === 'factor') return translator.t('unit.factor');
  return '';
}

/** A value with its unit: "89 bn KZT", "8 900 RUB a month", "72%", "5 days". */
export function formatQuantity(value: number, unit: string, currency: string, translator: Translator, options: { compact?: boolean; signed?: boolean } = {}): string {
  if (unit === 'share' || unit === 'probability') return formatShare(value, translator.language);
  const number = options.compact === false ? formatFull(value, translator.language, options.signed, 2) : formatCompact(value, translator, options.signed);
  const label = unitLabel(unit, currency, translator);
  if (unit === 'factor') return `${number}×`;
  return label === '' ? number : `${number} ${label}`;
}

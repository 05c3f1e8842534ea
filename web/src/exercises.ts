import { parse } from 'yaml';
import { INDICATOR_NAMES, type IndicatorName } from '../../sim/model/indicators.js';
import { LANGUAGES, type Language } from './i18n/catalogues.js';

/** A text in one or more of the page's languages. */
export type Texts = Partial<Record<Language, string>>;

/** A scenario's exercises: things to notice and to try (as NetLogo's Info tab), and what to predict. */
export interface Exercise {
  /** The scenario file name (without .yaml) they belong to. */
  readonly scenario: string;
  readonly title?: Texts;
  readonly notice: readonly Texts[];
  readonly try: readonly Texts[];
  /** The indicator students predict at the end of the run, and the option index it is read for. */
  readonly predict?: { readonly indicator: IndicatorName; readonly option: number };
}

function texts(value: unknown, where: string): Texts {
  if (typeof value === 'string') return { en: value };
  if (value === null || typeof value !== 'object') throw new Error(`${where}: expected a text, or texts by language (${LANGUAGES.join(', ')})`);
  const out: Texts = {};
  for (const [key, text] of Object.entries(value)) {
    if (!(LANGUAGES as readonly string[]).includes(key)) throw new Error(`${where}: unknown language "${key}" (expected ${LANGUAGES.join(', ')})`);
    if (typeof text !== 'string') throw new Error(`${where}.${key}: expected a text`);
    out[key as Language] = text.trim();
  }
  return out;
}

function list(value: unknown, where: string): Texts[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new Error(`${where}: expected a list`);
  return value.map((item, k) => texts(item, `${where}[${k}]`));
}

/**
 * Reads an exercise file (YAML), as shipped in web/exercises/ or written by
 * a teacher:
 *
 *     scenario: quota-cut
 *     predict: { indicator: irregular, option: 1 }
 *     notice:
 *       - en: ...        # or one plain text
 *         ru: ...
 *     try:
 *       - ...
 *
 * @throws Error naming the field that is wrong.
 */
export function readExercise(text: string, file: string): Exercise {
  const data: unknown = parse(text);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new Error(`${file}: expected fields scenario, notice, try`);
  const fields = data as Record<string, unknown>;
  const known = ['scenario', 'title', 'notice', 'try', 'predict'];
  for (const key of Object.keys(fields)) if (!known.includes(key)) throw new Error(`${file}: unknown field "${key}" (expected ${known.join(', ')})`);
  if (typeof fields.scenario !== 'string' || fields.scenario === '') throw new Error(`${file}: "scenario" must name a scenario file, e.g. quota-cut`);
  let predict: Exercise['predict'];
  if (fields.predict !== undefined) {
    const p = fields.predict as Record<string, unknown>;
    if (typeof p?.indicator !== 'string' || !(INDICATOR_NAMES as readonly string[]).includes(p.indicator)) {
      throw new Error(`${file}: predict.indicator must be one of ${INDICATOR_NAMES.join(', ')}`);
    }
    const option = p.option === undefined ? 0 : p.option;
    if (typeof option !== 'number' || !Number.isInteger(option) || option < 0) throw new Error(`${file}: predict.option must be an option number (0 is the first)`);
    predict = { indicator: p.indicator as IndicatorName, option };
  }
  return {
    scenario: fields.scenario,
    ...(fields.title === undefined ? {} : { title: texts(fields.title, `${file}: title`) }),
    notice: list(fields.notice, `${file}: notice`),
    try: list(fields.try, `${file}: try`),
    ...(predict ? { predict } : {}),
  };
}

/** A text in the language asked for, else in English, else in any language it has; with the language it is in. */
export function pickText(value: Texts, language: Language): { text: string; language: Language } {
  for (const candidate of [language, 'en', ...LANGUAGES] as Language[]) {
    const text = value[candidate];
    if (text) return { text, language: candidate };
  }
  return { text: '', language };
}

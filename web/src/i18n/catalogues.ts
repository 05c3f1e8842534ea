import { en, type Catalogue } from './en.js';
import { ky } from './ky.js';
import { ru } from './ru.js';

/** The page's languages, in the order the language switch offers them. */
export const LANGUAGES = ['en', 'ru', 'ky'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Every language's catalogue; each has exactly the keys of the English one. */
export const CATALOGUES: Readonly<Record<Language, Catalogue>> = { en, ru, ky };

/** Each language's name in itself, for the switch. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { en: 'English', ru: 'Русский', ky: 'Кыргызча' };

export function isLanguage(value: string | null | undefined): value is Language {
  return (LANGUAGES as readonly string[]).includes(value ?? '');
}

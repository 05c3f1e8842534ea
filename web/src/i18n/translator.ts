import { IntlMessageFormat } from 'intl-messageformat';
import type { MessageKey } from './en.js';
import { CATALOGUES, type Language } from './catalogues.js';

/** Values a message's placeholders take; numbers should be formatted first (format.ts). */
export type MessageValues = Readonly<Record<string, string | number>>;

/**
 * Messages of one language, formatted with intl-messageformat (ICU syntax:
 * plurals by the language's own rules). Compiled messages are cached, since
 * the page formats the same status lines many times during a run.
 */
export class Translator {
  private readonly cache = new Map<MessageKey, IntlMessageFormat>();

  constructor(readonly language: Language) {}

  /** The message `key` with its placeholders filled. */
  t(key: MessageKey, values: MessageValues = {}): string {
    let format = this.cache.get(key);
    if (format === undefined) {
      format = new IntlMessageFormat(CATALOGUES[this.language][key], this.language);
      this.cache.set(key, format);
    }
    return String(format.format(values));
  }

  /** Whether the catalogue has a message under a key built at run time (e.g. a scenario's name). */
  has(key: string): key is MessageKey {
    return Object.prototype.hasOwnProperty.call(CATALOGUES[this.language], key);
  }
}

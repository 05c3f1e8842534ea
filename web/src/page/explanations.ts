import rules from 'virtual:rules';
import { el, proseBlocks } from '../dom.js';
import type { MessageKey } from '../i18n/en.js';
import { GLOSSARY } from '../glossary.js';
import { groupMechanisms } from '../mechanisms.js';
import type { Page } from './context.js';
import { sourceCite } from './labels.js';

/**
 * "How it works" and the glossary in the page's language. Each mechanism
 * is told in plain words from the catalogue; the model's own rule
 * summaries (English, from its source) follow, folded away and without
 * code paths, for those who want the detail.
 */
export function renderExplanations(page: Page): void {
  const { ui, state } = page;
  const tr = state.translator;
  const open = new Set(Array.from(ui.mechanisms.querySelectorAll<HTMLDetailsElement>('details.mechanism[open]'), (d) => d.dataset.mechanism));
  ui.mechanisms.replaceChildren(
    ...groupMechanisms(rules.summaries).map((mechanism, i) =>
      el(
        'details',
        { class: 'mechanism', id: `mechanism-${mechanism.key}`, 'data-mechanism': mechanism.key, open: open.size === 0 ? i === 0 : open.has(mechanism.key) },
        el('summary', {}, tr.t(`mechanism.${mechanism.key}` as MessageKey)),
        el('p', {}, tr.t(`mechanism.${mechanism.key}.intro` as MessageKey)),
        el(
          'details',
          { class: 'model-words' },
          el('summary', {}, tr.t('how.modelWords')),
          el('ul', { lang: 'en' }, ...mechanism.rules.map((rule) => el('li', {}, ...proseBlocks(rule.text.charAt(0).toUpperCase() + rule.text.slice(1))))),
        ),
      ),
    ),
  );
  ui.glossary.replaceChildren(
    ...GLOSSARY.flatMap((entry) => [
      el('dt', { id: `term-${entry.key}` }, tr.t(`glossary.${entry.key}` as MessageKey)),
      el('dd', {}, tr.t(`glossary.${entry.key}.meaning` as MessageKey), sourceCite(entry.source, tr)),
    ]),
  );
}

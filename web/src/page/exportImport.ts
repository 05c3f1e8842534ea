import bundled from 'virtual:scenarios';
import { ScenarioError } from '../../../sim/scenario/index.js';
import { el, slug } from '../dom.js';
import { exportYaml, type ExportSetting } from '../exportScenario.js';
import { Translator } from '../i18n/translator.js';
import { openingComment, readScenario, resolveBase, type LibraryEntry } from '../scenarioLibrary.js';
import type { Setting } from '../settings.js';
import type { Page } from './context.js';
import { settingName } from './labels.js';
import { runSettings, setStatus } from './runControl.js';

/** Offers a text as a file to save. */
export function download(name: string, text: string, type: string): void {
  const link = el('a', { href: URL.createObjectURL(new Blob([text], { type })), download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

export function showProblems(page: Page, messages: readonly string[]): void {
  page.ui.problems.hidden = messages.length === 0;
  page.ui.problems.textContent = messages.join('\n');
}

/** Exports settings (one, or A and B of a comparison) as one scenario file, shown on the page and saved. */
export function exportSettings(page: Page, settings: readonly Setting[], letters: readonly string[]): void {
  const { state, ui } = page;
  const chosen = runSettings(page);
  if ('problem' in chosen) {
    setStatus(page, chosen.problem, chosen.values ?? {}, 'invalid');
    return;
  }
  const { scenario, notes } = state.entry;
  // Option names in the file stay in the scenario's own words, so the file reads the same whatever the page's language.
  const english = new Translator('en');
  const exported: ExportSetting[] = settings.map((setting, i) => ({
    name: `${letters[i] ? `${letters[i]}: ` : ''}${settingName(state.entry, setting, english)}`,
    optionName: scenario.options[setting.option].name,
    changed: setting.changed,
    params: setting.params,
    events: setting.events,
  }));
  const yaml = exportYaml({ scenario, notes, settings: exported, base: resolveBase(scenario.base, bundled.bases), seed: chosen.seed, replicates: chosen.replicates });
  ui.exportText.textContent = yaml;
  ui.exportBox.hidden = false;
  download(`${slug(`${scenario.name} ${exported.map((s) => s.name).join(' ')}`)}.yaml`, yaml, 'text/yaml');
}

/** Reads a scenario file a student opens; the new entry, or undefined after showing why it cannot be read. */
export async function importScenario(page: Page, file: File): Promise<LibraryEntry | undefined> {
  const { state } = page;
  const text = await file.text();
  try {
    const scenario = readScenario(text, file.name, bundled.bases);
    const baseText = bundled.bases.find((b) => b.name === scenario.base)?.text;
    const entry: LibraryEntry = { key: `imported-${++state.importCount}`, scenario, notes: openingComment(text), imported: true, ...(baseText ? { baseText } : {}) };
    state.entries.push(entry);
    showProblems(page, []);
    return entry;
  } catch (error) {
    showProblems(page, [
      state.translator.t('scenario.importFailed', { file: file.name, bases: bundled.bases.map((b) => b.name).join(', ') }),
      error instanceof ScenarioError ? error.format() : error instanceof Error ? error.message : String(error),
    ]);
    return undefined;
  }
}

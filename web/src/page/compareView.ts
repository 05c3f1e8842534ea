import { el } from '../dom.js';
import { leverSetting, optionSetting, sameSetting, type Setting } from '../settings.js';
import type { Page } from './context.js';
import { optionName, settingName } from './labels.js';

/** The students' setting as it would run now: the chosen option with the levers' changes. */
export function leverSettingNow(page: Page): Setting {
  const { state } = page;
  return leverSetting(state.entry.scenario.options, state.option, state.levers, state.values);
}

/** A setting chosen in a compare list: the students' levers ("levers"), or an option as shipped ("option:N"). */
export function compareChoice(page: Page, value: string): Setting {
  if (value === 'levers') return leverSettingNow(page);
  return optionSetting(page.state.entry.scenario.options, Number(value.slice(7)));
}

/** Fills the A and B lists, keeping valid choices; a fresh page compares the first option with another option, never with itself. */
export function fillCompareSelects(page: Page): void {
  const { state, ui } = page;
  const tr = state.translator;
  const yours = leverSettingNow(page);
  const choices = (selected: string) => [
    el('option', { value: 'levers', selected: selected === 'levers' }, tr.t('run.compareYours', { name: settingName(state.entry, yours, tr) })),
    ...state.entry.scenario.options.map((_, i) =>
      el('option', { value: `option:${i}`, selected: selected === `option:${i}` }, tr.t('run.compareShipped', { name: optionName(state.entry, i, tr) })),
    ),
  ];
  const valid = (v: string) => v === 'levers' || (v.startsWith('option:') && Number(v.slice(7)) < state.entry.scenario.options.length);
  const a = valid(ui.compareA.value) ? ui.compareA.value : 'option:0';
  const other = state.entry.scenario.options.length > 1 ? `option:${state.option === 0 ? 1 : state.option}` : 'levers';
  const b = valid(ui.compareB.value) ? ui.compareB.value : yours.changed.length > 0 ? 'levers' : other;
  ui.compareA.replaceChildren(...choices(a));
  ui.compareB.replaceChildren(...choices(b));
  updateCompareButton(page);
}

/** Compare (and its export) is offered only for two different settings; otherwise the page says why. */
export function updateCompareButton(page: Page): void {
  const { state, ui } = page;
  const same = sameSetting(compareChoice(page, ui.compareA.value), compareChoice(page, ui.compareB.value));
  ui.compareNote.hidden = !same;
  ui.compareNote.textContent = same ? state.translator.t('run.compareSame') : '';
  ui.compare.disabled = same || ui.compare.dataset.running === 'true' || state.workersBlocked;
  ui.exportComparison.disabled = same;
}

/** The setting whose migrant a comparison follows: the students' own when it is compared, else A. */
export function comparisonTraceSetting(page: Page): number {
  return page.ui.compareB.value === 'levers' && page.ui.compareA.value !== 'levers' ? 1 : 0;
}

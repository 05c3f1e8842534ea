import type { ParamValue } from '../../../sim/model/params/paramDef.js';
import { el } from '../dom.js';
import type { MessageKey } from '../i18n/en.js';
import { leverSchedule, optionValue, optionValues, changedLevers } from '../leverSchedule.js';
import { leversFor, parseLeverNumber, type Lever } from '../levers.js';
import { scenarioUse } from '../places.js';
import { valueSource } from '../valueSource.js';
import type { Page } from './context.js';
import { leverLabel, leverValueText, sourceCite } from './labels.js';

/**
 * The levers of the chosen option: one control per lever the scenario uses,
 * showing the value the option uses (the last value of its timeline), with
 * the option's schedule and the source of that value. `changed` is called
 * after every change a student makes.
 */
export function renderLevers(page: Page, changed: () => void): void {
  const { state, ui } = page;
  const tr = state.translator;
  const groups = new Map<string, HTMLFieldSetElement>();
  ui.levers.replaceChildren();
  state.levers.forEach((lever, k) => {
    let group = groups.get(lever.group);
    if (group === undefined) {
      group = el('fieldset', { class: 'group' }, el('legend', {}, tr.t(`group.${lever.group}` as MessageKey)));
      groups.set(lever.group, group);
      ui.levers.append(group);
    }
    group.append(leverBlock(page, lever, `lever-${k}`, changed));
  });
  updateLeverMarks(page);
}

/** Picks the option the levers start from: its levers, their values, and its timeline in words. */
export function selectOption(page: Page, index: number): void {
  const { state } = page;
  state.option = index;
  const option = state.entry.scenario.options[index];
  state.use = scenarioUse(state.entry.scenario.options);
  state.levers = leversFor(state.use, option.params);
  state.values = optionValues(option, state.levers);
  state.errors.clear();
}

/** Lever values to apply on top of the option (from a shared link), ignoring those the page has no lever for. */
export function applyValues(page: Page, values: Readonly<Record<string, ParamValue>>): void {
  for (const lever of page.state.levers) if (lever.param in values) page.state.values[lever.param] = values[lever.param];
}

function sourceOf(page: Page, lever: Lever): string {
  const { entry, option } = page.state;
  const value = optionValue(entry.scenario.options[option], lever.param);
  const base = entry.baseText;
  return valueSource(lever.param, value, base === undefined ? [entry.scenario.text] : [entry.scenario.text, base], lever.def.source);
}

function leverBlock(page: Page, lever: Lever, id: string, changed: () => void): HTMLElement {
  const { state } = page;
  const tr = state.translator;
  const { def } = lever;
  const value = state.values[lever.param];
  const shown = el('span', { class: 'value', 'data-value-of': lever.param });
  const explain = el(
    'p',
    { class: 'explain', id: `${id}-explain` },
    `${tr.t(lever.explain)} `,
    el('span', { class: 'schedule', 'data-schedule-of': lever.param }),
    ' ',
    sourceCite(sourceOf(page, lever), tr),
  );
  const error = el('p', { class: 'error', id: `${id}-error`, hidden: true });
  const described = `${id}-explain ${id}-error`;
  const block = el('div', { class: 'lever', 'data-lever': lever.param });
  const set = (next: ParamValue): void => {
    state.values[lever.param] = next;
    state.errors.delete(lever.param);
    changed();
  };
  const label = leverLabel(lever, tr);

  if (lever.control === 'checkbox') {
    const input = el('input', { type: 'checkbox', id, 'data-param': lever.param, 'aria-describedby': described, checked: value === true });
    input.addEventListener('change', () => set(input.checked));
    block.append(el('div', { class: 'check' }, input, el('label', { for: id }, `${label} — `, shown)), explain, error);
    return block;
  }

  const labelEl = el('label', { for: id }, `${label} — `, shown);
  if (lever.control === 'select') {
    const select = el(
      'select',
      { id, 'data-param': lever.param, 'aria-describedby': described },
      ...(def.values ?? []).map((choice) => el('option', { value: choice, selected: choice === value }, leverValueText(lever, choice, state.use.currency, tr))),
    );
    select.addEventListener('change', () => set(select.value));
    block.append(labelEl, select, explain, error);
    return block;
  }

  if (lever.control === 'range') {
    const range = el('input', {
      type: 'range',
      id,
      'data-param': lever.param,
      min: lever.min,
      max: lever.max,
      step: lever.step,
      value: Number(value),
      'aria-describedby': described,
    });
    range.addEventListener('input', () => set(Number(range.value)));
    block.append(labelEl, range, explain, error);
    return block;
  }

  const number = el('input', {
    type: 'number',
    id,
    'data-param': lever.param,
    min: lever.min,
    max: lever.max,
    step: lever.step ?? 'any',
    value: value === null ? '' : Number(value),
    'aria-describedby': described,
  });
  const readNumber = (): void => {
    const parsed = parseLeverNumber(def, number.value);
    if ('error' in parsed) {
      state.errors.set(lever.param, parsed.error);
      changed();
    } else set(parsed.value);
  };
  number.addEventListener('input', readNumber);

  if (lever.control === 'quota') {
    const noneId = `${id}-none`;
    const none = el('input', { type: 'checkbox', id: noneId, 'data-param': lever.param, 'data-none': true, checked: value === null });
    number.disabled = value === null;
    if (value === null) number.value = String(someQuota(page));
    none.addEventListener('change', () => {
      number.disabled = none.checked;
      if (none.checked) set(null);
      else readNumber();
    });
    block.append(
      labelEl,
      el('div', { class: 'quota-row' }, number, el('div', { class: 'check' }, none, el('label', { for: noneId }, tr.t('rules.noQuota')))),
      explain,
      error,
    );
    return block;
  }
  block.append(labelEl, number, explain, error);
  return block;
}

/** A quota to offer when a student turns the quota on: one the scenario uses, else a round number. */
function someQuota(page: Page): number {
  for (const option of page.state.entry.scenario.options) {
    for (const step of leverSchedule(option, 'quota.annual')) if (typeof step.value === 'number') return step.value;
  }
  return 100000;
}

/** The option's schedule of a lever in words: "126 000 permits a year from the start; 63 483 … from month 12. Your value replaces…". */
export function scheduleText(page: Page, lever: Lever): string {
  const tr = page.state.translator;
  const steps = leverSchedule(page.state.entry.scenario.options[page.state.option], lever.param);
  if (steps.length === 1) return tr.t('rules.scheduleYoursStart');
  const words = steps.map((step) =>
    step.month === null
      ? tr.t('rules.scheduleStart', { value: leverValueText(lever, step.value, page.state.use.currency, tr) })
      : tr.t('rules.scheduleFrom', { value: leverValueText(lever, step.value, page.state.use.currency, tr), month: step.month }),
  );
  return `${words.join('; ')}. ${tr.t('rules.scheduleYours', { month: steps.at(-1)!.month ?? 0 })}`;
}

/** Shows each lever's value and schedule, marks those changed from the option and those with an error, and lists the changes. */
export function updateLeverMarks(page: Page): void {
  const { state, ui } = page;
  const tr = state.translator;
  const option = state.entry.scenario.options[state.option];
  for (const lever of state.levers) {
    const block = ui.levers.querySelector<HTMLElement>(`[data-lever="${CSS.escape(lever.param)}"]`);
    if (!block) continue;
    const value = state.values[lever.param];
    const original = optionValue(option, lever.param);
    const isChanged = changedLevers(option, [lever], state.values).length > 0;
    const shown = block.querySelector<HTMLElement>('.value')!;
    shown.textContent =
      leverValueText(lever, value, state.use.currency, tr) +
      (isChanged ? ` (${tr.t('rules.optionValue', { value: leverValueText(lever, original, state.use.currency, tr) })})` : '');
    shown.classList.toggle('changed', isChanged);
    block.querySelector<HTMLElement>('.schedule')!.textContent = scheduleText(page, lever);
    const problem = state.errors.get(lever.param);
    const error = block.querySelector<HTMLElement>('.error')!;
    error.hidden = problem === undefined;
    error.textContent = problem === undefined ? '' : tr.t(problem.key, problem.values);
    block.querySelectorAll('input[type="number"]').forEach((input) => input.setAttribute('aria-invalid', String(problem !== undefined)));
  }
  const changed = changedLevers(option, state.levers, state.values);
  ui.changed.textContent =
    changed.length === 0
      ? tr.t('rules.unchanged')
      : tr.t('rules.changed', {
          count: changed.length,
          list: changed.map((lever) => `${leverLabel(lever, tr)}: ${leverValueText(lever, state.values[lever.param], state.use.currency, tr)}`).join('; '),
        });
}

/** The option's timeline in plain words, with lever labels instead of parameter names. */
export function renderTimeline(page: Page): void {
  const { state, ui } = page;
  const tr = state.translator;
  const option = state.entry.scenario.options[state.option];
  if (option.events.length === 0) {
    ui.timeline.replaceChildren(el('p', {}, tr.t('rules.timelineNone')));
    return;
  }
  const describe = (param: string, value: ParamValue): string => {
    const lever = state.levers.find((l) => l.param === param);
    return lever === undefined ? `${param} = ${String(value)}` : `${leverLabel(lever, tr)}: ${leverValueText(lever, value, state.use.currency, tr)}`;
  };
  ui.timeline.replaceChildren(
    el('p', {}, tr.t('rules.timelineIntro')),
    el(
      'ul',
      {},
      ...option.events.map((event) =>
        el('li', {}, tr.t('rules.timelineEvent', { month: event.month, changes: Object.entries(event.set).map(([k, v]) => describe(k, v)).join('; ') })),
      ),
    ),
  );
}

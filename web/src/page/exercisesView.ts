import { indicatorInfo } from '../../../analysis/indicatorInfo.js';
import type { IndicatorName } from '../../../sim/model/indicators.js';
import { el, slug } from '../dom.js';
import { pickText, readExercise, type Exercise, type Texts } from '../exercises.js';
import { formatFull, formatQuantity, unitLabel } from '../i18n/formatNumbers.js';
import type { Page } from './context.js';
import { indicatorLabel, optionName, scenarioName, scenarioQuestion } from './labels.js';

/** What students predict for the scenario: the exercise's indicator and option, else irregular migrants under the chosen option. */
export function predictionTarget(page: Page): { indicator: IndicatorName; option: number } {
  const exercise = page.state.exercises.get(page.state.entry.key);
  const options = page.state.entry.scenario.options.length;
  if (exercise?.predict && exercise.predict.option < options) return exercise.predict;
  return { indicator: 'irregular', option: page.state.option };
}

function textItem(page: Page, value: Texts): HTMLLIElement {
  const picked = pickText(value, page.state.translator.language);
  return el('li', picked.language === page.state.translator.language ? {} : { lang: picked.language }, picked.text);
}

/** The scenario's exercises: things to notice, things to try, and the prediction box. */
export function renderExercises(page: Page): void {
  const { state, ui } = page;
  const tr = state.translator;
  const exercise = state.exercises.get(state.entry.key);
  if (exercise === undefined) {
    ui.exerciseBody.replaceChildren(el('p', { class: 'muted' }, tr.t('exercise.none')), el('ul', { 'data-testid': 'things-to-try', hidden: true }));
  } else {
    const title = exercise.title ? pickText(exercise.title, tr.language) : undefined;
    ui.exerciseBody.replaceChildren(
      ...(title ? [el('p', { class: 'question', ...(title.language === tr.language ? {} : { lang: title.language }) }, title.text)] : []),
      el('h4', {}, tr.t('exercise.notice')),
      el('ul', { 'data-testid': 'things-to-notice' }, ...exercise.notice.map((t) => textItem(page, t))),
      el('h4', {}, tr.t('exercise.try')),
      el('ul', { 'data-testid': 'things-to-try' }, ...exercise.try.map((t) => textItem(page, t))),
    );
  }
  const target = predictionTarget(page);
  const unit = unitLabel(indicatorInfo(target.indicator).unit, state.use.currency, tr);
  ui.predictLabel.textContent = tr.t('exercise.predictLabel', {
    indicator: indicatorLabel(target.indicator, tr),
    setting: optionName(state.entry, target.option, tr),
    unit: unit || '—',
  });
  renderPrediction(page);
}

/** Records what the student wrote before running. */
export function readPrediction(page: Page): void {
  const { state, ui } = page;
  const value = Number(ui.predict.value);
  state.prediction = ui.predict.value.trim() === '' || !Number.isFinite(value) ? undefined : { value, ...predictionTarget(page) };
  renderPrediction(page);
}

/** The prediction, and once a run has the predicted setting, the result beside it. */
export function renderPrediction(page: Page): void {
  const { state, ui } = page;
  const tr = state.translator;
  const prediction = state.prediction;
  if (prediction === undefined) {
    ui.predictNote.textContent = '';
    ui.predictNote.dataset.state = 'none';
    return;
  }
  const unit = indicatorInfo(prediction.indicator).unit;
  const currency = state.use.currency;
  const predicted = formatQuantity(prediction.value, unit, currency, tr, { compact: false });
  const run = state.run;
  const setting = run?.finished ? run.settings.findIndex((s) => s.option === prediction.option && run.entry === state.entry) : -1;
  const row = setting < 0 ? undefined : run!.results.endRows([prediction.indicator]).find((r) => r.option === String(setting));
  if (row === undefined) {
    ui.predictNote.textContent = tr.t('exercise.predictSaved', { value: predicted });
    ui.predictNote.dataset.state = 'recorded';
    return;
  }
  ui.predictNote.textContent = tr.t('exercise.predictResult', {
    predicted,
    result: formatQuantity(row.mean, unit, currency, tr, { compact: false }),
    diff: formatFull(row.mean - prediction.value, tr.language, true),
  });
  ui.predictNote.dataset.state = 'compared';
}

/** Reads an exercise file a teacher opens, and shows it for its scenario. */
export async function openExerciseFile(page: Page, file: File): Promise<string | undefined> {
  try {
    const exercise: Exercise = readExercise(await file.text(), file.name);
    page.state.exercises.set(exercise.scenario, exercise);
    return undefined;
  } catch (error) {
    return page.state.translator.t('exercise.openFailed', { file: file.name, message: error instanceof Error ? error.message : String(error) });
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A printable class sheet (standalone HTML) of the scenario's exercises in the page's language, with space for answers. */
export function classSheet(page: Page): { name: string; html: string } {
  const { state } = page;
  const tr = state.translator;
  const exercise = state.exercises.get(state.entry.key);
  const target = predictionTarget(page);
  const item = (value: Texts) => {
    const picked = pickText(value, tr.language);
    return `<li${picked.language === tr.language ? '' : ` lang="${picked.language}"`}>${escapeHtml(picked.text)}<div class="answer">${escapeHtml(tr.t('exercise.sheetAnswer'))}</div></li>`;
  };
  const html = `<!doctype html>
<html lang="${tr.language}"><head><meta charset="utf-8"><title>${escapeHtml(scenarioName(state.entry, tr))}</title>
<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;line-height:1.5}li{margin:0.8rem 0}.answer{border-bottom:1px solid #888;height:3.2rem;color:#666;font-size:0.85rem}</style></head>
<body>
<p>${escapeHtml(tr.t('exercise.sheetName'))} ______________________</p>
<h1>${escapeHtml(scenarioName(state.entry, tr))}</h1>
<p><strong>${escapeHtml(scenarioQuestion(state.entry, tr))}</strong></p>
<h2>${escapeHtml(tr.t('exercise.predictHeading'))}</h2>
<p>${escapeHtml(tr.t('exercise.predictLabel', { indicator: indicatorLabel(target.indicator, tr), setting: optionName(state.entry, target.option, tr), unit: unitLabel(indicatorInfo(target.indicator).unit, state.use.currency, tr) || '—' }))}</p>
<div class="answer">${escapeHtml(tr.t('exercise.sheetPrediction'))}</div>
<div class="answer">${escapeHtml(tr.t('exercise.sheetResult'))}</div>
${exercise ? `<h2>${escapeHtml(tr.t('exercise.notice'))}</h2><ol>${exercise.notice.map(item).join('')}</ol><h2>${escapeHtml(tr.t('exercise.try'))}</h2><ol>${exercise.try.map(item).join('')}</ol>` : ''}
</body></html>
`;
  return { name: `${slug(`${state.entry.key} ${tr.language}`)}-class-sheet.html`, html };
}

import { INDICATORS } from '../../../sim/model/indicators.js';
import { CHART_DATA } from '../charts.js';
import { aheadCounts } from '../runPool.js';
import { storyEvents } from '../../../analysis/story/storyEvents.js';
import { leverSettingNow } from './compareView.js';
import type { Page } from './context.js';
import { displayNames } from './resultsView.js';

declare global {
  interface Window {
    __migsim: unknown;
  }
}

/** A read-only window onto the page's state, for the browser tests and curious teachers (window.__migsim). */
export function installDebugHook(page: Page): void {
  const { state } = page;
  window.__migsim = {
    /** Names of the settings of the last run, in chart order, in the page's language. */
    settings: () => (state.run ? displayNames(page, state.run) : []),
    /** Every run of the last run: its setting, replicate, seed, last week received and that week's row at the place shown. */
    runs: () => {
      const run = state.run;
      if (!run) return [];
      const names = displayNames(page, run);
      return run.results.jobs.map((job) => {
        const week = run.results.reached[job.id];
        return {
          setting: names[job.setting],
          settingIndex: job.setting,
          option: run.settings[job.setting].option,
          changed: run.settings[job.setting].changed,
          replicate: job.replicate,
          seed: job.seed,
          week,
          row: week < 0 ? [] : Array.from(run.results.row(job.id, week)),
          place: run.results.places[run.results.place],
        };
      });
    },
    /** For each chart: its kind, indicator, and the settings its data holds values for. */
    chartOptions: () =>
      (state.run?.views ?? []).map((chart) => {
        const rows = chart.view.data(CHART_DATA) as { option: string; mean?: number | null; diff?: number | null }[];
        const options = [...new Set(rows.filter((r) => (chart.kind === 'line' ? r.mean : r.diff) != null).map((r) => r.option))];
        return { kind: chart.kind, indicator: chart.indicator, points: rows.length, options };
      }),
    /** The students' setting as it would run now. */
    leverSetting: () => {
      const setting = leverSettingNow(page);
      return { option: setting.option, changed: setting.changed, params: setting.params, events: setting.events };
    },
    /** The followed migrant: who, and the story's events. */
    story: () => (state.run?.traced ? { agent: state.run.traced, events: storyEvents(state.run.story, state.run.traceEvents), trace: state.run.traceEvents } : undefined),
    prediction: () => state.prediction,
    /** Jobs computed ahead while the page waited (runPool.computeAhead): how many have finished, and how many are under way. */
    ahead: () => aheadCounts(),
    indicators: INDICATORS.map((i) => i.name),
  };
}

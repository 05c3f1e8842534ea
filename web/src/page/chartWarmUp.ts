import embed from 'vega-embed';
import type { IndicatorName } from '../../../sim/model/indicators.js';
import { CHART_DATA, differenceSpec, lineSpec } from '../charts.js';
import { el } from '../dom.js';
import type { Page } from './context.js';
import { embedOptions } from './resultsView.js';

/** Charts drawn once, off screen, to warm the chart library up: a line chart and a difference chart of two indicators. */
const WARM_UP_INDICATORS: readonly IndicatorName[] = ['abroad', 'legal'];
const WARM_UP_WEEKS = 20;

/**
 * Draws a few small charts off screen and throws them away while the page
 * waits for Run. The chart library's code is compiled on first use, and a
 * run's charts are built and redrawn on the main thread while the workers
 * simulate: on a machine with two cores, that cold first drawing took the
 * workers' time (about a second of a classroom run of 3 replicates).
 * Nothing is shown, and a Run that comes meanwhile is not held up.
 */
export async function warmChartDrawing(page: Page): Promise<void> {
  const tr = page.state.translator;
  const host = el('div', { 'aria-hidden': 'true', inert: true, style: 'position:absolute;left:-10000px;top:0;width:600px' });
  document.body.append(host);
  const points = Array.from({ length: WARM_UP_WEEKS }, (_, week) => ({ option: 'a', week, mean: week, ci_low: week - 1, ci_high: week + 1 }));
  try {
    for (const indicator of WARM_UP_INDICATORS) {
      const line = await embed(host.appendChild(el('div', {})), lineSpec(indicator, ['a', 'b'], WARM_UP_WEEKS, '', 3, tr), embedOptions(page));
      await line.view.data(CHART_DATA, points).runAsync();
      line.finalize();
      const difference = await embed(host.appendChild(el('div', {})), differenceSpec(indicator, ['a', 'b'], WARM_UP_WEEKS, '', tr), embedOptions(page));
      difference.finalize();
    }
  } catch {
    // A warm-up that fails costs nothing but its speed-up; a run draws its own charts and reports their errors.
  } finally {
    host.remove();
  }
}

import type { ActiveRun, ChartView } from './context.js';

/**
 * Watches which of a run's charts are on screen, so that live redraws
 * while the run goes on skip those out of sight: redrawing every chart
 * takes the main thread a while, and on a machine with few cores that time
 * is taken from the simulation workers. A stale chart that comes into
 * sight is drawn at once with `draw`. Where the browser cannot tell, every
 * chart counts as on screen.
 */
export function watchCharts(run: ActiveRun, draw: (chart: ChartView) => void): void {
  run.chartWatch?.disconnect();
  if (typeof IntersectionObserver !== 'function') return;
  const watch = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      // The difference chart's element outlives a change of its indicator, so the chart is looked up each time.
      const chart = run.views.find((view) => view.container === entry.target);
      if (!chart) continue;
      chart.onScreen = entry.isIntersecting;
      if (chart.onScreen && chart.stale) draw(chart);
    }
  });
  for (const chart of run.views) watch.observe(chart.container);
  run.chartWatch = watch;
}

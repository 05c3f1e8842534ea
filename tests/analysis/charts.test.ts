import { describe, expect, it } from 'vitest';
import { differenceChart } from '../../analysis/charts/differenceChart.js';
import { lineWithBand } from '../../analysis/charts/lineWithBand.js';
import { renderSvg } from '../../analysis/charts/renderSvg.js';
import { compareOptions } from '../../analysis/compareOptions.js';
import { runFromWeeks, seededUniform } from './syntheticRuns.js';

function twoOptionRuns() {
  const noise = seededUniform(7);
  const options = ['Quota as now', 'Open "green" corridor'];
  const runs = options.flatMap((option, index) =>
    [0, 1, 2].map((replicate) =>
      runFromWeeks(
        option,
        replicate,
        Array.from({ length: 11 }, (_, week) => ({
          abroad: 1000 + 50 * week * (index + 1) + 20 * noise(),
          remittances: week === 0 ? 0 : 5e6 + 1e5 * noise(),
        })),
      ),
    ),
  );
  return { options, runs };
}

function count(text: string, part: string): number {
  return text.split(part).length - 1;
}

describe('lineWithBand', () => {
  it('renders one line and one band per option, a legend entry for each and the title', async () => {
    const { options, runs } = twoOptionRuns();
    const svg = await renderSvg(lineWithBand('abroad', runs, options, 'RUB'));
    expect(svg.startsWith('<svg')).toBe(true);
    expect(count(svg, 'class="mark-line role-mark')).toBe(2);
    expect(count(svg, 'class="mark-area role-mark')).toBe(2);
    expect(svg).toContain('>Quota as now</text>');
    expect(svg).toContain('>Open "green" corridor</text>');
    expect(svg).toContain('>Migrants abroad</text>');
    expect(svg).toContain('>Week</text>');
    expect(svg).toContain('>Migrants abroad (people)</text>');
  });

  it('titles money axes with the currency code and flows per week', () => {
    const { options, runs } = twoOptionRuns();
    const spec = JSON.stringify(lineWithBand('remittances', runs, options, 'KZT'));
    expect(spec).toContain('"Remittances sent home (KZT per week)"');
  });

  it('bands the same 95% t-interval as the tables', () => {
    const runs = [
      runFromWeeks('only', 0, [{ abroad: 1 }]),
      runFromWeeks('only', 1, [{ abroad: 2 }]),
      runFromWeeks('only', 2, [{ abroad: 3 }]),
      runFromWeeks('only', 3, [{ abroad: 4 }]),
      runFromWeeks('only', 4, [{ abroad: 5 }]),
    ];
    const spec = lineWithBand('abroad', runs, ['only'], 'RUB') as { data: { values: { ci_low: number; ci_high: number }[] } };
    expect(spec.data.values[0].ci_low).toBeCloseTo(1.036757, 6);
    expect(spec.data.values[0].ci_high).toBeCloseTo(4.963243, 6);
  });

  it('renders the same spec to the same bytes every time', async () => {
    const { options, runs } = twoOptionRuns();
    const spec = lineWithBand('abroad', runs, options, 'RUB');
    expect(await renderSvg(spec)).toBe(await renderSvg(spec));
  });
});

describe('differenceChart', () => {
  it('draws a dot and a whisker per option and indicator against the baseline', async () => {
    const { options, runs } = twoOptionRuns();
    const rows = compareOptions(runs, options);
    const svg = await renderSvg(differenceChart(rows, ['abroad', 'remittances'], 'RUB'));
    expect(svg).toContain('>Differences from Quota as now at the end of the horizon</text>');
    expect(svg).toContain('>Migrants abroad</text>');
    expect(svg).toContain('>Difference (RUB)</text>');
    expect(count(svg, 'aria-roledescription="point"')).toBe(2);
  });

  it('leaves out indicators without any defined difference', () => {
    const rows = [
      { option: 'b', baseline: 'a', place: 'all', indicator: 'abroad' as const, mean_diff: 1, ci_low: 0, ci_high: 2, n: 3 },
      { option: 'b', baseline: 'a', place: 'all', indicator: 'quota' as const, mean_diff: NaN, ci_low: NaN, ci_high: NaN, n: 3 },
    ];
    const spec = differenceChart(rows, ['abroad', 'quota'], 'RUB') as { vconcat: unknown[] };
    expect(spec.vconcat).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import { comparisonCsv } from '../../analysis/comparisonCsv.js';
import { csv, csvField } from '../../analysis/csv.js';
import { formatNumber } from '../../analysis/formatNumber.js';
import { summaryCsv } from '../../analysis/summaryCsv.js';
import { timeseriesCsv } from '../../analysis/timeseriesCsv.js';
import { INDICATOR_NAMES } from '../../sim/model/indicators.js';
import { runFromWeeks } from './syntheticRuns.js';

describe('formatNumber', () => {
  it('writes NaN as an empty cell', () => {
    expect(formatNumber(NaN)).toBe('');
  });

  it('writes integers in full, without exponent or decimals', () => {
    expect(formatNumber(3)).toBe('3');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(1234567890123)).toBe('1234567890123');
    expect(formatNumber(1e21)).toBe('1000000000000000000000');
  });

  it('rounds other values to 6 significant digits in plain notation', () => {
    expect(formatNumber(1 / 3)).toBe('0.333333');
    expect(formatNumber(-2 / 3)).toBe('-0.666667');
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(-2.5)).toBe('-2.5');
    expect(formatNumber(1234567.89)).toBe('1234570');
    expect(formatNumber(999999.7)).toBe('1000000');
    expect(formatNumber(0.000001234567)).toBe('0.00000123457');
  });

  it('falls back to exponent notation only for tiny or huge non-integers', () => {
    expect(formatNumber(1.5e-7)).toBe('1.5e-7');
    expect(formatNumber(-1e-9)).toBe('-1e-9');
  });

  it('writes infinities the way R and pandas read them', () => {
    expect(formatNumber(Infinity)).toBe('Inf');
    expect(formatNumber(-Infinity)).toBe('-Inf');
  });
});

describe('csv', () => {
  it('quotes fields holding commas, quotes or line breaks and leaves others alone', () => {
    expect(csvField('plain option')).toBe('plain option');
    expect(csvField('quota, strict')).toBe('"quota, strict"');
    expect(csvField('the "open" door')).toBe('"the ""open"" door"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('ends every row with a newline', () => {
    expect(csv([['a', 'b'], ['1', '2']])).toBe('a,b\n1,2\n');
  });

  it('writes summary rows with empty cells for undefined values and quoted option names', () => {
    const text = summaryCsv([
      { option: 'amnesty, then quota', place: 'all', indicator: 'abroad', mean: 1500, sd: NaN, ci_low: NaN, ci_high: NaN, n: 1 },
      { option: 'baseline', place: 'russia', indicator: 'remittances', mean: 2 / 3, sd: 0.5, ci_low: 0.25, ci_high: 1.0833333, n: 4 },
    ]);
    expect(text).toBe(
      'option,place,indicator,mean,sd,ci_low,ci_high,n\n' +
        '"amnesty, then quota",all,abroad,1500,,,,1\n' +
        'baseline,russia,remittances,0.666667,0.5,0.25,1.08333,4\n',
    );
  });

  it('writes comparison rows with the baseline column', () => {
    const text = comparisonCsv([
      { option: 'open', baseline: 'closed', place: 'all', indicator: 'removals', mean_diff: -12.5, ci_low: -20, ci_high: -5, n: 10 },
    ]);
    expect(text).toBe('option,baseline,place,indicator,mean_diff,ci_low,ci_high,n\nopen,closed,all,removals,-12.5,-20,-5,10\n');
  });

  it('writes time series by option order, then replicate, then week', () => {
    const runs = [
      runFromWeeks('first', 1, [{ abroad: 1 }, { abroad: 2 }]),
      runFromWeeks('second', 0, [{ abroad: 3, quota: NaN }, { abroad: 4.25, quota: NaN }]),
      runFromWeeks('first', 0, [{ abroad: 5 }, { abroad: 6 }]),
    ];
    const lines = timeseriesCsv(runs, ['second', 'first']).trimEnd().split('\n');
    expect(lines[0]).toBe(['option', 'replicate', 'week', 'place', ...INDICATOR_NAMES].join(','));
    expect(lines.slice(1).map((line) => line.split(',').slice(0, 5).join(','))).toEqual([
      'second,0,0,all,3',
      'second,0,1,all,4.25',
      'first,0,0,all,5',
      'first,0,1,all,6',
      'first,1,0,all,1',
      'first,1,1,all,2',
    ]);
    // The quota column of the 'second' rows is empty (no quota in force).
    const quotaColumn = INDICATOR_NAMES.indexOf('quota') + 4;
    expect(lines[1].split(',')[quotaColumn]).toBe('');
    expect(lines[3].split(',')[quotaColumn]).toBe('0');
  });
});

describe('csvField against spreadsheet formulas', () => {
  it('puts an apostrophe before text that a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField('+1+cmd')).toBe("'+1+cmd");
    expect(csvField('-quota')).toBe("'-quota");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tx')).toBe("'\tx");
  });

  it('leaves numbers, including negative ones, and ordinary text alone', () => {
    expect(csvField('-2.5')).toBe('-2.5');
    expect(csvField('+3')).toBe('+3');
    expect(csvField('status quo')).toBe('status quo');
    expect(csvField('a=b')).toBe('a=b');
  });
});

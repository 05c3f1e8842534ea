import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../../sim/model/indicators.js';
import { summarise } from '../../analysis/summarise.js';
import { runFromWeeks } from './syntheticRuns.js';

describe('summarise', () => {
  const runs = [
    runFromWeeks('tight', 1, [{ abroad: 0 }, { abroad: 12, removals: 4 }]),
    runFromWeeks('open', 0, [{ abroad: 0 }, { abroad: 30, removals: 1 }]),
    runFromWeeks('tight', 0, [{ abroad: 0 }, { abroad: 10, removals: 2 }]),
    runFromWeeks('tight', 2, [{ abroad: 0 }, { abroad: 14, removals: 6 }]),
  ];

  it('gives one row per option and indicator, in option order then indicator order', () => {
    const rows = summarise(runs, ['tight', 'open']);
    expect(rows).toHaveLength(2 * INDICATORS.length);
    expect(rows.slice(0, INDICATORS.length).every((row) => row.option === 'tight')).toBe(true);
    expect(rows.slice(0, INDICATORS.length).map((row) => row.indicator)).toEqual(INDICATORS.map((i) => i.name));
  });

  it('summarises end-of-horizon values over replicates', () => {
    const rows = summarise(runs, ['tight', 'open']);
    const abroad = rows.find((row) => row.option === 'tight' && row.indicator === 'abroad');
    expect(abroad).toMatchObject({ mean: 12, sd: 2, n: 3 });
    const removals = rows.find((row) => row.option === 'tight' && row.indicator === 'removals');
    expect(removals?.mean).toBe(4);
    const single = rows.find((row) => row.option === 'open' && row.indicator === 'abroad');
    expect(single).toMatchObject({ mean: 30, n: 1 });
    expect(single?.ci_low).toBeNaN();
  });

  it('rejects a run of an option that is not listed, and a listed option without runs', () => {
    expect(() => summarise(runs, ['tight'])).toThrow('groupRuns found a run of option "open", which is not in the option list');
    expect(() => summarise(runs, ['tight', 'open', 'closed'])).toThrow('groupRuns found no runs for option "closed"');
  });

  it('rejects a replicate index used twice within an option', () => {
    const twice = [...runs, runFromWeeks('open', 0, [{}, {}])];
    expect(() => summarise(twice, ['tight', 'open'])).toThrow('groupRuns found replicate 0 of option "open" twice');
  });
});

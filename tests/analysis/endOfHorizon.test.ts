import { describe, expect, it } from 'vitest';
import { endOfHorizon } from '../../analysis/endOfHorizon.js';
import { runFromWeeks } from './syntheticRuns.js';

describe('endOfHorizon', () => {
  const run = runFromWeeks('baseline', 0, [
    // Week 0 should carry no flows; a value here must not be counted.
    { abroad: 10, arrivals: 99, quota: NaN, remittances: 0 },
    { abroad: 20, arrivals: 1, quota: NaN, remittances: 100.5 },
    { abroad: 25, arrivals: 2, quota: NaN, remittances: 200 },
    { abroad: 40, arrivals: 3, quota: NaN, remittances: 300 },
  ]);

  it('takes a stock at its value in the last week', () => {
    expect(endOfHorizon(run.table).abroad).toBe(40);
  });

  it('sums a flow over weeks 1 to the last, leaving out week 0', () => {
    expect(endOfHorizon(run.table).arrivals).toBe(6);
    expect(endOfHorizon(run.table).remittances).toBe(600.5);
  });

  it('keeps a missing quota as NaN', () => {
    expect(endOfHorizon(run.table).quota).toBeNaN();
  });

  it('gives week 0 stocks and zero flows for a run of no weeks', () => {
    const start = runFromWeeks('baseline', 0, [{ abroad: 10, arrivals: 0 }]);
    expect(endOfHorizon(start.table).abroad).toBe(10);
    expect(endOfHorizon(start.table).arrivals).toBe(0);
  });

  it('rejects a table whose length does not match its weeks', () => {
    expect(() => endOfHorizon({ weeks: 5, places: ['all'], values: run.table.values })).toThrow(/checkTable expected/);
  });
});

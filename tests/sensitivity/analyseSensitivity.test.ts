import { describe, expect, it } from 'vitest';
import type { IndicatorValues } from '../../analysis/endOfHorizon.js';
import { analyseSensitivity } from '../../analysis/sensitivity/analyseSensitivity.js';
import { rankDrivers } from '../../analysis/sensitivity/rankDrivers.js';
import { sensitivityCsv } from '../../analysis/sensitivity/sensitivityCsv.js';
import { sensitivityDesign } from '../../analysis/sensitivity/sensitivityDesign.js';
import { sensitivityOutputs } from '../../analysis/sensitivity/sensitivityOutputs.js';
import { INDICATOR_NAMES } from '../../sim/model/indicators.js';
import { createStream } from '../../sim/model/random.js';

/** End-of-horizon values with every indicator at `value`, and `irregular` as given. */
function ends(value: number, irregular: number): IndicatorValues {
  const out = Object.fromEntries(INDICATOR_NAMES.map((name) => [name, value])) as IndicatorValues;
  out.irregular = irregular;
  return out;
}

const RANGES = [
  { name: 'a', low: 0, high: 10, integer: false },
  { name: 'b', low: 100, high: 200, integer: true },
];

describe('sensitivity of option levels and option differences', () => {
  it('averages replicates per point, and pairs replicates for differences', () => {
    const baseline = [[ends(1, 10), ends(1, 20)]];
    const option = [[ends(1, 13), ends(1, 27)]];
    const outputs = sensitivityOutputs([baseline, option], ['base', 'cut'], ['irregular']);
    expect(outputs.map((o) => [o.option, o.baseline, Array.from(o.y)])).toEqual([
      ['base', '', [15]],
      ['cut', '', [20]],
      ['cut', 'base', [5]],
    ]);
  });

  it('maps the design to the ranges and rounds integer parameters', () => {
    const design = sensitivityDesign('sobol', RANGES, 8, createStream('t', 'd'));
    expect(design.values).toHaveLength(8 * 4);
    for (const v of design.values) {
      expect(v.a).toBeGreaterThanOrEqual(0);
      expect(v.a).toBeLessThanOrEqual(10);
      expect(Number.isInteger(v.b)).toBe(true);
    }
  });

  it('ranks as driver of an effect the parameter the effect depends on, by Morris and by Sobol', () => {
    for (const method of ['morris', 'sobol'] as const) {
      const design = sensitivityDesign(method, RANGES, method === 'morris' ? 10 : 64, createStream('t', method));
      // The option's effect on irregular work grows with b only; its level depends on a.
      const base = design.values.map((v) => [ends(0, 1000 + 50 * v.a)]);
      const cut = design.values.map((v) => [ends(0, 1000 + 50 * v.a + 3 * v.b)]);
      const rows = analyseSensitivity(design, ['a', 'b'], sensitivityOutputs([base, cut], ['base', 'cut'], ['irregular']), 'all', 1, 200);
      expect(rankDrivers(rows, method, { option: 'cut', baseline: 'base', indicator: 'irregular' })[0].parameter).toBe('b');
      expect(rankDrivers(rows, method, { option: 'base', baseline: '', indicator: 'irregular' })[0].parameter).toBe('a');
      expect(sensitivityCsv(rows).split('\n')[0]).toBe('option,baseline,place,indicator,parameter,measure,estimate,ci_low,ci_high,n');
    }
  });
});

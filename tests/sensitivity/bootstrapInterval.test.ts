import { describe, expect, it } from 'vitest';
import { bootstrapInterval } from '../../analysis/sensitivity/bootstrapInterval.js';
import { meanInterval } from '../../analysis/meanInterval.js';
import { createStream } from '../../sim/model/random.js';

describe('bootstrapInterval', () => {
  it('for the mean of a large sample, comes close to the t-interval', () => {
    const rng = createStream('sample', 'values');
    const values = Array.from({ length: 400 }, () => rng() * 10);
    const meanOf = (rows: Int32Array) => [rows.reduce((sum, j) => sum + values[j], 0) / rows.length];
    const boot = bootstrapInterval(values.length, meanOf, createStream('sample', 'bootstrap'), 2000);
    const t = meanInterval(values);
    const halfWidth = (t.ci_high - t.ci_low) / 2;
    expect(Math.abs(boot.low[0] - t.ci_low)).toBeLessThan(0.15 * halfWidth);
    expect(Math.abs(boot.high[0] - t.ci_high)).toBeLessThan(0.15 * halfWidth);
  });

  it('leaves NaN resamples out and gives NaN bounds where none is finite', () => {
    const result = bootstrapInterval(3, () => [NaN, 1], createStream('a', 'b'), 50);
    expect(result.low[0]).toBeNaN();
    expect(result.low[1]).toBe(1);
  });
});

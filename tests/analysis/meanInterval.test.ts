import { describe, expect, it } from 'vitest';
import { meanInterval } from '../../analysis/meanInterval.js';

describe('meanInterval', () => {
  it('gives the mean, sample sd and 95% t-interval of 1, 2, 3, 4, 5', () => {
    const result = meanInterval([1, 2, 3, 4, 5]);
    expect(result.mean).toBe(3);
    expect(result.sd).toBeCloseTo(1.58113883, 8);
    expect(result.ci_low).toBeCloseTo(1.036757, 6);
    expect(result.ci_high).toBeCloseTo(4.963243, 6);
    expect(result.n).toBe(5);
  });

  it('accepts typed arrays and other confidence levels', () => {
    const result = meanInterval(Float64Array.from([1, 2, 3, 4, 5]), 0.9);
    // R: 3 + qt(0.95, 4) * sd / sqrt(5)
    expect(result.ci_high).toBeCloseTo(4.507443, 6);
  });

  it('leaves sd and interval undefined (NaN) for a single value', () => {
    const result = meanInterval([7]);
    expect(result.mean).toBe(7);
    expect(result.sd).toBeNaN();
    expect(result.ci_low).toBeNaN();
    expect(result.ci_high).toBeNaN();
    expect(result.n).toBe(1);
  });

  it('gives a zero-width interval for a constant sample', () => {
    expect(meanInterval([4, 4, 4])).toEqual({ mean: 4, sd: 0, ci_low: 4, ci_high: 4, n: 3 });
  });

  it('propagates NaN, such as a quota that is not in force', () => {
    expect(meanInterval([NaN, NaN]).mean).toBeNaN();
  });

  it('rejects an empty sample', () => {
    expect(() => meanInterval([])).toThrow('meanInterval requires at least one value');
  });
});

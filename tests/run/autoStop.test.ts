import { describe, expect, it } from 'vitest';
import { checkPrecision, describeStop } from '../../sim/run/autoStop.js';
import { AUTO_DEFAULTS, type AutoReplicates } from '../../sim/scenario/index.js';
import { runFromWeeks } from '../analysis/syntheticRuns.js';

const AUTO: AutoReplicates = { ...AUTO_DEFAULTS, precision: { abroad: 0.05 }, seconds: 60 };

/** Two options, `n` replicates; the baseline's `abroad` is 1000, the other's 1000 + effect + noise (paired by replicate). */
function runs(n: number, effect: number, noise: readonly number[]) {
  return Array.from({ length: n }, (_, r) => [
    runFromWeeks('base', r, [{ abroad: 1000 }, { abroad: 1000 }]),
    runFromWeeks('cut', r, [{ abroad: 1000 }, { abroad: 1000 + effect + noise[r % noise.length] }]),
  ]).flat();
}

describe('checkPrecision: are the key differences known closely enough?', () => {
  it('is met when every paired difference is within ± precision × the baseline level', () => {
    // Differences 98..102: half-width about 1.96, far inside ±50 (5% of 1000).
    const check = checkPrecision(runs(10, 100, [-2, -1, 0, 1, 2]), ['base', 'cut'], AUTO);
    expect(check.met).toBe(true);
    expect(check.widest?.indicator).toBe('abroad');
    expect(check.widest?.relative).toBeLessThan(0.01);
  });

  it('is not met when the differences are too noisy for that precision', () => {
    const check = checkPrecision(runs(10, 100, [-300, 200, -100, 300, -100]), ['base', 'cut'], AUTO);
    expect(check.met).toBe(false);
    expect(check.widest?.relative).toBeGreaterThan(0.05);
  });

  it('counts a difference that is exactly zero in every pair as known', () => {
    expect(checkPrecision(runs(4, 0, [0]), ['base', 'cut'], AUTO).met).toBe(true);
  });

  it('is not met while an option has no runs yet', () => {
    const onlyBase = runs(4, 0, [0]).filter((run) => run.option === 'base');
    expect(checkPrecision(onlyBase, ['base', 'cut'], AUTO).met).toBe(false);
  });

  it('with one option, holds its own means to the same bound', () => {
    const single = runs(10, 0, [0]).filter((run) => run.option === 'base');
    expect(checkPrecision(single, ['base'], AUTO).met).toBe(true);
  });
});

describe('describeStop says which rule stopped the run', () => {
  const check = { met: false, widest: { option: 'cut', indicator: 'abroad', relative: 0.08 } };
  it.each([
    ['precision', /when every key difference \(abroad\) was known to within ±5% of its level under base/],
    ['cap', /40 per option, the most allowed, before every key difference/],
    ['time', /time budget of 60 s of simulation ran out.*The reproduce command below fixes this count/],
  ] as const)('%s', (reason, text) => {
    expect(describeStop(reason, reason === 'cap' ? 40 : 10, AUTO, check, 'base')).toMatch(text);
  });
});

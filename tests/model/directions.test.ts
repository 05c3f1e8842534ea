import { beforeAll, describe, expect, it } from 'vitest';
import { meanInterval, type MeanInterval } from '../../analysis/index.js';
import type { ResolvedOption } from '../../sim/scenario/index.js';
import { optionInput, scaleFor, scenarioOptions, total, valueAt, WIDTH, type Params } from '../helpers/model.js';
import { simulateInChild } from '../helpers/simulateInChild.js';

/**
 * Directions of effect the sources document, checked on paired runs: each
 * seed runs every option from the same world (common random numbers), and
 * the 95% t-interval of the per-seed differences must exclude zero in the
 * documented direction.
 *
 * Kazakhstan 2008 at its own 1,940,000 potential migrants (so that its
 * quota weighs on the population as in the base), at 388 people per agent
 * (5,000 agents, to keep 60 runs fast), one year of burn-in, two years of
 * horizon (the quota cut starts at month 12).
 */
const SEEDS = Array.from({ length: 20 }, (_, k) => `directions:${k}`);
const WEEKS = 104;
const SMALLER: Params = { scale: scaleFor(scenarioOptions('quota-cut.yaml')[0], 5_000), 'population.burn_in_weeks': 52 };

interface Outcome {
  abroad: number;
  legal: number;
  irregular: number;
  informal: number;
  /** Share of migrants abroad working legally (formally employed): the legal workers of the pattern (ODD 1.2). */
  legalWorkShare: number;
  withheld: number;
  /** Wages withheld as a share of wages earned (paid or withheld) over the horizon: the rate of this abuse. */
  withheldShare: number;
}

/**
 * Stocks are averaged over the second year of the horizon (weeks 53–104),
 * the year the quota cut is in force: a single week would sit on the day a
 * quota year opens (week 104), when permits of the old year are running
 * out. The share working legally of the permit-tying comparison is that of the last week.
 */
function outcome(values: Float64Array): Outcome {
  const last = values.length / WIDTH - 1;
  const at = (name: Parameters<typeof valueAt>[2]) => {
    let sum = 0;
    for (let week = last - 51; week <= last; week++) sum += valueAt(values, week, name);
    return sum / 52;
  };
  return {
    abroad: at('abroad'),
    legal: at('legal'),
    irregular: at('irregular'),
    informal: at('employed_informal'),
    // The share working legally is compared at the end of the horizon.
    legalWorkShare: valueAt(values, last, 'employed_formal') / valueAt(values, last, 'abroad'),
    withheld: total(values, 'wages_withheld'),
    withheldShare: total(values, 'wages_withheld') / (total(values, 'wages_withheld') + total(values, 'wages_paid')),
  };
}

function option(file: string, name: string): ResolvedOption {
  const found = scenarioOptions(file).find((o) => o.name === name);
  if (!found) throw new Error(`${file} has no option "${name}"`);
  return found;
}

/** Per-seed differences (or ratios − 1) of an outcome between two options. */
function paired(a: Outcome[], b: Outcome[], f: (x: Outcome, y: Outcome) => number): MeanInterval {
  return meanInterval(a.map((x, k) => f(x, b[k])));
}

const show = (i: MeanInterval) => `mean ${i.mean.toPrecision(4)}, 95% CI [${i.ci_low.toPrecision(4)}, ${i.ci_high.toPrecision(4)}], n ${i.n}`;

describe('directions of effect in Kazakhstan 2008 (20 paired seeds, 5,000 agents)', () => {
  let statusQuo: Outcome[];
  let halved: Outcome[];
  let workerTied: Outcome[];

  beforeAll(async () => {
    const quo = option('quota-cut.yaml', 'status quo');
    const half = option('quota-cut.yaml', 'quota halved');
    const tiedToWorker = option('permit-tying.yaml', 'worker-tied');
    // The employer-tied option of permit-tying is the base as it is, the same run as the quota's status quo.
    expect(option('permit-tying.yaml', 'employer-tied').params).toEqual(quo.params);
    expect(option('permit-tying.yaml', 'employer-tied').events).toEqual(quo.events);
    const options = [quo, half, tiedToWorker];
    const runs = await simulateInChild(options.flatMap((o) => SEEDS.map((seed) => optionInput(o, seed, WEEKS, SMALLER))));
    const outcomes = runs.map((run) => outcome(run.values));
    [statusQuo, halved, workerTied] = options.map((_, k) => outcomes.slice(k * SEEDS.length, (k + 1) * SEEDS.length));
  }, 600_000);

  describe('halving the quota (quota-cut.yaml: status quo → quota halved)', () => {
    it('raises the number working informally in the year of the cut', () => {
      const d = paired(statusQuo, halved, (x, y) => y.informal - x.informal);
      expect(d.ci_low, show(d)).toBeGreaterThan(0);
    });

    it('raises the number abroad without legal status in the year of the cut', () => {
      const d = paired(statusQuo, halved, (x, y) => y.irregular - x.irregular);
      expect(d.ci_low, show(d)).toBeGreaterThan(0);
    });

    it('lowers the number with legal status', () => {
      const d = paired(statusQuo, halved, (x, y) => y.legal / x.legal - 1);
      expect(d.ci_high, show(d)).toBeLessThan(0);
    });

    it('barely changes how many are abroad: the relative change is within ±5% and far smaller than that of legal status', () => {
      const abroad = paired(statusQuo, halved, (x, y) => y.abroad / x.abroad - 1);
      const legal = paired(statusQuo, halved, (x, y) => y.legal / x.legal - 1);
      expect(abroad.ci_low, show(abroad)).toBeGreaterThan(-0.05);
      expect(abroad.ci_high, show(abroad)).toBeLessThan(0.05);
      expect(Math.abs(abroad.mean), `abroad ${show(abroad)}; legal ${show(legal)}`).toBeLessThan(Math.abs(legal.mean) / 4);
    });
  });

  // The scenario's worker-tied option is a package: the migrant holds the permit, the quota is lifted and the permit has
  // Kazakhstan's 2014 monthly fee (permit-tying.yaml). What the holder of the permit alone does to withheld wages, with
  // nothing else changed, is the regime's knockout in knockouts.test.ts.
  describe('the worker-tied package (permit-tying.yaml: employer-tied → worker-tied permits, no quota, a monthly fee)', () => {
    // Legal workers, not legal status: a registered visitor without work is legal under employer-tied rules but not
    // under worker-tied ones, so the share with legal status mixes the permit's effect on work with that rule.
    it('raises the share working legally (employed formally / abroad) at the end of the horizon', () => {
      const d = paired(statusQuo, workerTied, (x, y) => y.legalWorkShare - x.legalWorkShare);
      expect(d.ci_low, show(d)).toBeGreaterThan(0);
    });

    it('lowers the share of wages withheld over the horizon (003 L2127–2130: the tied worker is trapped)', () => {
      const d = paired(statusQuo, workerTied, (x, y) => y.withheldShare - x.withheldShare);
      expect(d.ci_high, show(d)).toBeLessThan(0);
    });
  });
});

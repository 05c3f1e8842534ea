import { describe, expect, it } from 'vitest';
import { meanInterval } from '../../analysis/index.js';
import { describeInterval } from '../helpers/knockout.js';
import { baseOption, meanOfLast, optionInput, type Params } from '../helpers/model.js';
import { simulateInChild, type FinishedRun } from '../helpers/simulateInChild.js';

/**
 * The pattern "informality makes employer sanctions ineffective" (ODD 1.2;
 * 004 L1445–1455: employers are hard to hold to account because migrants
 * rarely formalise their work). Its mechanism: a fine deters only as far
 * as employers expect to pay it, and they learn that from raids that find
 * their informal workers and from cases that were not bribed away
 * (rules/employerLearning.ts, decisions/formality.ts). So raising the fine
 * should cut informal employment less where raids are rare and the police
 * take bribes (Kazakhstan 2008 as it is) than where raids are frequent and
 * every case is recorded. The test asks for that direction only: the
 * sources give no size.
 */

const KAZAKHSTAN = baseOption('kazakhstan-2008');
/** 3,000 agents after a year of burn-in, without the business cycle, whose turns would blur the comparison. */
const SMALL_WORLD: Params = { 'population.potential_migrants': 60_000, scale: 20, 'population.burn_in_weeks': 52, 'economy.cycle_sd': 0 };
/** Enforcement that works: raids 8 times as often as in the base, checks that find every irregularity, no bribes. */
const STRICT: Params = { 'police.raids_per_officer_weekly': 2, 'police.detection': 1, 'police.corruption': 0 };
/** Four times the base's fine on an employer per informal worker found (100,000 KZT, an assumption of the base). */
const DEARER_FINE: Params = { 'employer.fine': 400_000 };
const SEEDS = Array.from({ length: 10 }, (_, k) => `informality:${k}`);
const WEEKS = 104;
const TIMEOUT = 600_000;

/** Informal employment over the second year (people), when employers have had a year to learn. */
const informalInSecondYear = (run: FinishedRun): number => meanOfLast(run.values, 52, 'employed_informal');

describe('informality makes employer sanctions ineffective (ODD 1.2; 004 L1445–1455)', () => {
  it('a fourfold fine on employers cuts informal employment less where raids are rare and cases are bribed away than where enforcement works', async () => {
    const arms: Params[] = [{}, DEARER_FINE, STRICT, { ...STRICT, ...DEARER_FINE }];
    const inputs = arms.flatMap((set) => SEEDS.map((seed) => optionInput(KAZAKHSTAN, seed, WEEKS, { ...SMALL_WORLD, ...set })));
    const informal = (await simulateInChild(inputs)).map(informalInSecondYear);
    const arm = (a: number, s: number) => informal[a * SEEDS.length + s];
    // Per seed: how much the dearer fine cuts informal employment, as enforcement is and where it works.
    const cutAsItIs = SEEDS.map((_, s) => arm(0, s) - arm(1, s));
    const cutStrict = SEEDS.map((_, s) => arm(2, s) - arm(3, s));
    const report = `cut as it is ${describeInterval(meanInterval(cutAsItIs))}; cut where enforcement works ${describeInterval(meanInterval(cutStrict))}`;
    // Where enforcement works, the fine deters: a cut whose interval lies above zero.
    expect(meanInterval(cutStrict).ci_low, report).toBeGreaterThan(0);
    // As it is, the same fine cuts informal employment less.
    const gap = meanInterval(cutStrict.map((x, s) => x - cutAsItIs[s]));
    expect(gap.ci_low, `${report}; strict − as it is ${describeInterval(gap)}`).toBeGreaterThan(0);
  }, TIMEOUT);
});

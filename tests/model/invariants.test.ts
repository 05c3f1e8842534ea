import { beforeAll, describe, expect, it } from 'vitest';
import type { ResolvedOption } from '../../sim/scenario/index.js';
import { simulate } from '../../sim/model/simulate.js';
import { baseOption, optionInput, scenarioOptions, SMALL, WIDTH } from '../helpers/model.js';
import { indicatorProblems, moneyBalance, moneyGap, worldProblems } from '../helpers/worldChecks.js';

/** One year of horizon, with the world inspected after every week (week 0 included). */
const HORIZON_WEEKS = 52;
const SEEDS = ['invariants:1', 'invariants:2', 'invariants:3'];

const CASES: { label: string; option: ResolvedOption }[] = [
  { label: 'base kazakhstan-2008', option: baseOption('kazakhstan-2008') },
  { label: 'base russia-2025', option: baseOption('russia-2025') },
  ...scenarioOptions('quota-cut.yaml').map((option) => ({ label: `quota-cut: ${option.name}`, option })),
  ...scenarioOptions('permit-tying.yaml').map((option) => ({ label: `permit-tying: ${option.name}`, option })),
];

interface Checked {
  values: Float64Array;
  /** Weeks whose world broke a rule of bookkeeping, with what broke. */
  world: { week: number; problems: string[] }[];
  /** Money balance gap after every week. */
  money: { week: number; gap: number; came: number }[];
}

function check(option: ResolvedOption, seed: string): Checked {
  const world: Checked['world'] = [];
  const money: Checked['money'] = [];
  const run = simulate({
    ...optionInput(option, seed, HORIZON_WEEKS, SMALL),
    onWeek: (week, _row, w) => {
      const problems = worldProblems(w);
      if (problems.length > 0) world.push({ week, problems });
      money.push({ week, gap: moneyGap(w), came: moneyBalance(w).came });
    },
  });
  return { values: run.values, world, money };
}

describe.each(CASES)('$label, small', ({ option }) => {
  describe.each(SEEDS)('seed %s', (seed) => {
    let checked: Checked;
    beforeAll(() => {
      checked = check(option, seed);
    });

    it('has people abroad at all (the checks below are not vacuous)', () => {
      expect(checked.values[HORIZON_WEEKS * WIDTH]).toBeGreaterThan(0);
    });

    it('keeps abroad[t] = abroad[t−1] + arrivals[t] − returns[t] − removals[t], legal + irregular = abroad, on_registry ≤ irregular, employed ≤ abroad and detained ≤ irregular in every week', () => {
      expect(indicatorProblems(checked.values)).toEqual([]);
    });

    it('has every migrant at home, abroad or detained, village counts of people away that match, and employers whose workers are the migrants naming them, after every week', () => {
      expect(checked.money).toHaveLength(HORIZON_WEEKS + 1);
      expect(checked.world).toEqual([]);
    });

    it('balances migrants\' money: brought + earned + borrowed = spent + sent + repaid + carried home + still held (relative 1e-9)', () => {
      expect(checked.money).toHaveLength(HORIZON_WEEKS + 1);
      for (const { week, gap, came } of checked.money) {
        expect(came, `week ${week}`).toBeGreaterThan(0);
        expect(gap, `week ${week}`).toBeLessThanOrEqual(1e-9);
      }
    });
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import type { ResolvedOption } from '../../sim/scenario/index.js';
import { simulate } from '../../sim/model/simulate.js';
import type { IndicatorTable } from '../../sim/model/indicators.js';
import { baseOption, optionInput, placeRows, scenarioOptions, SMALL, valueAt, WIDTH } from '../helpers/model.js';
import { indicatorProblems, moneyBalance, moneyGap, worldProblems } from '../helpers/worldChecks.js';

/** One year of horizon, with the world inspected after every week (week 0 included). */
const HORIZON_WEEKS = 52;
const SEEDS = ['invariants:1', 'invariants:2', 'invariants:3'];

const CASES: { label: string; option: ResolvedOption }[] = [
  { label: 'base kazakhstan-2008', option: baseOption('kazakhstan-2008') },
  { label: 'base russia-2025', option: baseOption('russia-2025') },
  { label: 'base central-asia-2025', option: baseOption('central-asia-2025') },
  ...scenarioOptions('quota-cut.yaml').map((option) => ({ label: `quota-cut: ${option.name}`, option })),
  ...scenarioOptions('permit-tying.yaml').map((option) => ({ label: `permit-tying: ${option.name}`, option })),
];

interface Checked {
  table: IndicatorTable;
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
  return { table: run, world, money };
}

describe.each(CASES)('$label, small', ({ option }) => {
  describe.each(SEEDS)('seed %s', (seed) => {
    let checked: Checked;
    beforeAll(() => {
      checked = check(option, seed);
    });

    it('has people abroad at all (the checks below are not vacuous)', () => {
      expect(placeRows(checked.table)[HORIZON_WEEKS * WIDTH]).toBeGreaterThan(0);
    });

    it('reports `all` and then each destination country of the option, and `all` is their sum for people and money', () => {
      expect(checked.table.places).toEqual(['all', ...Object.keys(option.places.destinations)]);
      const all = placeRows(checked.table);
      const countries = checked.table.places.slice(1).map((place) => placeRows(checked.table, place));
      for (const name of ['abroad', 'legal', 'arrivals', 'returns', 'removals', 'banned', 'wages_paid', 'bribes_amount'] as const) {
        for (const week of [0, HORIZON_WEEKS]) {
          const sum = countries.reduce((a, rows) => a + valueAt(rows, week, name), 0);
          expect(valueAt(all, week, name), `${name}, week ${week}`).toBeCloseTo(sum, 6);
        }
      }
    });

    it('keeps abroad[t] = abroad[t−1] + arrivals[t] − returns[t] − removals[t], legal + irregular = abroad, on_registry ≤ irregular, employed ≤ abroad and detained ≤ irregular in every week', () => {
      for (const place of checked.table.places) expect(indicatorProblems(placeRows(checked.table, place)), place).toEqual([]);
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

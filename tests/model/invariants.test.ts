import { beforeAll, describe, expect, it } from 'vitest';
import type { ResolvedOption } from '../../sim/scenario/index.js';
import { simulate } from '../../sim/model/simulate.js';
import type { IndicatorTable } from '../../sim/model/indicators.js';
import { baseOption, optionInput, placeRows, scenarioOptions, SMALL, valueAt, WIDTH } from '../helpers/model.js';
import { indicatorProblems, moneyProblems, worldProblems } from '../helpers/worldChecks.js';
import { PAYMENTS, RECEIVER, Holder } from '../../sim/model/state/accounts.js';
import { COLUMN, INDICATORS } from '../../sim/model/indicators.js';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/model.js';

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
  /** Weeks whose accounts did not balance, with what broke. */
  money: { week: number; problems: string[] }[];
  /** Totals of every kind of payment at week 0 and at the end. */
  paidAtStart: Float64Array;
  paidAtEnd: Float64Array;
  scale: number;
}

function check(option: ResolvedOption, seed: string): Checked {
  const world: Checked['world'] = [];
  const money: Checked['money'] = [];
  let paidAtStart = new Float64Array(0);
  const run = simulate({
    ...optionInput(option, seed, HORIZON_WEEKS, SMALL),
    onWeek: (week, _row, w) => {
      const problems = worldProblems(w);
      if (problems.length > 0) world.push({ week, problems });
      const unbalanced = moneyProblems(w);
      if (unbalanced.length > 0) money.push({ week, problems: unbalanced });
      if (week === 0) paidAtStart = w.accounts.paid.slice();
    },
  });
  return { table: run, world, money, paidAtStart, paidAtEnd: run.world.accounts.paid.slice(), scale: run.world.params.g.scale };
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
      expect(checked.world).toEqual([]);
    });

    it('balances every account every week: each holder\'s balances are what it received minus what it paid, and all sum to zero', () => {
      expect(checked.money).toEqual([]);
      expect(checked.paidAtEnd[0], 'money moved at all').toBeGreaterThan(0);
    });

    it('reports money flows that are the booked payments: every bribe, fine, fee, wage and remittance in the indicators has a payer and a receiver', () => {
      const all = placeRows(checked.table);
      const scale = checked.scale;
      const expected = new Map<number, number>();
      PAYMENTS.forEach((kind, k) => {
        const moved = (checked.paidAtEnd[k] - checked.paidAtStart[k]) * scale;
        const column = 'indicator' in kind ? COLUMN[kind.indicator] : -1;
        if (column >= 0) expected.set(column, (expected.get(column) ?? 0) + moved);
        if (RECEIVER[k] === Holder.state) expected.set(COLUMN.state_revenue, (expected.get(COLUMN.state_revenue) ?? 0) + moved);
      });
      expect(expected.get(COLUMN.bribes_amount)).toBeDefined();
      for (const [column, moved] of expected) {
        const name = INDICATORS[column].name;
        const reported = Array.from({ length: HORIZON_WEEKS }, (_, w) => valueAt(all, w + 1, name)).reduce((a, b) => a + b, 0);
        expect(reported, name).toBeCloseTo(moved, 0);
      }
    });
  });
});

/** Every option of every shipped scenario, one seed, half a year: every account balances every week. */
const SHIPPED = readdirSync(join(REPO_ROOT, 'scenarios'))
  .filter((file) => file.endsWith('.yaml'))
  .sort()
  .flatMap((file) => scenarioOptions(file).map((option) => ({ label: `${file}: ${option.name}`, option })));

describe.each(SHIPPED)('$label, small, money', ({ option }) => {
  it('balances every account every week, and the bookkeeping of agents holds', () => {
    const problems: string[] = [];
    simulate({
      ...optionInput(option, 'accounts', 26, SMALL),
      onWeek: (week, _row, w) => {
        for (const p of [...moneyProblems(w), ...worldProblems(w)]) problems.push(`week ${week}: ${p}`);
      },
    });
    expect(problems).toEqual([]);
  });
});

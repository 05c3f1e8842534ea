import { beforeAll, describe, expect, it } from 'vitest';
import type { ResolvedOption } from '../../sim/scenario/index.js';
import type { IndicatorTable } from '../../sim/model/indicators.js';
import { BOOKKEEPING, type Bookkeeping } from '../helpers/bookkeepingProbe.js';
import { baseOption, once, optionInput, placeRows, scenarioOptions, SMALL, valueAt, WIDTH } from '../helpers/model.js';
import { simulateInChild } from '../helpers/simulateInChild.js';
import { indicatorProblems } from '../helpers/worldChecks.js';
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

/** A run with the world inspected after every week (bookkeepingProbe.ts). */
interface Checked extends Bookkeeping {
  table: IndicatorTable;
}

/** Every case and seed, run once in a child process (the model at full speed), in the order of CASES, then of SEEDS. */
const checkedRuns = once(async (): Promise<Checked[]> => {
  const inputs = CASES.flatMap(({ option }) => SEEDS.map((seed) => ({ ...optionInput(option, seed, HORIZON_WEEKS, SMALL), probe: BOOKKEEPING })));
  return (await simulateInChild(inputs)).map((run) => ({ ...(run.probe as Bookkeeping), table: run.table }));
});

describe.each(CASES.map((c, k) => ({ ...c, k })))('$label, small', ({ option, k }) => {
  describe.each(SEEDS.map((seed, s) => ({ seed, s })))('seed $seed', ({ s }) => {
    let checked: Checked;
    beforeAll(async () => {
      checked = (await checkedRuns())[k * SEEDS.length + s];
    }, 600_000);

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

/** Every shipped option, run once in a child process, in the order of SHIPPED. */
const shippedRuns = once(async () =>
  (await simulateInChild(SHIPPED.map(({ option }) => ({ ...optionInput(option, 'accounts', 26, SMALL), probe: BOOKKEEPING })))).map((run) => run.probe as Bookkeeping),
);

describe.each(SHIPPED.map((c, k) => ({ ...c, k })))('$label, small, money', ({ k }) => {
  it('balances every account every week, and the bookkeeping of agents holds', async () => {
    const checked = (await shippedRuns())[k];
    const problems = [...checked.money, ...checked.world].flatMap(({ week, problems }) => problems.map((p) => `week ${week}: ${p}`));
    expect(problems).toEqual([]);
  }, 600_000);
});

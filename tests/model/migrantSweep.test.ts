import { describe, expect, it } from 'vitest';
import { COLUMN, type IndicatorName } from '../../sim/model/indicators.js';
import { debtAtHome } from '../../sim/model/rules/debts.js';
import { upkeepOf } from '../../sim/model/rules/documentUpkeep.js';
import { enforceOn } from '../../sim/model/rules/enforcement.js';
import { measure } from '../../sim/model/rules/measure.js';
import { moneyOf } from '../../sim/model/rules/money.js';
import { returnOf } from '../../sim/model/rules/returns.js';
import { Status } from '../../sim/model/state/codes.js';
import { simulate } from '../../sim/model/simulate.js';
import { afterSweep, beforeSweep, step } from '../../sim/model/step.js';
import { DAYS_PER_WEEK } from '../../sim/model/time.js';
import type { World } from '../../sim/model/world.js';
import { baseOption, optionInput, SMALL, WIDTH } from '../helpers/model.js';

/**
 * step.ts runs debts, document upkeep, enforcement, money, returns and the
 * count migrant by migrant in one sweep. The model's description (ODD,
 * process overview) says that this gives the result of running those rules
 * one after another over all migrants, up to the order in which the week's
 * money flows and account totals are added. Two identical worlds are
 * stepped side by side, one by step and one with the rules in turn, and
 * compared after every week: whole numbers exactly, sums of money to
 * 1e-12 of their size.
 */
const WEEKS = 26;
const SEED = 'migrant-sweep';

/** The week of step.ts, with the rules of its sweep run one after another over all migrants. */
function stepRuleByRule(world: World, rows: Float64Array): void {
  beforeSweep(world);
  const n = world.migrants.count;
  const m = world.migrants;
  for (let i = 0; i < n; i++) if (m.status[i] === Status.AtHome && m.debt[i] > 0) debtAtHome(world, i);
  const away = Array.from({ length: n }, (_, i) => m.status[i] !== Status.AtHome);
  for (let i = 0; i < n; i++) if (away[i]) upkeepOf(world, i);
  for (let i = 0; i < n; i++) if (away[i]) enforceOn(world, i);
  for (let i = 0; i < n; i++) if (away[i]) moneyOf(world, i);
  for (let i = 0; i < n; i++) if (away[i]) returnOf(world, i);
  measure(world, rows);
  afterSweep(world);
}

type Typed = Float64Array | Float32Array | Int32Array | Uint8Array | Uint16Array | Int16Array | Int8Array | Uint32Array;

/**
 * Where two worlds' states differ (at most five places): every typed array
 * and number reachable from `a`, whole numbers exactly and floating-point
 * ones up to the last bits of a sum.
 */
function differences(a: unknown, b: unknown, path: string, found: string[]): void {
  if (found.length >= 5) return;
  if (ArrayBuffer.isView(a)) {
    const x = a as Typed;
    const y = b as Typed;
    const same = x instanceof Float64Array || x instanceof Float32Array ? close : Object.is;
    if (x.length !== y.length) found.push(`${path}: length ${x.length} against ${y.length}`);
    else for (let k = 0; k < x.length; k++) if (!same(x[k], y[k])) return void found.push(`${path}[${k}]: ${x[k]} against ${y[k]}`);
  } else if (Array.isArray(a)) {
    a.forEach((item, k) => differences(item, (b as unknown[])[k], `${path}[${k}]`, found));
  } else if (typeof a === 'object' && a !== null) {
    for (const [key, value] of Object.entries(a)) differences(value, (b as Record<string, unknown>)[key], `${path}.${key}`, found);
  } else if (typeof a === 'number' && typeof b === 'number' ? !close(a, b) : !Object.is(a, b)) {
    found.push(`${path}: ${String(a)} against ${String(b)}`);
  }
}

/** Equal up to the last bits of a floating-point sum. */
function close(x: number, y: number): boolean {
  return Object.is(x, y) || Math.abs(x - y) <= 1e-12 * Math.max(1, Math.abs(x), Math.abs(y));
}

/** The state a week leaves, without parameters and random streams (compared by their next draws). */
function state(world: World): Record<string, unknown> {
  return Object.fromEntries(Object.entries(world).filter(([key]) => key !== 'params' && key !== 'rng'));
}

/** Flows that show the rules of the sweep at work, so that the comparison is not of idle worlds. */
const AT_WORK: readonly IndicatorName[] = ['permits_issued', 'state_revenue', 'fines_migrants', 'removals', 'returns', 'wages_paid', 'wages_withheld', 'remittances'];

describe.each(['kazakhstan-2008', 'russia-2025', 'central-asia-2025'])('%s, small', (base) => {
  it(`stepping migrant by migrant leaves the same world as the rules in turn, week after week for ${WEEKS} weeks`, () => {
    const input = { ...optionInput(baseOption(base), SEED, 0, SMALL) };
    const swept = simulate(input).world;
    const inTurn = simulate(input).world;
    const width = WIDTH * (1 + swept.params.places.destinations.length);
    const rowsSwept = new Float64Array(width);
    const rowsInTurn = new Float64Array(width);
    const seen = new Float64Array(WIDTH);
    const atStart: string[] = [];
    differences(state(swept), state(inTurn), 'world', atStart);
    expect(atStart, 'week 0').toEqual([]);
    for (let week = 1; week <= WEEKS; week++) {
      for (const world of [swept, inTurn]) {
        world.week = week;
        world.day = week * DAYS_PER_WEEK;
      }
      step(swept, rowsSwept);
      stepRuleByRule(inTurn, rowsInTurn);
      const found: string[] = [];
      differences(state(swept), state(inTurn), 'world', found);
      differences(rowsSwept, rowsInTurn, 'rows', found);
      expect(found, `week ${week}`).toEqual([]);
      for (let column = 0; column < WIDTH; column++) seen[column] += rowsSwept[column];
    }
    // The random streams stand at the same place: their next draws agree.
    for (const name of Object.keys(swept.rng) as (keyof World['rng'])[]) expect(swept.rng[name](), name).toBe(inTurn.rng[name]());
    for (const name of AT_WORK) expect(seen[COLUMN[name]], name).toBeGreaterThan(0);
  });
});

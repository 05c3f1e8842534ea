import { demand } from '../actions/employment.js';
import { COLUMN, INDICATORS } from '../indicators.js';
import { Flag, NO_ONE, Status } from '../state/codes.js';
import type { World } from '../world.js';

const FLOWS = [
  COLUMN.arrivals, COLUMN.returns, COLUMN.removals, COLUMN.permits_issued, COLUMN.bribes_count, COLUMN.bribes_amount,
  COLUMN.fines_migrants, COLUMN.fines_employers, COLUMN.broker_fees, COLUMN.fraud_victims, COLUMN.wages_paid,
  COLUMN.wages_withheld, COLUMN.remittances, COLUMN.state_revenue, COLUMN.abuse_incidents,
];

/** Counters of one week's stocks, filled migrant by migrant (countMigrant) and turned into a row (finishMeasure). */
export const Tally = { abroad: 0, legal: 1, listed: 2, detained: 3, formal: 4, informal: 5, banned: 6, passports: 7, savings: 8, debt: 9 } as const;
export function createTally(): Float64Array {
  return new Float64Array(Object.keys(Tally).length);
}

/**
 * Summary of rule: counts the week's stocks, scales stocks and flows from
 * agents to real people and money (× scale), writes them into `row` and
 * clears the week's flows. Also keeps last week's employment rate and
 * irregular share, which migrants at home use to judge their chances.
 */
export function measure(world: World, row: Float64Array): void {
  const tally = createTally();
  for (let i = 0; i < world.migrants.count; i++) countMigrant(world, i, tally);
  finishMeasure(world, row, tally);
}

/** Adds one migrant to the week's counters. */
export function countMigrant(world: World, i: number, tally: Float64Array): void {
  const m = world.migrants;
  const status = m.status[i];
  if (status === Status.AtHome) {
    if (m.bannedUntil[i] > world.day) tally[Tally.banned]++;
    return;
  }
  tally[Tally.abroad]++;
  tally[Tally.savings] += m.savings[i];
  tally[Tally.debt] += m.debt[i];
  if (status === Status.Detained) tally[Tally.detained]++;
  const flags = m.flags[i];
  if (flags & Flag.Legal) tally[Tally.legal]++;
  if (flags & Flag.OnRegistry) tally[Tally.listed]++;
  if (flags & Flag.PassportHeld) tally[Tally.passports]++;
  if (m.employer[i] !== NO_ONE) {
    if (flags & Flag.Formal) tally[Tally.formal]++;
    else tally[Tally.informal]++;
  }
}

/** Writes the week's row from the counters and the week's flows, then clears the flows. */
export function finishMeasure(world: World, row: Float64Array, tally: Float64Array): void {
  if (row.length !== INDICATORS.length) throw new Error('measure requires a row of one value per indicator');
  const scale = world.params.scale;
  const abroad = tally[Tally.abroad];
  const legal = tally[Tally.legal];
  let unfilled = 0;
  const emp = world.employers;
  for (let e = 0; e < emp.count; e++) unfilled += Math.max(0, demand(world, e) - emp.workers[e]);

  row.fill(0);
  for (const column of FLOWS) row[column] = world.flows[column] * scale;
  row[COLUMN.abroad] = abroad * scale;
  row[COLUMN.legal] = legal * scale;
  row[COLUMN.irregular] = (abroad - legal) * scale;
  row[COLUMN.on_registry] = tally[Tally.listed] * scale;
  row[COLUMN.detained] = tally[Tally.detained] * scale;
  row[COLUMN.employed_formal] = tally[Tally.formal] * scale;
  row[COLUMN.employed_informal] = tally[Tally.informal] * scale;
  row[COLUMN.vacancies_unfilled] = unfilled * scale;
  row[COLUMN.quota] = world.quota.capReported;
  row[COLUMN.banned] = tally[Tally.banned] * scale;
  row[COLUMN.passports_held] = tally[Tally.passports] * scale;
  row[COLUMN.mean_savings] = abroad > 0 ? tally[Tally.savings] / abroad : 0;
  row[COLUMN.mean_debt] = abroad > 0 ? tally[Tally.debt] / abroad : 0;

  world.flows.fill(0);
  const free = abroad - tally[Tally.detained];
  world.lastEmploymentRate = free > 0 ? (tally[Tally.formal] + tally[Tally.informal]) / free : 0.8;
  world.lastIrregularShare = abroad > 0 ? (abroad - legal) / abroad : 0;
}

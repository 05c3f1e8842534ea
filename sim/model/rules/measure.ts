import { demand } from '../actions/employment.js';
import { COLUMN, INDICATORS } from '../indicators.js';
import { Flag, NO_ONE, Status } from '../state/codes.js';
import type { World } from '../world.js';

const MONEY_OR_COUNT_FLOWS = [
  COLUMN.arrivals, COLUMN.returns, COLUMN.removals, COLUMN.permits_issued, COLUMN.bribes_count, COLUMN.bribes_amount,
  COLUMN.fines_migrants, COLUMN.fines_employers, COLUMN.broker_fees, COLUMN.fraud_victims, COLUMN.wages_paid,
  COLUMN.wages_withheld, COLUMN.remittances, COLUMN.state_revenue, COLUMN.abuse_incidents,
];

/**
 * Summary of rule: counts the week's stocks, scales stocks and flows from
 * agents to real people and money (× scale), writes them into `row` and
 * clears the week's flows. Also keeps last week's employment rate and
 * irregular share, which migrants at home use to judge their chances.
 */
export function measure(world: World, row: Float64Array): void {
  const m = world.migrants;
  const scale = world.params.scale;
  let abroad = 0, legal = 0, listed = 0, detained = 0, formal = 0, informal = 0, banned = 0, passports = 0;
  let savings = 0, debt = 0;
  const bannedUntil = m.bannedUntil;
  for (let i = 0; i < m.count; i++) if (bannedUntil[i] > world.day && m.status[i] === Status.AtHome) banned++;
  const ids = world.presence.ids;
  for (let k = 0; k < world.presence.count; k++) {
    const i = ids[k];
    const status = m.status[i];
    abroad++;
    savings += m.savings[i];
    debt += m.debt[i];
    if (status === Status.Detained) detained++;
    const flags = m.flags[i];
    if (flags & Flag.Legal) legal++;
    if (flags & Flag.OnRegistry) listed++;
    if (flags & Flag.PassportHeld) passports++;
    if (m.employer[i] !== NO_ONE) {
      if (flags & Flag.Formal) formal++;
      else informal++;
    }
  }
  let unfilled = 0;
  const emp = world.employers;
  for (let e = 0; e < emp.count; e++) unfilled += Math.max(0, demand(world, e) - emp.workers[e]);

  row.fill(0);
  for (const column of MONEY_OR_COUNT_FLOWS) row[column] = world.flows[column] * scale;
  row[COLUMN.abroad] = abroad * scale;
  row[COLUMN.legal] = legal * scale;
  row[COLUMN.irregular] = (abroad - legal) * scale;
  row[COLUMN.on_registry] = listed * scale;
  row[COLUMN.detained] = detained * scale;
  row[COLUMN.employed_formal] = formal * scale;
  row[COLUMN.employed_informal] = informal * scale;
  row[COLUMN.vacancies_unfilled] = unfilled * scale;
  row[COLUMN.quota] = world.quota.capReported;
  row[COLUMN.banned] = banned * scale;
  row[COLUMN.passports_held] = passports * scale;
  row[COLUMN.mean_savings] = abroad > 0 ? savings / abroad : 0;
  row[COLUMN.mean_debt] = abroad > 0 ? debt / abroad : 0;

  world.flows.fill(0);
  const free = abroad - detained;
  world.lastEmploymentRate = free > 0 ? (formal + informal) / free : 0.8;
  world.lastIrregularShare = abroad > 0 ? (abroad - legal) / abroad : 0;
  if (row.length !== INDICATORS.length) throw new Error('measure requires a row of one value per indicator');
}

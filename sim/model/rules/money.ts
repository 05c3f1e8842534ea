import { countryRules, monthlyWage, regionWage, weekly } from '../actions/employment.js';
import { denounceChance, withholdChance } from '../decisions/abuse.js';
import { flowsOf } from '../actions/flows.js';
import { payOrBorrow, transfer } from '../actions/transfer.js';
import { COLUMN } from '../indicators.js';
import { Flag, NO_ONE, Status } from '../state/codes.js';
import { Payment } from '../state/accounts.js';
import { record } from '../state/trace.js';
import type { World } from '../world.js';
import { detain } from './enforcement.js';

/**
 * The week's money of migrant i (abroad and free only; others have none to
 * earn or spend); step.ts applies it migrant by migrant.
 *
 * Summary of rule: a worker's week earns the employer
 * employer.revenue_per_wage times the formal wage from its customers;
 * employers pay the week's wage at the rate the market now sets
 * (rules/wages.ts), except that an abusive employer withholds it by
 * weighing the wage it keeps against what it risks: losing the worker,
 * and a complaint that would cost it a case (decisions/abuse.ts; 001
 * L47–54; 003 L3048–3071, L3207–3229). Arrears are settled with
 * employer.arrears_settle_prob; when pay falls due an abusive employer may
 * call the police on an irregular worker instead, the more readily the
 * more it owes (003 L3075–3078, L4430–4431). Wages of a broker's client pass through
 * the broker, who keeps his monthly cut of them (003 L3022–3025, L3033–3036:
 * "the employer pays through the broker"). Migrants pay living costs,
 * borrowing when short, repay debt, keep a buffer and remit a share of the
 * rest, saving the remainder. What they save and send home both count
 * towards the trip's savings target (returns.ts).
 */
export function moneyOf(world: World, i: number): void {
  const m = world.migrants;
  if (m.status[i] !== Status.Abroad) return;
  const p = world.params.g;
  const region = m.region[i];
  const d = countryRules(world, region);
  const flows = flowsOf(world, region);
  const rng = world.rng.money;
  const e = m.employer[i];
  if (e !== NO_ONE) {
    const country = world.params.places.countryOf[region];
    transfer(world, Payment.sales, country, e, weekly(regionWage(world, region, m.sector[i])) * d.employerRevenuePerWage, region);
    // Pay follows the market (rules/wages.ts), for those already in work too.
    m.wage[i] = monthlyWage(world, e, (m.flags[i] & Flag.Formal) !== 0);
    const wage = weekly(m.wage[i]);
    const viaBroker = m.broker[i] !== NO_ONE && m.brokerUntil[i] >= world.day;
    const cut = viaBroker ? Math.min(wage, weekly(d.brokerMonthlyCut)) : 0;
    const legal = (m.flags[i] & Flag.Legal) !== 0;
    const abusive = world.employers.abusive[e] === 1;
    if (abusive) {
      if (rng() < withholdChance(world, i, e)) {
        m.arrears[i] += wage;
        world.flows[flows + COLUMN.wages_withheld] += wage;
        world.flows[flows + COLUMN.abuse_incidents]++;
        if (i === world.tracedAgent) record(world, 'withheld', { amount: wage });
      } else {
        payWage(world, i, e, wage, cut);
      }
    } else {
      payWage(world, i, e, wage, cut);
    }
    if (m.arrears[i] > 0) {
      if (rng() < p.employerArrearsSettleProb) {
        if (i === world.tracedAgent) record(world, 'arrears-paid', { amount: m.arrears[i] });
        payWage(world, i, e, m.arrears[i], 0);
        m.arrears[i] = 0;
      } else if (abusive && !legal && world.police.staff[world.police.unitOfEmployer[e]] > 0 && rng() < denounceChance(world, i, e)) {
        detain(world, i, 'employer');
        return;
      }
    }
  }
  payOrBorrow(world, i, weekly(d.migrantLivingCost), Payment.living);
  let surplus = m.savings[i] - p.migrantSavingsBufferMonths * d.migrantLivingCost;
  if (surplus <= 0) return;
  const repay = Math.min(m.debt[i], surplus);
  if (repay > 0) {
    m.debt[i] -= repay;
    transfer(world, Payment.debt_repaid, i, m.origin[i], repay, region);
    surplus -= repay;
  }
  remit(world, i, p.migrantRemitShare * surplus);
}

/** Employer e pays migrant i `amount`, of which `cut` goes to the migrant's broker. */
function payWage(world: World, i: number, e: number, amount: number, cut: number): void {
  const region = world.migrants.region[i];
  if (cut > 0) transfer(world, Payment.broker_cut, e, world.migrants.broker[i], cut, region);
  transfer(world, Payment.wage, e, i, amount - cut, region);
}

function remit(world: World, i: number, amount: number): void {
  if (amount <= 0) return;
  const m = world.migrants;
  const region = m.region[i];
  const lost = m.flags[i] & Flag.OnRegistry ? amount * countryRules(world, region).registryRemittanceCost : 0;
  m.tripEarned[i] += amount - lost;
  transfer(world, Payment.remitted, i, m.origin[i], amount - lost, region);
  if (lost > 0) transfer(world, Payment.remittance_loss, i, world.params.places.countryOf[region], lost, region);
  // At most one remittance a week, so the trace has one event per week with the amount that arrives.
  if (i === world.tracedAgent) record(world, 'remittance', { amount: amount - lost });
}

import { countryRules, weekly } from '../actions/employment.js';
import { flowsOf } from '../actions/flows.js';
import { payOrBorrow } from '../actions/pay.js';
import { COLUMN } from '../indicators.js';
import { Experience, Flag, NO_ONE, Permit, Status } from '../state/codes.js';
import { Account } from '../state/ledger.js';
import { record } from '../state/trace.js';
import type { World } from '../world.js';
import { detain } from './enforcement.js';

/**
 * Summary of rule: employers pay the week's wage, except that an abusive
 * employer withholds it with employer.withhold_prob from a vulnerable
 * worker (irregular, passport held, or tied to it by the permit), and
 * less often from a legal worker free to leave (001 L47–54; 003 L3048–3071).
 * Arrears are settled with employer.arrears_settle_prob; when pay falls due
 * an abusive employer may call the police on an irregular worker instead
 * (003 L3075–3078, L4430–4431). A broker takes his monthly cut from wages
 * that pass through him (003 L3022–3036). Migrants pay living costs,
 * borrowing when short, repay debt, keep a buffer and remit a share of the
 * rest, saving the remainder. What they save and send home both count
 * towards the trip's savings target (returns.ts).
 */
export function money(world: World): void {
  for (let i = 0; i < world.migrants.count; i++) moneyOf(world, i);
}

/** money for one migrant (abroad and free only). */
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
    const wage = weekly(m.wage[i]);
    const legal = (m.flags[i] & Flag.Legal) !== 0;
    const abusive = world.employers.abusive[e] === 1;
    let paid = true;
    if (abusive) {
      const vulnerable = !legal || (m.flags[i] & Flag.PassportHeld) !== 0 || m.permit[i] === Permit.EmployerTied;
      const withholdChance = p.employerWithholdProb * (vulnerable ? 1 : p.employerLegalWorkerAbuseFactor);
      if (rng() < withholdChance) {
        m.arrears[i] += wage;
        paid = false;
        m.experience[i] |= Experience.WagesWithheld;
        world.flows[flows + COLUMN.wages_withheld] += wage;
        world.flows[flows + COLUMN.abuse_incidents]++;
        if (i === world.tracedAgent) record(world, 'withheld', { amount: wage });
      } else {
        receive(world, i, wage);
      }
    } else {
      receive(world, i, wage);
    }
    if (m.arrears[i] > 0) {
      if (rng() < p.employerArrearsSettleProb) {
        if (i === world.tracedAgent) record(world, 'arrears-paid', { amount: m.arrears[i] });
        receive(world, i, m.arrears[i]);
        m.arrears[i] = 0;
      } else if (abusive && !legal && d.policeCapacity > 0 && m.arrears[i] >= m.wage[i] && rng() < p.employerDenounceProb) {
        detain(world, i, 'employer');
        return;
      }
    }
    if (paid && m.broker[i] !== NO_ONE && m.brokerUntil[i] >= world.day) {
      const cut = weekly(d.brokerMonthlyCut);
      payOrBorrow(world, i, cut, Account.feesToBrokers);
      world.flows[flows + COLUMN.broker_fees] += cut;
    }
  }
  payOrBorrow(world, i, weekly(d.migrantLivingCost), Account.livingCosts);
  let surplus = m.savings[i] - p.migrantSavingsBufferMonths * d.migrantLivingCost;
  if (surplus <= 0) return;
  const repay = Math.min(m.debt[i], surplus);
  if (repay > 0) {
    m.debt[i] -= repay;
    m.savings[i] -= repay;
    world.ledger[Account.debtRepaid] += repay;
    surplus -= repay;
  }
  remit(world, i, p.migrantRemitShare * surplus);
}

function receive(world: World, i: number, amount: number): void {
  world.migrants.savings[i] += amount;
  world.ledger[Account.wagesReceived] += amount;
  world.flows[flowsOf(world, world.migrants.region[i]) + COLUMN.wages_paid] += amount;
}

function remit(world: World, i: number, amount: number): void {
  if (amount <= 0) return;
  const m = world.migrants;
  const lost = m.flags[i] & Flag.OnRegistry ? amount * countryRules(world, m.region[i]).registryRemittanceCost : 0;
  m.savings[i] -= amount;
  m.tripEarned[i] += amount - lost;
  world.ledger[Account.remitted] += amount - lost;
  world.ledger[Account.remittanceLosses] += lost;
  world.flows[flowsOf(world, m.region[i]) + COLUMN.remittances] += amount - lost;
  // At most one remittance a week, so the trace has one event per week with the amount that arrives.
  if (i === world.tracedAgent) record(world, 'remittance', { amount: amount - lost });
}

import { NO_ONE, Status } from '../../sim/model/state/codes.js';
import { balancesOf } from '../../sim/model/actions/transfer.js';
import { HOLDER_NAMES, PAYER, PAYMENTS, RECEIVER } from '../../sim/model/state/accounts.js';
import type { World } from '../../sim/model/world.js';
import { valueAt, WIDTH } from './model.js';

/** At most this many problems are listed, so that a failure stays readable. */
const LIST_AT_MOST = 5;

function push(problems: string[], message: string): void {
  if (problems.length < LIST_AT_MOST) problems.push(message);
}

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * Bookkeeping of the world's agents that must hold after every week:
 * every migrant is at home, abroad or detained; each village's count of
 * people away equals its migrants not at home; each employer's `workers`
 * equals the migrants naming it as employer; nobody at home or detained
 * has an employer. Returns the broken ones (empty when all hold).
 */
export function worldProblems(world: World): string[] {
  const problems: string[] = [];
  const m = world.migrants;
  const away = new Int32Array(world.villages.abroad.length);
  const awayIn = new Int32Array(world.villages.abroadIn.length);
  const regions = world.params.places.regions.length;
  const workers = new Int32Array(world.employers.count);
  for (let i = 0; i < m.count; i++) {
    const status = m.status[i];
    if (status !== Status.AtHome && status !== Status.Abroad && status !== Status.Detained) {
      push(problems, `migrant ${i} has status ${status}, not AtHome, Abroad or Detained`);
      continue;
    }
    if (status !== Status.AtHome) {
      away[m.village[i]]++;
      awayIn[m.village[i] * regions + m.region[i]]++;
    }
    const e = m.employer[i];
    if (e === NO_ONE) continue;
    if (status !== Status.Abroad) push(problems, `migrant ${i} with status ${status} still has employer ${e}`);
    if (e < 0 || e >= world.employers.count) push(problems, `migrant ${i} has employer ${e}, not an employer id`);
    else workers[e]++;
  }
  for (let v = 0; v < away.length; v++) {
    if (world.villages.abroad[v] !== away[v]) push(problems, `village ${v}: abroad ${world.villages.abroad[v]}, but ${away[v]} of its migrants are not at home`);
  }
  for (let k = 0; k < awayIn.length; k++) {
    if (world.villages.abroadIn[k] !== awayIn[k]) push(problems, `village ${Math.floor(k / regions)}, region ${k % regions}: abroadIn ${world.villages.abroadIn[k]}, but ${awayIn[k]} of its migrants are there`);
  }
  for (let e = 0; e < workers.length; e++) {
    if (world.employers.workers[e] !== workers[e]) push(problems, `employer ${e}: workers ${world.employers.workers[e]}, but ${workers[e]} migrants name it`);
  }
  return problems;
}

/**
 * Money checks that must hold after every week (state/accounts.ts): for
 * each kind of holder (migrants, employers, brokers, police, states, homes,
 * economies) the sum of its balances equals what it received minus what
 * it paid, by the booked totals of every kind of payment since the world
 * was built (when every balance was zero); so all balances sum to zero and
 * no money appears or vanishes. Migrants never hold less than nothing, and
 * hold nothing at home; police and states only receive, and each police
 * unit's balance equals the bribes it booked.
 */
export function moneyProblems(world: World): string[] {
  const problems: string[] = [];
  const paid = world.accounts.paid;
  const expected = new Float64Array(HOLDER_NAMES.length);
  let scale = 1;
  for (let k = 0; k < PAYMENTS.length; k++) {
    expected[PAYER[k]] -= paid[k];
    expected[RECEIVER[k]] += paid[k];
    scale = Math.max(scale, Math.abs(paid[k]));
  }
  let total = 0;
  for (let h = 0; h < HOLDER_NAMES.length; h++) {
    const balances = balancesOf(world, h);
    let sum = 0;
    for (let id = 0; id < balances.length; id++) sum += balances[id];
    total += sum;
    if (Math.abs(sum - expected[h]) > 1e-9 * scale) push(problems, `${HOLDER_NAMES[h]}: balances sum to ${sum}, but booked payments give ${expected[h]}`);
  }
  if (Math.abs(total) > 1e-9 * scale) push(problems, `all balances sum to ${total}, not 0`);
  const m = world.migrants;
  for (let i = 0; i < m.count; i++) {
    if (m.savings[i] < -1e-6) push(problems, `migrant ${i} holds ${m.savings[i]}`);
    if (m.status[i] === Status.AtHome && m.savings[i] !== 0) push(problems, `migrant ${i} is at home and still holds ${m.savings[i]} abroad`);
    if (m.debt[i] < -1e-6) push(problems, `migrant ${i} owes ${m.debt[i]}`);
  }
  for (const name of ['police', 'state'] as const) {
    const balances = world.accounts[name];
    for (let id = 0; id < balances.length; id++) if (balances[id] < 0) push(problems, `${name} ${id} holds ${balances[id]}`);
  }
  // Each police unit holds exactly the bribes its own book says it took (state/police.ts).
  const income = world.police.bribeIncome;
  if (income.length !== world.accounts.police.length) push(problems, `${income.length} police units keep books for ${world.accounts.police.length} police accounts`);
  for (let u = 0; u < income.length; u++) {
    const balance = world.accounts.police[u];
    if (Math.abs(balance - income[u]) > 1e-9 * Math.max(1, Math.abs(income[u]))) push(problems, `police unit ${u} holds ${balance}, but booked bribes of ${income[u]}`);
  }
  return problems;
}

/**
 * Identities between the indicators of every week of a table (weeks
 * `from`..last): stock and flow of people abroad agree, legal + irregular
 * = abroad, and the sub-stocks fit inside theirs.
 */
export function indicatorProblems(values: Float64Array, from = 0): string[] {
  const problems: string[] = [];
  const weeks = values.length / WIDTH;
  const v = (week: number, name: Parameters<typeof valueAt>[2]) => valueAt(values, week, name);
  for (let t = from; t < weeks; t++) {
    const abroad = v(t, 'abroad');
    if (t >= 1) {
      const expected = v(t - 1, 'abroad') + v(t, 'arrivals') - v(t, 'returns') - v(t, 'removals');
      if (!close(abroad, expected)) {
        push(problems, `week ${t}: abroad ${abroad} ≠ ${v(t - 1, 'abroad')} + ${v(t, 'arrivals')} − ${v(t, 'returns')} − ${v(t, 'removals')}`);
      }
    }
    if (!close(v(t, 'legal') + v(t, 'irregular'), abroad)) push(problems, `week ${t}: legal ${v(t, 'legal')} + irregular ${v(t, 'irregular')} ≠ abroad ${abroad}`);
    if (v(t, 'on_registry') > v(t, 'irregular')) push(problems, `week ${t}: on_registry ${v(t, 'on_registry')} > irregular ${v(t, 'irregular')}`);
    const employed = v(t, 'employed_formal') + v(t, 'employed_informal');
    if (employed > abroad) push(problems, `week ${t}: employed ${employed} > abroad ${abroad}`);
    if (v(t, 'detained') > v(t, 'irregular')) push(problems, `week ${t}: detained ${v(t, 'detained')} > irregular ${v(t, 'irregular')}`);
    for (const name of ['abroad', 'legal', 'irregular', 'arrivals', 'returns', 'removals'] as const) {
      if (!(v(t, name) >= 0)) push(problems, `week ${t}: ${name} is ${v(t, name)}`);
    }
  }
  return problems;
}

import { separate } from '../actions/employment.js';
import { pay } from '../actions/pay.js';
import { leave } from '../actions/travel.js';
import { COLUMN } from '../indicators.js';
import type { Rng } from '../random.js';
import { Flag, NO_ONE, Registration, Status } from '../state/codes.js';
import { Account } from '../state/ledger.js';
import type { World } from '../world.js';

/**
 * Summary of rule: each region's police stop a share of migrants in the
 * street and raid a share of employers (both scaled by police.capacity).
 * A check finds an irregularity with police.detection; a broker's rubber
 * address is found out with broker.rubber_address_detect. A case of a client of a
 * broker who pays for protection is settled by the broker's bribe (when
 * there is any corruption); other cases are settled by the migrant's
 * bribe with police.corruption if they can pay, otherwise it ends in a fine and, with
 * sanction.removal_share (always for a fake document, 001 L34–43), in
 * detention and removal with a re-entry ban. Corrupt officers extort legal
 * migrants too (003 L4196–4198); with no corruption there are no bribes. Employers found employing informally are fined or
 * bribe. Listed people are expelled by bailiffs (regimes RU29). Detainees
 * are removed when their detention ends.
 */
export function enforcement(world: World): void {
  drawRaids(world);
  for (let i = 0; i < world.migrants.count; i++) enforceOn(world, i);
}

/** Picks this week's raided employers (police.raids_weekly × police.capacity). */
export function drawRaids(world: World): void {
  const emp = world.employers;
  const rng = world.rng.enforcement;
  const raidChance = Math.min(1, world.params.raids * world.params.policeCapacity);
  for (let e = 0; e < emp.count; e++) emp.raided[e] = rng() < raidChance ? 1 : 0;
}

/** enforcement for one migrant, after drawRaids. */
export function enforceOn(world: World, i: number): void {
  const m = world.migrants;
  const status = m.status[i];
  if (status === Status.AtHome) return;
  if (status === Status.Detained) {
    if (m.detainedUntil[i] <= world.day) leave(world, i, true);
    return;
  }
  const p = world.params;
  const rng = world.rng.enforcement;
  if (m.flags[i] & Flag.OnRegistry && rng() < p.registryExpulsion * p.policeCapacity) {
    leave(world, i, true);
    return;
  }
  const e = m.employer[i];
  const raided = e !== NO_ONE && world.employers.raided[e] === 1;
  if (!raided && !(rng() < p.streetChecks * p.policeCapacity)) return;
  check(world, i, raided, rng);
}

function check(world: World, i: number, atWork: boolean, rng: Rng): void {
  const m = world.migrants;
  const p = world.params;
  if (m.registration[i] === Registration.RubberAddress && rng() < p.rubberAddressDetect) {
    m.registration[i] = Registration.None;
    m.flags[i] &= ~Flag.Legal;
  }
  if (m.flags[i] & Flag.Legal) {
    if (rng() < p.extortionOfLegal * p.corruption) payBribe(world, i);
    return;
  }
  if (rng() >= p.detection) return;
  m.flags[i] |= Flag.LapseRecorded;
  const e = m.employer[i];
  if (atWork && e !== NO_ONE && !(m.flags[i] & Flag.Formal)) sanctionEmployer(world, e, rng);
  const broker = m.broker[i];
  if (broker !== NO_ONE && p.corruption > 0 && world.brokers.protectedByPolice[broker] && m.brokerUntil[i] >= world.day) {
    // The broker settles it; the bribe is his, not the migrant's.
    world.flows[COLUMN.bribes_count]++;
    world.flows[COLUMN.bribes_amount] += p.bribe;
    return;
  }
  if (rng() < p.corruption && m.savings[i] >= p.bribe) {
    payBribe(world, i);
    return;
  }
  const fine = Math.min(p.fineMigrant, Math.max(0, m.savings[i]));
  if (fine > 0) {
    pay(world, i, fine, Account.finesPaid);
    world.flows[COLUMN.fines_migrants] += fine;
    world.flows[COLUMN.state_revenue] += fine;
  }
  if (m.flags[i] & Flag.FakeDocument || rng() < p.removalShare) detain(world, i);
}

/** Detention before removal (001 L30–33; 003 L3195–3197); the job ends unpaid. */
export function detain(world: World, i: number): void {
  const m = world.migrants;
  separate(world, i, false);
  m.status[i] = Status.Detained;
  m.detainedUntil[i] = world.day + world.params.detentionDays;
  m.flags[i] &= ~Flag.Legal;
}

function payBribe(world: World, i: number): void {
  const amount = world.params.bribe;
  if (world.migrants.savings[i] < amount) return;
  pay(world, i, amount, Account.bribesPaid);
  world.flows[COLUMN.bribes_count]++;
  world.flows[COLUMN.bribes_amount] += amount;
}

function sanctionEmployer(world: World, e: number, rng: Rng): void {
  const p = world.params;
  if (rng() < p.corruption) {
    world.flows[COLUMN.bribes_count]++;
    world.flows[COLUMN.bribes_amount] += p.bribe * p.employerBribeFactor;
    return;
  }
  world.employers.finesPaid[e] += p.employerFine;
  world.flows[COLUMN.fines_employers] += p.employerFine;
  world.flows[COLUMN.state_revenue] += p.employerFine;
}

import { countryRules, separate } from '../actions/employment.js';
import { flowsOf } from '../actions/flows.js';
import { pay, transfer } from '../actions/transfer.js';
import { brokerNews } from '../actions/brokerNews.js';
import { sanctionBroker } from '../actions/sanctionBroker.js';
import { leave } from '../actions/travel.js';
import { COLUMN } from '../indicators.js';
import type { Rng } from '../random.js';
import { Experience, Flag, NO_ONE, Registration, Status } from '../state/codes.js';
import { Payment } from '../state/accounts.js';
import { record } from '../state/trace.js';
import type { World } from '../world.js';

/** Picks this week's raided employers (police.raids_weekly × police.capacity of their country). */
export function drawRaids(world: World): void {
  const emp = world.employers;
  const rng = world.rng.enforcement;
  for (let e = 0; e < emp.count; e++) {
    const d = countryRules(world, emp.region[e]);
    emp.raided[e] = rng() < Math.min(1, d.policeRaidsWeekly * d.policeCapacity) ? 1 : 0;
  }
}

/**
 * Enforcement on migrant i; step.ts applies it migrant by migrant, after drawRaids.
 *
 * Summary of rule: each region's police stop a share of migrants in the
 * street and raid a share of employers (both scaled by police.capacity).
 * A check finds an irregularity with police.detection; a broker's rubber
 * address is found out with broker.rubber_address_detect. A case of a client of a
 * broker who pays for protection is settled by the broker's bribe (when
 * there is any corruption); other cases are settled by the migrant's
 * bribe with police.corruption if they can pay, otherwise it ends in a fine and, with
 * sanction.removal_share, in detention and removal with a re-entry ban
 * from that country. A fake document passes a check unless it is found out
 * (police.fake_detection, times the quality factor of the broker who sold
 * it), and a found fake always ends in removal (001 L34–43); its holder
 * cannot bribe their way out. A found fake is news against its seller in
 * the holder's village, and is traced to him with broker.fake_trace_prob. Corrupt officers extort legal
 * migrants too (003 L4196–4198); with no corruption there are no bribes. Employers found employing informally are fined or
 * bribe. Listed people are expelled by bailiffs (regimes RU29). Detainees
 * are removed when their detention ends.
 */
export function enforceOn(world: World, i: number): void {
  const m = world.migrants;
  const status = m.status[i];
  if (status === Status.AtHome) return;
  if (status === Status.Detained) {
    if (m.detainedUntil[i] <= world.day) leave(world, i, true);
    return;
  }
  const p = countryRules(world, m.region[i]);
  const rng = world.rng.enforcement;
  if (m.flags[i] & Flag.OnRegistry && rng() < p.registryExpulsionWeekly * p.policeCapacity) {
    leave(world, i, true);
    return;
  }
  const e = m.employer[i];
  const raided = e !== NO_ONE && world.employers.raided[e] === 1;
  if (!raided && !(rng() < p.policeStreetChecksWeekly * p.policeCapacity)) return;
  m.flags[i] |= Flag.CheckedThisWeek;
  if (i === world.tracedAgent) record(world, 'police-stop', { how: raided ? 'raid' : 'street' });
  check(world, i, raided, rng);
}

function check(world: World, i: number, atWork: boolean, rng: Rng): void {
  const m = world.migrants;
  const region = m.region[i];
  const p = countryRules(world, region);
  const flows = flowsOf(world, region);
  if (m.registration[i] === Registration.RubberAddress && rng() < world.params.g.brokerRubberAddressDetect) {
    m.registration[i] = Registration.None;
    m.flags[i] &= ~Flag.Legal;
  }
  if (m.flags[i] & Flag.Legal) {
    const extorted = rng() < p.policeExtortionOfLegal * p.policeCorruption && payBribe(world, i);
    if (!extorted && i === world.tracedAgent) record(world, 'nothing-found');
    return;
  }
  // A fake document passes unless it is found out, as easily as its seller's fakes are; then it always ends in removal (001 L34–43).
  const fake = (m.flags[i] & Flag.FakeDocument) !== 0;
  if (rng() >= (fake ? fakeDetection(world, i) : p.policeDetection)) {
    if (i === world.tracedAgent) record(world, 'nothing-found');
    return;
  }
  if (fake) fakeFound(world, i);
  m.flags[i] |= Flag.LapseRecorded;
  m.experience[i] |= Experience.Caught;
  const e = m.employer[i];
  if (atWork && e !== NO_ONE && !(m.flags[i] & Flag.Formal)) sanctionEmployer(world, e, rng);
  const broker = m.broker[i];
  if (broker !== NO_ONE && p.policeCorruption > 0 && world.brokers.protectedByPolice[broker] && m.brokerUntil[i] >= world.day) {
    // The broker settles it; the bribe is his, not the migrant's.
    world.flows[flows + COLUMN.bribes_count]++;
    transfer(world, Payment.broker_bribe, broker, region, p.policeBribe, region);
    if (i === world.tracedAgent) record(world, 'bribe', { amount: p.policeBribe, how: 'broker' });
    return;
  }
  if (!fake && rng() < p.policeCorruption && m.savings[i] >= p.policeBribe) {
    payBribe(world, i);
    return;
  }
  const fine = Math.min(p.sanctionFineMigrant, Math.max(0, m.savings[i]));
  if (fine > 0) {
    pay(world, i, fine, Payment.migrant_fine);
  }
  // Recorded even when nothing could be paid (amount 0), so that every stop in a trace has its outcome.
  if (i === world.tracedAgent) record(world, 'fine', { amount: fine });
  if (fake || rng() < p.sanctionRemovalShare) detain(world, i);
}

/** Chance a check finds migrant i's fake out: police.fake_detection times the quality factor of the broker who sold it. */
export function fakeDetection(world: World, i: number): number {
  const m = world.migrants;
  const seller = m.fakeSeller[i];
  const base = countryRules(world, m.region[i]).policeFakeDetection;
  return seller === NO_ONE ? base : Math.min(1, base * world.brokers.fakeFactor[seller]);
}

/**
 * A fake found out is news for the holder's village about the broker who
 * sold it (he let a client down), and is traced to him with
 * broker.fake_trace_prob (001 L37–40: the user is prosecuted, not the
 * maker), which costs him a fine or a bribe.
 */
function fakeFound(world: World, i: number): void {
  const m = world.migrants;
  world.flows[flowsOf(world, m.region[i]) + COLUMN.fakes_found]++;
  const seller = m.fakeSeller[i];
  if (seller === NO_ONE) return;
  brokerNews(world, m.village[i], seller, true);
  if (world.rng.brokers() < world.params.g.brokerFakeTraceProb) sanctionBroker(world, seller, world.rng.brokers);
}

/** Detention before removal (001 L30–33; 003 L3195–3197); the job ends unpaid. `by` says who brought it about, for the trace. */
export function detain(world: World, i: number, by: 'police' | 'employer' = 'police'): void {
  const m = world.migrants;
  separate(world, i, false);
  m.status[i] = Status.Detained;
  m.detainedUntil[i] = world.day + countryRules(world, m.region[i]).sanctionDetentionDays;
  m.flags[i] &= ~Flag.Legal;
  if (i === world.tracedAgent) record(world, 'detained', { how: by });
}

/** The migrant pays a bribe if they can; returns whether they did. */
function payBribe(world: World, i: number): boolean {
  const region = world.migrants.region[i];
  const amount = countryRules(world, region).policeBribe;
  if (world.migrants.savings[i] < amount) return false;
  pay(world, i, amount, Payment.migrant_bribe);
  world.flows[flowsOf(world, region) + COLUMN.bribes_count]++;
  if (i === world.tracedAgent) record(world, 'bribe', { amount, how: 'migrant' });
  return true;
}

function sanctionEmployer(world: World, e: number, rng: Rng): void {
  const region = world.employers.region[e];
  const p = countryRules(world, region);
  const flows = flowsOf(world, region);
  if (rng() < p.policeCorruption) {
    world.flows[flows + COLUMN.bribes_count]++;
    transfer(world, Payment.employer_bribe, e, region, p.policeBribe * p.policeEmployerBribeFactor, region);
    return;
  }
  transfer(world, Payment.employer_fine, e, world.params.places.countryOf[region], p.employerFine, region);
}

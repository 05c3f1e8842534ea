import { countryRules, separate } from '../actions/employment.js';
import { flowsOf } from '../actions/flows.js';
import { noteFind, recordCase, takeBribe } from '../actions/policeCase.js';
import { pay, transfer } from '../actions/transfer.js';
import { brokerNews } from '../actions/brokerNews.js';
import { sanctionBroker } from '../actions/sanctionBroker.js';
import { leave } from '../actions/travel.js';
import { COLUMN } from '../indicators.js';
import type { Rng } from '../random.js';
import { Experience, Flag, NO_ONE, Registration, Status } from '../state/codes.js';
import { Payment } from '../state/accounts.js';
import { unitOfMigrant } from '../state/police.js';
import { record } from '../state/trace.js';
import type { World } from '../world.js';
import { noteBribe, noteFine } from './employerLearning.js';

/**
 * Enforcement on migrant i; step.ts applies it migrant by migrant, after planPolicing.
 *
 * Summary of rule: a region's police unit stops migrants in the street
 * with the chance its staff allows this week and checks everyone working
 * for an employer it raids (rules/policing.ts). A check finds an
 * irregularity with police.detection; a broker's rubber address is found
 * out with broker.rubber_address_detect. A found worker's employer comes
 * under the unit's suspicion. A case of a client of a broker who pays for
 * protection is settled by the broker's bribe (when the unit is corrupt at
 * all); otherwise the unit takes the migrant's bribe with its own bribe
 * chance (its corruption and the pull of its monthly target) if they can
 * pay, or records the case: a fine and, with sanction.removal_share,
 * detention and removal with a re-entry ban from that country. A fake
 * document passes a check unless it is found out (police.fake_detection,
 * times the quality factor of the broker who sold it), and a found fake
 * always ends in removal (001 L34–43); its holder cannot bribe their way
 * out. A found fake is news against its seller in the holder's village,
 * and is traced to him with broker.fake_trace_prob. Corrupt officers extort legal migrants too (003
 * L4196–4198); with no corruption there are no bribes. Employers found
 * employing informally in a raid are fined or bribe, as the unit chooses.
 * Listed people are expelled by bailiffs (regimes RU29). Detainees are
 * removed when their detention ends.
 */
export function enforceOn(world: World, i: number): void {
  const m = world.migrants;
  const status = m.status[i];
  if (status === Status.AtHome) return;
  if (status === Status.Detained) {
    if (m.detainedUntil[i] <= world.day) leave(world, i, true);
    return;
  }
  const region = m.region[i];
  const p = countryRules(world, region);
  const rng = world.rng.enforcement;
  if (m.flags[i] & Flag.OnRegistry && rng() < p.registryExpulsionWeekly * p.policeCapacity) {
    leave(world, i, true);
    return;
  }
  const e = m.employer[i];
  const units = world.police;
  const raided = e !== NO_ONE && world.employers.raided[e] === 1;
  // A raid is the employer's unit's; a street check the unit where the migrant lives.
  const unit = raided ? units.unitOfEmployer[e] : unitOfMigrant(units, i, region);
  if (!raided && !(rng() < units.streetChance[unit])) return;
  m.flags[i] |= Flag.CheckedThisWeek;
  world.flows[flowsOf(world, region) + COLUMN.police_checks]++;
  if (i === world.tracedAgent) record(world, 'police-stop', { how: raided ? 'raid' : 'street' });
  check(world, i, unit, raided, rng);
}

/** Unit u checks migrant i (at work in a raid, or in the street) and settles what it finds. */
function check(world: World, i: number, u: number, atWork: boolean, rng: Rng): void {
  const m = world.migrants;
  const region = m.region[i];
  const p = countryRules(world, region);
  const units = world.police;
  if (m.registration[i] === Registration.RubberAddress && rng() < world.params.g.brokerRubberAddressDetect) {
    m.registration[i] = Registration.None;
    m.flags[i] &= ~Flag.Legal;
  }
  if (m.flags[i] & Flag.Legal) {
    const extorted = rng() < p.policeExtortionOfLegal * units.propensity[u] && payBribe(world, i, u);
    if (!extorted && i === world.tracedAgent) record(world, 'nothing-found');
    return;
  }
  // A fake document passes unless it is found out, as easily as its seller's fakes are; then it always ends in removal (001 L34–43).
  const fake = (m.flags[i] & Flag.FakeDocument) !== 0;
  if (rng() >= (fake ? fakeDetection(world, i) : p.policeDetection)) {
    if (i === world.tracedAgent) record(world, 'nothing-found');
    return;
  }
  if (fake) fakeFound(world, i, u);
  m.flags[i] |= Flag.LapseRecorded;
  m.experience[i] |= Experience.Caught;
  const e = m.employer[i];
  noteFind(world, e);
  if (atWork && e !== NO_ONE && !(m.flags[i] & Flag.Formal)) sanctionEmployer(world, e, u, rng);
  const broker = m.broker[i];
  if (broker !== NO_ONE && units.propensity[u] > 0 && world.brokers.protectedByPolice[broker] && m.brokerUntil[i] >= world.day) {
    // The broker settles it; the bribe is his, not the migrant's.
    takeBribe(world, Payment.broker_bribe, broker, p.policeBribe, u);
    if (i === world.tracedAgent) record(world, 'bribe', { amount: p.policeBribe, how: 'broker' });
    return;
  }
  if (!fake && rng() < units.bribeChance[u] && m.savings[i] >= p.policeBribe) {
    payBribe(world, i, u);
    return;
  }
  recordCase(world, u);
  const fine = Math.min(p.sanctionFineMigrant, Math.max(0, m.savings[i]));
  if (fine > 0) pay(world, i, fine, Payment.migrant_fine);
  // Recorded even when nothing could be paid (amount 0), so that every stop in a trace has its outcome.
  if (i === world.tracedAgent) record(world, 'fine', { amount: fine });
  if (fake) return detain(world, i);
  if (rng() < p.sanctionRemovalShare && !buyBack(world, i, u, rng)) detain(world, i);
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
function fakeFound(world: World, i: number, u: number): void {
  const m = world.migrants;
  world.flows[flowsOf(world, m.region[i]) + COLUMN.fakes_found]++;
  const seller = m.fakeSeller[i];
  if (seller === NO_ONE) return;
  brokerNews(world, m.village[i], seller, true);
  if (world.rng.brokers() < world.params.g.brokerFakeTraceProb) sanctionBroker(world, seller, world.rng.brokers, u);
}

/**
 * Summary of rule: when the police take an irregular worker to detention,
 * the worker's employer asks for them back with employer.buy_back_prob,
 * and the unit lets them go for a bribe of police.bribe ×
 * police.release_bribe_factor with its own bribe chance; the worker goes
 * back to work (003 L3197–3199: employers came to the police station, gave
 * a bribe and took the worker back). Holders of fake documents are not
 * let go.
 */
export function buyBack(world: World, i: number, u: number, rng: Rng): boolean {
  const e = world.migrants.employer[i];
  if (e === NO_ONE) return false;
  if (!(rng() < world.params.g.employerBuyBackProb && rng() < world.police.bribeChance[u])) return false;
  const p = countryRules(world, world.migrants.region[i]);
  const amount = p.policeBribe * p.policeReleaseBribeFactor;
  takeBribe(world, Payment.release_bribe, e, amount, u);
  noteBribe(world, e, amount);
  if (i === world.tracedAgent) record(world, 'bribe', { amount, how: 'employer' });
  return true;
}

/** Detention before removal (001 L30–33; 003 L3195–3197); the job ends unpaid. `by` says who brought it about, for the trace; an employer's call is a case the police record. */
export function detain(world: World, i: number, by: 'police' | 'employer' = 'police'): void {
  const m = world.migrants;
  // The employer calls the police of its own district.
  if (by === 'employer' && m.employer[i] !== NO_ONE) recordCase(world, world.police.unitOfEmployer[m.employer[i]]);
  separate(world, i, false);
  m.status[i] = Status.Detained;
  m.detainedUntil[i] = world.day + countryRules(world, m.region[i]).sanctionDetentionDays;
  m.flags[i] &= ~Flag.Legal;
  if (i === world.tracedAgent) record(world, 'detained', { how: by });
}

/** The migrant pays unit u a bribe if they can; returns whether they did. */
function payBribe(world: World, i: number, u: number): boolean {
  const amount = countryRules(world, world.migrants.region[i]).policeBribe;
  if (world.migrants.savings[i] < amount) return false;
  takeBribe(world, Payment.migrant_bribe, i, amount, u);
  if (i === world.tracedAgent) record(world, 'bribe', { amount, how: 'migrant' });
  return true;
}

/** An employer found employing informally in a raid bribes unit u (with the unit's bribe chance) or is fined; either way it learns from it (rules/employerLearning.ts). */
function sanctionEmployer(world: World, e: number, u: number, rng: Rng): void {
  if (rng() < world.police.bribeChance[u]) employerBribes(world, e, u);
  else fineEmployer(world, e, u);
}

/** Employer e pays employer.fine for a migrant found working for it informally, a case unit u records. */
export function fineEmployer(world: World, e: number, u: number = world.police.unitOfEmployer[e]): void {
  const region = world.employers.region[e];
  const fine = countryRules(world, region).employerFine;
  recordCase(world, u);
  transfer(world, Payment.employer_fine, e, world.params.places.countryOf[region], fine, region);
  noteFine(world, e, fine);
}

/** Employer e buys its way out of a case: police.bribe × police.employer_bribe_factor to unit u. */
export function employerBribes(world: World, e: number, u: number = world.police.unitOfEmployer[e]): void {
  const p = countryRules(world, world.employers.region[e]);
  const bribe = p.policeBribe * p.policeEmployerBribeFactor;
  takeBribe(world, Payment.employer_bribe, e, bribe, u);
  noteBribe(world, e, bribe);
}

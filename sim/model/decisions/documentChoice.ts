import { quotaOpen } from '../actions/quotaBook.js';
import { REGIME_CODE } from '../params/places.js';
import { Flag } from '../state/codes.js';
import type { World } from '../world.js';
import { expectedLeastCost } from './logit.js';
import { expectedSanctions } from './perception.js';

/** The ways a migrant can stand with the law abroad. */
export const Papers = { Legal: 0, Fake: 1, None: 2 } as const;
const OPTIONS = 3;
const sanctions = new Float64Array(2);

/**
 * Summary of rule: a migrant weighs the monthly cost of each way to stand
 * with the law in region r over the `monthsLeft` months they expect to
 * stay: legal papers (registration, and under worker-tied rules the
 * permit's monthly fee plus its first cost spread over the stay; under
 * employer-tied rules the employer pays), a fake document bought from a
 * broker where brokers sell them (its price spread over the stay, plus the
 * expected cost of the fake being found), or none (the expected sanction). Going without legal
 * papers also forgoes migrant.legal_value a month. An option that is not
 * open costs Infinity. `out` receives the three costs.
 */
export function papersCosts(world: World, i: number, r: number, monthsLeft: number, monthlyGain: number, out: Float64Array): void {
  const p = world.params;
  const c = p.places.countryOf[r];
  const d = p.dest[c];
  const regime = p.pair[world.migrants.origin[i] * p.places.destinations.length + c].regimeCode;
  const months = Math.max(1, monthsLeft);
  const registration = d.registrationFee / months;
  const unprotected = d.migrantLegalValue * p.origin[world.migrants.origin[i]].homeWage;
  expectedSanctions(world, i, r, monthlyGain, d.policeDetection, sanctions);
  out[Papers.None] = sanctions[0] + unprotected;
  out[Papers.Fake] = regime === REGIME_CODE['free-movement'] || !d.brokerSellsFakes ? Infinity : d.brokerFakeDocumentPrice / months + sanctions[1] + unprotected;
  if (regime === REGIME_CODE['worker-tied']) {
    out[Papers.Legal] = d.permitMonthlyFee * p.region[r].permitFeeFactor + (d.permitInitialCost + d.registrationFee) / months;
  } else {
    out[Papers.Legal] = registration;
  }
}

/**
 * The expected monthly cost of papers a migrant at home foresees in region
 * r (the logsum of papersCosts): every fee, fine and bribe moves it
 * smoothly. Chances that a legal route is not open are mixed in: the
 * language exam of a worker-tied permit for those who speak no Russian,
 * and a slot of the quota under employer-tied rules.
 */
export function expectedPapersCost(world: World, i: number, r: number, monthsLeft: number, monthlyGain: number, scratch: Float64Array): number {
  const p = world.params;
  const c = p.places.countryOf[r];
  const d = p.dest[c];
  const regime = p.pair[world.migrants.origin[i] * p.places.destinations.length + c].regimeCode;
  const scale = p.g.migrantStatusChoiceScale / p.origin[world.migrants.origin[i]].homeWage;
  papersCosts(world, i, r, monthsLeft, monthlyGain, scratch);
  const withLegal = expectedLeastCost(scratch, OPTIONS, scale);
  // The legal route is open if the year's quota still has room (quotaBook.ts) and, for a worker-tied permit, the language exam is passed.
  let open = regime === REGIME_CODE['free-movement'] ? 1 : quotaOpen(world, c, regime);
  if (regime === REGIME_CODE['worker-tied'] && !(world.migrants.flags[i] & Flag.RussianSpeaker)) open *= d.permitExamPassRate;
  if (open >= 1) return withLegal;
  scratch[Papers.Legal] = Infinity;
  return open * withLegal + (1 - open) * expectedLeastCost(scratch, OPTIONS, scale);
}

import { regionWage } from '../actions/employment.js';
import type { World } from '../world.js';
import { chooseByLogit, inclusiveValue, logistic } from './logit.js';
import { expectedPapersCost } from './documentChoice.js';
import { perceivedFraud, perceivedJob } from './perception.js';
import { expectedBrokerLetDown } from './brokerChoice.js';

/** Alternatives: 0 stays at home; 1 + 2r goes to region r alone, 2 + 2r through a broker there. */
export const STAY = 0;
export function regionOfChoice(choice: number): number {
  return (choice - 1) >> 1;
}
export function viaBroker(choice: number): boolean {
  return (choice - 1) % 2 === 1;
}

/**
 * Summary of rule: a potential migrant at home chooses between staying and
 * going to each destination region, alone or through a broker, by a nested
 * logit over the expected net monthly gain of each, relative to home
 * earnings: first whether to go, comparing staying with the inclusive value
 * of all destinations (migrant.choice_scale), then where and how, among the
 * destinations (migrant.destination_scale, at least as sharp), so that a
 * destination made worse sends people mostly to the other destinations
 * rather than home:
 *
 *   V_stay = migrant.home_attachment
 *   V_r,k  = (wage_r × job_r,k − living_r − papers_r − oneoff_r,k / H − interest_k − cut_k − w_home) / w_home
 *            + migrant.network_effect × (share of the village in r)
 *
 * with job_r the village's belief of being in work (a broker places the
 * client unless he lets them down, job = (1 − fraud) + fraud × job_r, where
 * fraud is the chance of that over the brokers they would choose among,
 * brokerChoice.ts),
 * papers_r the expected cost of papers under the regime for the migrant's
 * citizenship (documentChoice.ts, which holds the perceived sanctions),
 * one-off costs (trip, broker's fee) spread over the migrant's planned
 * stay H, interest (migrant.borrowing_cost) on half of what they must
 * borrow, since it is repaid over the stay, and the broker's monthly cut. Countries that banned the migrant are not open. Every cost enters
 * every utility linearly, so raising any of them moves choices smoothly.
 */
export function chooseDestination(world: World, i: number, utilities: Float64Array, scratch: Float64Array): number {
  const count = destinationUtilities(world, i, utilities, scratch);
  const g = world.params.g;
  const rng = world.rng.decisions;
  const scale = Math.max(g.migrantDestinationScale, g.migrantChoiceScale);
  const go = inclusiveValue(utilities, 1, count, scale);
  if (!(rng() < logistic(g.migrantChoiceScale * (go - utilities[STAY])))) return STAY;
  // Where: the destinations alone, shifted so that the chosen index matches the alternatives'.
  return 1 + chooseByLogit(utilities, count - 1, scale, rng, 1);
}

/**
 * The utilities of chooseDestination's alternatives for migrant i, written
 * into `utilities` (STAY first, then each region alone and through a
 * broker; −∞ where not open). Returns how many were written.
 */
export function destinationUtilities(world: World, i: number, utilities: Float64Array, scratch: Float64Array): number {
  const m = world.migrants;
  const p = world.params;
  const { places } = p;
  const v = m.village[i];
  const regions = places.regions.length;
  utilities[STAY] = p.g.migrantHomeAttachment;
  let count = 1;
  for (let r = 0; r < regions; r++) {
    if (!openTo(world, i, r)) {
      utilities[count++] = -Infinity;
      utilities[count++] = -Infinity;
      continue;
    }
    const wage = regionWage(world, r, m.sector[i]);
    const job = perceivedJob(world, i, r);
    // Papers are weighed once per region, at the gain of going alone: what a removal would cost hardly depends on the channel.
    const papers = expectedPapersCost(world, i, r, m.horizonMonths[i], wage * job - p.dest[places.countryOf[r]].migrantLivingCost, scratch);
    utilities[count++] = goingUtility(world, i, r, wage, job, papers, -1);
    utilities[count++] = goingUtility(world, i, r, wage, job, papers, perceivedFraud(world, i, expectedBrokerLetDown(world, v, r)));
  }
  return count;
}

/** Whether region r is open to migrant i: it has employers, and its country has not banned them. */
export function openTo(world: World, i: number, r: number): boolean {
  const m = world.migrants;
  const banned = m.bannedUntil[i] > world.day && m.bannedFrom[i] === world.params.places.countryOf[r];
  return !banned && world.employers.regionStart[r + 1] > world.employers.regionStart[r];
}

/**
 * The utility for migrant i of going to region r (chooseDestination's
 * V_r,k), at a monthly `wage`, a believed chance of work `job` and an
 * expected cost of papers `papers`: alone when `fraud` < 0, otherwise
 * through a broker they expect to let them down with chance `fraud`.
 */
export function goingUtility(world: World, i: number, r: number, wage: number, job: number, papers: number, fraud: number): number {
  const m = world.migrants;
  const p = world.params;
  const g = p.g;
  const { places } = p;
  const o = m.origin[i];
  const c = places.countryOf[r];
  const d = p.dest[c];
  const homeWage = Math.max(1, p.origin[o].homeWage);
  const horizon = m.horizonMonths[i];
  const v = m.village[i];
  const broker = fraud >= 0;
  const network = g.migrantNetworkEffect * (world.villages.abroadIn[v * places.regions.length + r] / Math.max(1, world.villages.size[v]));
  const jobChance = broker ? 1 - fraud + fraud * job : job;
  const gain = wage * jobChance - d.migrantLivingCost;
  const oneOff = p.pair[o * places.destinations.length + c].tripCost + (broker ? d.brokerPlacementFee : 0);
  const borrowed = Math.max(0, oneOff - m.wealth[i] * homeWage);
  const cut = broker ? d.brokerMonthlyCut * Math.min(1, g.brokerContractMonths / horizon) : 0;
  const net = gain - papers - oneOff / horizon - (borrowed * g.migrantBorrowingCost) / 2 - cut;
  return (net - homeWage) / homeWage + network;
}

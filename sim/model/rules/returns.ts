import { leave, relocate } from '../actions/travel.js';
import { countryRules, regionWage } from '../actions/employment.js';
import { chooseByLogit } from '../decisions/logit.js';
import { Papers, papersCosts } from '../decisions/documentChoice.js';
import { expectedSanction, perceivedJob } from '../decisions/perception.js';
import { Flag, NO_ONE, Permit, Status } from '../state/codes.js';
import { DAYS_PER_MONTH } from '../time.js';
import type { World } from '../world.js';
import { monthlyGainNow, monthsLeft } from './paperwork.js';

const costs = new Float64Array(3);
/** Choices of the weekly review: go home, stay where one is, or move to region countryStart + (k − MOVE). */
const HOME = 0;
const STAY = 1;
const MOVE = 2;
let utilities = new Float64Array(MOVE + 8);

/**
 * Whether migrant i (abroad and free only) goes home this week; step.ts
 * applies it migrant by migrant.
 *
 * Summary of rule: a migrant abroad weighs going home with
 * migrant.return_review_weekly a week, choosing between
 *
 *   V_home = migrant.target_pull × ((sent home + savings − debt) / target − 1)
 *            + migrant.horizon_pull × (months abroad / planned stay − 1)
 *            + migrant.unemployment_pull × weeks without work
 *   V_stay = (this month's gain − cost of their papers − home wage) / home wage
 *            + wages still owed × employer.arrears_settle_prob / home wage
 *
 * or moving to another region r of the same country (migrant.move_cost)
 *
 *   V_move,r = (wage_r × perceived job chance_r − living cost − papers
 *              cost there − (migrant.move_cost + registration fee) / months left
 *              − home wage) / home wage
 *              + migrant.network_effect × (village share in r − in the region now,
 *                as the week's pass over migrants began)
 *              − migrant.place_attachment
 *
 * in one multinomial logit (migrant.choice_scale). The plan's terms are
 * negative until it is fulfilled, so a migrant who has just come stays
 * unless staying is worth much less than home; the savings target, the
 * plan, unemployment and every cost of staying or moving move the choice
 * smoothly (003 L1447–1448, L1572–1576). A listed
 * person also leaves with registry.exit_weekly, pushed out by the lost
 * rights (regimes RU29).
 */
export function returnOf(world: World, i: number): void {
  const m = world.migrants;
  if (m.status[i] !== Status.Abroad) return;
  const g = world.params.g;
  const rng = world.rng.returns;
  if (m.flags[i] & Flag.OnRegistry && rng() < countryRules(world, m.region[i]).registryExitWeekly) {
    leave(world, i, false);
    return;
  }
  if (rng() >= g.migrantReturnReviewWeekly) return;
  const count = reviewUtilities(world, i);
  const choice = chooseByLogit(utilities, count, g.migrantChoiceScale, rng);
  if (choice === HOME) leave(world, i, false);
  else if (choice >= MOVE) relocate(world, i, world.params.places.countryStart[world.params.places.countryOf[m.region[i]]] + choice - MOVE);
}

/**
 * The chances of migrant i's review if it happened now: [home, stay, then
 * each region of their country in order] (0 for the region they are in).
 */
export function reviewChances(world: World, i: number): Float64Array {
  const count = reviewUtilities(world, i);
  const scale = world.params.g.migrantChoiceScale;
  let best = -Infinity;
  for (let k = 0; k < count; k++) best = Math.max(best, utilities[k]);
  const chances = new Float64Array(count);
  let sum = 0;
  for (let k = 0; k < count; k++) sum += chances[k] = utilities[k] === -Infinity ? 0 : Math.exp(scale * (utilities[k] - best));
  for (let k = 0; k < count; k++) chances[k] /= sum;
  return chances;
}

/** Writes the utilities of going home, staying and moving to each region of the country into `utilities`; returns how many. */
function reviewUtilities(world: World, i: number): number {
  const m = world.migrants;
  const p = world.params;
  const g = p.g;
  const homeWage = Math.max(1, p.origin[m.origin[i]].homeWage);
  const gain = monthlyGainNow(world, i);
  const here = m.region[i];
  const c = p.places.countryOf[here];
  const d = p.dest[c];
  const left = monthsLeft(world, i);
  // What staying costs from here on: the permit's monthly fee (the first costs are sunk), or the expected sanctions.
  let papers: number;
  if (m.flags[i] & Flag.Legal) {
    papers = m.permit[i] === Permit.WorkerTied ? d.permitMonthlyFee * p.region[here].permitFeeFactor : 0;
  } else {
    papersCosts(world, i, here, left, gain, costs);
    papers = m.flags[i] & Flag.FakeDocument ? costs[Papers.Fake] - d.brokerFakeDocumentPrice / left : costs[Papers.None];
  }
  const progress = (m.tripEarned[i] + m.savings[i] - m.debt[i]) / Math.max(1, m.target[i]);
  const monthsAbroad = (world.day - m.arrivalDay[i]) / DAYS_PER_MONTH;
  const home = g.migrantTargetPull * (progress - 1) + g.migrantHorizonPull * (monthsAbroad / m.horizonMonths[i] - 1) + g.migrantUnemploymentPull * m.unemployedWeeks[i];
  const owed = (m.arrears[i] * world.params.g.employerArrearsSettleProb) / homeWage;
  const stay = (gain - papers - homeWage) / homeWage + owed;
  // Attachment to the place weighs against moving only: going home is weighed against staying as it always was.
  utilities[HOME] = home + g.migrantPlaceAttachment;
  utilities[STAY] = stay + g.migrantPlaceAttachment;
  // Moving: like choosing a destination again, within the country, from what the village believes of each region.
  const first = p.places.countryStart[c];
  const count = MOVE + p.places.countryStart[c + 1] - first;
  if (utilities.length < count) utilities = new Float64Array(count);
  const regions = p.places.regions.length;
  const v = m.village[i];
  const villageSize = Math.max(1, world.villages.size[v]);
  const networkHere = world.villages.abroadInAtPass[v * regions + here];
  const informal = m.employer[i] !== NO_ONE && !(m.flags[i] & Flag.Formal);
  const wageKind = informal ? d.labourInformalWageFactor : 1;
  for (let r = first; r < p.places.countryStart[c + 1]; r++) {
    if (r === here || world.employers.regionStart[r + 1] === world.employers.regionStart[r]) {
      utilities[MOVE + r - first] = -Infinity;
      continue;
    }
    // Work of the kind they have now (informal pays less), with the chance the village believes of finding it there.
    const gainThere = regionWage(world, r, m.sector[i]) * wageKind * perceivedJob(world, i, r) - d.migrantLivingCost;
    const papersThere = papersAfterMove(world, i, r, left, gainThere, papers);
    const oneOff = (d.migrantMoveCost + d.registrationFee) / left;
    const network = (g.migrantNetworkEffect * (world.villages.abroadInAtPass[v * regions + r] - networkHere)) / villageSize;
    utilities[MOVE + r - first] = (gainThere - papersThere - oneOff - homeWage) / homeWage + network;
  }
  return count;
}

/**
 * What papers cost a month in region r after a move, with the papers the
 * migrant has now: a patent must be bought again there (it is valid in one
 * region, regimes RU16); without papers, the sanctions they expect there;
 * other papers as where they are (`papersHere`).
 */
function papersAfterMove(world: World, i: number, r: number, monthsLeft: number, monthlyGain: number, papersHere: number): number {
  const m = world.migrants;
  const p = world.params;
  const d = p.dest[p.places.countryOf[r]];
  if (m.flags[i] & Flag.Legal) {
    if (m.permit[i] !== Permit.WorkerTied) return papersHere;
    return d.permitMonthlyFee * p.region[r].permitFeeFactor + d.permitInitialCost / monthsLeft;
  }
  if (m.flags[i] & Flag.FakeDocument) return papersHere;
  return expectedSanction(world, i, r, monthlyGain, d.policeDetection) + d.migrantLegalValue * p.origin[m.origin[i]].homeWage;
}

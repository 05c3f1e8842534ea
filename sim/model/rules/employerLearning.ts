import { WEEKS_PER_MONTH } from '../time.js';
import type { World } from '../world.js';

/** Observations a belief needs before it moves halfway to what they show (as in the villages' learning). */
const HALF_WEIGHT_OBSERVATIONS = 2;

/**
 * Summary of rule: employers learn what to expect of the police from what
 * happens to them and to their peers (the employers of their region and
 * sector), not from the law on paper. Each week:
 * - how often an informal worker brings a case: each employer's belief
 *   moves towards this week's rate among its peers and itself (cases per
 *   informal worker, per month) with weight employer.belief_weight × n / (n + 2)
 *   for n informal workers. A case it settled itself with a bribe does not
 *   count: it bought protection, not a warning (003 L3197–3200);
 * - what a case costs: towards what its own cases cost it (a fine, or a
 *   bribe) with weight employer.experience_weight × n / (n + 2) for its n
 *   cases, and towards what its peers' cases cost them with weight
 *   employer.belief_weight × n / (n + 2).
 * So a fine on an employer or on its peers makes it expect more, and a
 * bribe that settled its own case makes it expect less.
 */
export function employerLearning(world: World): void {
  const emp = world.employers;
  const g = world.params.g;
  for (const peers of emp.bySector) {
    let informal = 0;
    let cases = 0;
    let cost = 0;
    for (let k = 0; k < peers.length; k++) {
      const e = peers[k];
      informal += emp.newsInformal[e];
      cases += emp.newsFines[e] + emp.newsBribes[e];
      cost += emp.newsCaseCost[e];
    }
    // A worker caught and removed this week no longer counts as employed: count at least the cases.
    const seen = Math.max(informal, cases);
    if (seen === 0) continue;
    const rateWeight = (g.employerBeliefWeight * seen) / (seen + HALF_WEIGHT_OBSERVATIONS);
    for (let k = 0; k < peers.length; k++) {
      const e = peers[k];
      emp.caseRate[e] += rateWeight * (((cases - emp.newsBribes[e]) / seen) * WEEKS_PER_MONTH - emp.caseRate[e]);
      const own = emp.newsFines[e] + emp.newsBribes[e];
      if (own > 0) emp.caseCost[e] += ((g.employerExperienceWeight * own) / (own + HALF_WEIGHT_OBSERVATIONS)) * (emp.newsCaseCost[e] / own - emp.caseCost[e]);
      const others = cases - own;
      if (others > 0) emp.caseCost[e] += ((g.employerBeliefWeight * others) / (others + HALF_WEIGHT_OBSERVATIONS)) * ((cost - emp.newsCaseCost[e]) / others - emp.caseCost[e]);
    }
  }
  emp.newsInformal.fill(0);
  emp.newsFines.fill(0);
  emp.newsBribes.fill(0);
  emp.newsCaseCost.fill(0);
}

/** Employer e was fined `amount` this week: news for its learning. */
export function noteFine(world: World, e: number, amount: number): void {
  world.employers.newsFines[e]++;
  world.employers.newsCaseCost[e] += amount;
}

/** Employer e settled a case with a bribe of `amount` this week: news for its learning. */
export function noteBribe(world: World, e: number, amount: number): void {
  world.employers.newsBribes[e]++;
  world.employers.newsCaseCost[e] += amount;
}

import { countryRules } from '../actions/employment.js';
import { pairOf } from '../actions/legalStatus.js';
import { arrive } from '../actions/travel.js';
import { REGIME_CODE } from '../params/places.js';
import { cumulate, drawIndex, exponentialDays, type Rng } from '../random.js';
import { Permit, Registration, Status } from '../state/codes.js';
import { DAYS_PER_MONTH, PAID_MONTH_DAYS } from '../time.js';
import type { World } from '../world.js';

/**
 * Puts a share of the population abroad before the burn-in, spread over
 * regions by their jobs and over the time they have been away, so that
 * they do not all return at once; everyone gets a first day to weigh
 * leaving (`decisions` stream). Those abroad start with the papers a
 * migrant who has kept them up holds: a registration at their own address
 * and, where the permit is the worker's, a paid month of it, each part-way
 * through (`papers`, the start's stream). Who cannot keep them up lets
 * them lapse by the usual rules; without papers at the start, all of them
 * would be irregular at once and the control registry would fill with
 * them, a wave that takes years to pass.
 */
export function seedMigrantsAbroad(world: World, papers: Rng): void {
  const m = world.migrants;
  const p = world.params;
  const rng = world.rng.decisions;
  const jobs = new Float64Array(p.places.regions.length);
  for (let e = 0; e < world.employers.count; e++) jobs[world.employers.region[e]] += world.employers.jobs[e];
  const regionCum = cumulate(jobs);
  const meanReview = p.g.migrantReviewMonths * DAYS_PER_MONTH;
  for (let i = 0; i < m.count; i++) {
    m.nextReviewDay[i] = world.day + exponentialDays(rng, meanReview);
    if (rng() >= p.g.populationInitialAbroadShare || regionCum[regionCum.length - 1] === 0) continue;
    arrive(world, i, drawIndex(rng, regionCum));
    m.arrivalDay[i] = world.day - Math.round(rng() * m.horizonMonths[i] * DAYS_PER_MONTH);
    m.status[i] = Status.Abroad;
    const rules = countryRules(world, m.region[i]);
    m.registration[i] = Registration.OwnAddress;
    m.registeredUntil[i] = world.day + Math.floor(papers() * rules.registrationValidityDays);
    const regime = pairOf(world, i).regimeCode;
    if (regime === REGIME_CODE['worker-tied']) {
      m.permit[i] = Permit.WorkerTied;
      m.permitUntil[i] = world.day + Math.floor(papers() * PAID_MONTH_DAYS);
    } else if (regime === REGIME_CODE['free-movement']) {
      m.graceUntil[i] = world.day + rules.permitGraceDays;
    }
  }
}

import { clearNews } from '../state/beliefs.js';
import type { World } from '../world.js';
import { WEEKS_PER_MONTH } from '../time.js';

/** Observations a belief needs before it moves halfway to what they show. */
const HALF_WEIGHT_OBSERVATIONS = 2;

/**
 * Summary of rule: each village updates what it believes of each
 * destination region from the week's news of its members there and of
 * those who came back (Klabunde & Willekens 2016: networks as channels of
 * information): the share of its migrants in work, the monthly share
 * checked by the police, and the share of broker clients defrauded; and,
 * of each broker it knows by name, the share of the week's reports of him
 * in which he let one of its people down (defrauded them, sold them on, or
 * sold a fake the police found). A belief moves towards the observed rate with weight
 * migrant.belief_weight × n / (n + 2) for n observations, so a single
 * report moves it a little and a wave of them a lot; news of a raid wave,
 * a fraudulent broker or work drying up spreads through villages this way.
 */
export function learning(world: World): void {
  const { job, check, fraud, news } = world.beliefs;
  const w = world.params.g.migrantBeliefWeight;
  for (let k = 0; k < job.length; k++) {
    const present = news.present[k];
    if (present > 0) {
      const weight = (w * present) / (present + HALF_WEIGHT_OBSERVATIONS);
      job[k] += weight * (news.employed[k] / present - job[k]);
      check[k] += weight * (Math.min(1, (news.checked[k] / present) * WEEKS_PER_MONTH) - check[k]);
    }
    const clients = news.clients[k];
    if (clients > 0) {
      const weight = (w * clients) / (clients + HALF_WEIGHT_OBSERVATIONS);
      fraud[k] += weight * (news.defrauded[k] / clients - fraud[k]);
    }
  }
  learnOfBrokers(world);
  clearNews(world.beliefs);
}

/** What each village believes of the brokers it knows by name, from the week's reports of them (same weights as learning). */
function learnOfBrokers(world: World): void {
  const { letDown, reports, letDowns } = world.beliefs.brokers;
  const w = world.params.g.migrantBeliefWeight;
  for (let s = 0; s < letDown.length; s++) {
    const n = reports[s];
    if (n === 0) continue;
    letDown[s] += ((w * n) / (n + HALF_WEIGHT_OBSERVATIONS)) * (letDowns[s] / n - letDown[s]);
  }
  reports.fill(0);
  letDowns.fill(0);
}

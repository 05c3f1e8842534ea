import { brokerNews } from '../actions/brokerNews.js';
import { countryRules, demand, employ, separate } from '../actions/employment.js';
import { flowsOf } from '../actions/flows.js';
import { transfer } from '../actions/transfer.js';
import { COLUMN } from '../indicators.js';
import { Payment } from '../state/accounts.js';
import { Flag, NO_ONE } from '../state/codes.js';
import { record } from '../state/trace.js';
import type { World } from '../world.js';

/**
 * Summary of rule: a broker may sell a client on. Each week, with
 * broker.sell_on_weekly, a broker moves a client who works under his
 * contract without legal status to another of his employers, one that
 * exploits its workers and has a job to fill (003 L3075–3080: a worker
 * without papers "sold" by one employer to another, who called the police
 * when his pay fell due; L3104–3117: an intermediary handed a group's
 * passports to an employer for an advance and left). The buyer pays
 * broker.sale_price and keeps the passport; the worker loses the wages the
 * old employer owed, works informally for the buyer, and the broker's
 * contract ends. The worker's village hears that the broker let them down.
 */
export function sellOn(world: World, i: number): void {
  const m = world.migrants;
  const b = m.broker[i];
  if (b === NO_ONE || m.brokerUntil[i] < world.day || m.flags[i] & Flag.Legal) return;
  const rng = world.rng.brokers;
  if (!(rng() < world.params.g.brokerSellOnWeekly)) return;
  const buyer = buyerFor(world, b, m.employer[i], rng);
  if (buyer === NO_ONE) return;
  const region = m.region[i];
  separate(world, i, false);
  employ(world, i, buyer, false);
  m.flags[i] |= Flag.PassportHeld;
  m.brokerUntil[i] = world.day - 1;
  transfer(world, Payment.worker_sale, buyer, b, countryRules(world, region).brokerSalePrice, region);
  const flows = flowsOf(world, region);
  world.flows[flows + COLUMN.workers_sold]++;
  world.flows[flows + COLUMN.abuse_incidents]++;
  brokerNews(world, m.village[i], b, true);
  if (i === world.tracedAgent) record(world, 'sold-on');
}

/** Another of broker b's employers than `current`, from a random one on, that exploits workers and has a job to fill; NO_ONE if none. */
function buyerFor(world: World, b: number, current: number, rng: () => number): number {
  const brokers = world.brokers;
  const emp = world.employers;
  const ties = brokers.tieCount[b];
  const offset = Math.floor(rng() * ties);
  for (let t = 0; t < ties; t++) {
    const e = brokers.tieStart[b] + ((offset + t) % ties);
    if (e !== current && emp.abusive[e] === 1 && emp.workers[e] < demand(world, e)) return e;
  }
  return NO_ONE;
}

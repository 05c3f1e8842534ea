import { slotFor } from '../state/brokerBeliefs.js';
import type { World } from '../world.js';

/**
 * Village v hears one report of broker b: how he served one of its people
 * (`letDown`: he defrauded them, sold them on, or his fake was found out).
 * The village learns his name if it did not know him (state/brokerBeliefs.ts);
 * rules/learning.ts folds the week's reports into its belief.
 */
export function brokerNews(world: World, v: number, b: number, letDown: boolean): void {
  const beliefs = world.beliefs.brokers;
  const prior = world.beliefs.fraud[v * world.params.places.regions.length + world.brokers.region[b]];
  const s = slotFor(beliefs, v, b, prior);
  beliefs.reports[s]++;
  if (letDown) beliefs.letDowns[s]++;
  beliefs.heardDay[s] = world.day;
}

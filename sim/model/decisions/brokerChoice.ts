import type { Rng } from '../random.js';
import { BROKERS_KNOWN } from '../state/brokerBeliefs.js';
import { NEVER, NO_ONE } from '../state/codes.js';
import type { World } from '../world.js';
import { chooseByLogit } from './logit.js';

/** The alternative of a broker the village does not know by name (chooseBroker's answer). */
export const UNKNOWN_BROKER = -2;

const candidates = new Int32Array(BROKERS_KNOWN + 1);
const letDown = new Float64Array(BROKERS_KNOWN + 1);
const judged = new Float64Array(BROKERS_KNOWN + 1);
const weights = new Float64Array(BROKERS_KNOWN + 1);

/**
 * The brokers a member of village v considers in region r: those the
 * village knows by name there, each with what it believes of him, then,
 * if the region has brokers it does not know, one of those at the
 * village's belief of the region's brokers. Returns how many; fills the
 * module's `candidates`, `letDown` (what distinguishes them, by which
 * they choose) and `judged` (what they expect of each, judgedLetDown).
 */
function considered(world: World, v: number, r: number): number {
  const beliefs = world.beliefs.brokers;
  const brokers = world.brokers;
  const regional = world.beliefs.fraud[v * world.params.places.regions.length + r];
  let count = 0;
  const first = v * BROKERS_KNOWN;
  for (let s = first; s < first + BROKERS_KNOWN; s++) {
    const b = beliefs.broker[s];
    if (b === NO_ONE || brokers.region[b] !== r) continue;
    candidates[count] = b;
    letDown[count] = beliefs.letDown[s];
    judged[count++] = judgedLetDown(world, beliefs.letDown[s], regional);
  }
  if (brokers.regionStart[r + 1] - brokers.regionStart[r] > count) {
    candidates[count] = UNKNOWN_BROKER;
    letDown[count] = regional;
    judged[count++] = regional;
  }
  return count;
}

/** How a village judges a broker it knows by name: what it believes of him, weighed (migrant.broker_name_weight) against what it believes of the region's brokers. */
export function judgedLetDown(world: World, named: number, regional: number): number {
  const w = world.params.g.migrantBrokerNameWeight;
  return w * named + (1 - w) * regional;
}

/**
 * The chance of being let down that a member of village v expects of a
 * broker in region r, before their own experience: the mean of the judged
 * chances (judgedLetDown) over the brokers they would choose among,
 * weighted by how likely each is chosen (chooseBroker's rule).
 */
export function expectedBrokerLetDown(world: World, v: number, r: number): number {
  // The same for every member of the village until its beliefs next change: at the week's learning, or on hearing of a new broker.
  const memo = world.beliefs.letDownMemo;
  const k = v * world.params.places.regions.length + r;
  const names = world.beliefs.brokers.names[v];
  if (memo.params !== world.params) {
    memo.day.fill(NEVER);
    memo.params = world.params;
  }
  if (memo.day[k] !== world.day || memo.names[k] !== names) {
    memo.value[k] = villageLetDown(world, v, r);
    memo.day[k] = world.day;
    memo.names[k] = names;
  }
  return memo.value[k];
}

function villageLetDown(world: World, v: number, r: number): number {
  const count = considered(world, v, r);
  if (count === 0) return world.beliefs.fraud[v * world.params.places.regions.length + r];
  const scale = world.params.g.migrantBrokerChoiceScale;
  let least = Infinity;
  for (let k = 0; k < count; k++) if (letDown[k] < least) least = letDown[k];
  let sum = 0;
  let mean = 0;
  for (let k = 0; k < count; k++) {
    const w = Math.exp(-scale * (letDown[k] - least));
    sum += w;
    mean += w * judged[k];
  }
  return mean / sum;
}

/**
 * Summary of rule: a migrant who goes through a broker chooses among the
 * brokers of the region that their village has dealt with, each judged by
 * what the village believes of him (the chance he lets a client down:
 * defrauds them, sells them on, or sells a fake the police find; learnt
 * from its migrants' and returnees' news), and a broker it does not know,
 * judged by the village's belief of the region's brokers, by a logit with
 * scale migrant.broker_choice_scale on those chances. So a broker known to
 * cheat loses clients in the villages that know him, and one known to
 * serve well gains them. Whether to go through a broker at all weighs the
 * chance of being let down that this choice leaves (destinationChoice.ts),
 * the mean over the brokers weighted by how likely each is chosen, with
 * each known broker judged partly by his name (migrant.broker_name_weight)
 * and partly by what the village believes of the region's brokers in
 * general: news of fraud makes a village warier of every broker there, and
 * most of the one who did it.
 */
export function chooseBroker(world: World, v: number, r: number, rng: Rng): number {
  // A broker's id, UNKNOWN_BROKER for one the village does not know, or NO_ONE when the region has none.
  const count = considered(world, v, r);
  if (count === 0) return NO_ONE;
  for (let k = 0; k < count; k++) weights[k] = -letDown[k];
  return candidates[chooseByLogit(weights, count, world.params.g.migrantBrokerChoiceScale, rng)];
}

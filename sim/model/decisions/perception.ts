import { Experience } from '../state/codes.js';
import { DAYS_PER_MONTH } from '../time.js';
import type { World } from '../world.js';

/**
 * What migrant i believes of destination region r: the village's belief,
 * coloured by their own experience (migrant.experience_weight): one who was
 * caught before expects more checks, one who was defrauded more fraud.
 */
export function perceivedCheck(world: World, i: number, r: number): number {
  const m = world.migrants;
  const belief = world.beliefs.check[m.village[i] * world.params.places.regions.length + r];
  return m.experience[i] & Experience.Caught ? Math.min(1, belief * (1 + world.params.g.migrantExperienceWeight)) : belief;
}

/** The chance migrant i expects a broker to let them down, from their village's `belief`: more if they were defrauded before. */
export function perceivedFraud(world: World, i: number, belief: number): number {
  const w = world.params.g.migrantExperienceWeight;
  return world.migrants.experience[i] & Experience.Defrauded ? belief + w * (1 - belief) : belief;
}

export function perceivedJob(world: World, i: number, r: number): number {
  return world.beliefs.job[world.migrants.village[i] * world.params.places.regions.length + r];
}

/**
 * Expected monthly cost of being found without papers in region r, as
 * migrant i sees it: perceived monthly check chance × detection × the cost
 * of a case (a bribe with the police's corruption, else the fine and, with
 * sanction.removal_share, the loss of the rest of the stay and of the
 * months the ban keeps them out), weighted by their risk attitude.
 * `monthlyGain` is what a month abroad is worth to them.
 */
export function expectedSanction(world: World, i: number, r: number, monthlyGain: number, detection: number): number {
  return sanctionWithout(world, i, r, perceivedCheck(world, i, r), Math.max(0, monthlyGain) * lostMonths(world, i, r), detection);
}

/**
 * expectedSanction, and the same with a fake document (a check finds the
 * fake with police.fake_detection, and a found fake means removal), at
 * once, sharing the perceived check and the loss of a removal: `out[0]`
 * without papers (at `detection`), `out[1]` with a fake.
 */
export function expectedSanctions(world: World, i: number, r: number, monthlyGain: number, detection: number, out: Float64Array): void {
  const check = perceivedCheck(world, i, r);
  const removalLoss = Math.max(0, monthlyGain) * lostMonths(world, i, r);
  out[0] = sanctionWithout(world, i, r, check, removalLoss, detection);
  out[1] = sanctionWithFake(world, i, r, check, removalLoss);
}

function sanctionWithout(world: World, i: number, r: number, check: number, removalLoss: number, detection: number): number {
  const d = world.params.dest[world.params.places.countryOf[r]];
  const caseCost = d.policeCorruption * d.policeBribe + (1 - d.policeCorruption) * (d.sanctionFineMigrant + d.sanctionRemovalShare * removalLoss);
  return check * detection * caseCost * world.migrants.riskAversion[i];
}

function sanctionWithFake(world: World, i: number, r: number, check: number, removalLoss: number): number {
  const d = world.params.dest[world.params.places.countryOf[r]];
  const caseCost = d.sanctionFineMigrant + removalLoss;
  return check * d.policeFakeDetection * caseCost * world.migrants.riskAversion[i];
}

/** Months of earnings a removal costs: half the planned stay on average, and the ban's months up to one more stay. */
function lostMonths(world: World, i: number, r: number): number {
  const horizon = world.migrants.horizonMonths[i];
  return horizon / 2 + Math.min(world.params.dest[world.params.places.countryOf[r]].sanctionBanDays / DAYS_PER_MONTH, horizon);
}

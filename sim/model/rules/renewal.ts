import { replaceByNewcomer, sectorWeights } from '../actions/newcomer.js';
import { Status } from '../state/codes.js';
import type { World } from '../world.js';

/**
 * Summary of rule: people come of age into the pool of potential migrants
 * and age out of it after population.working_years (ages 18 to 45 by
 * default; 003 L2184–2185). Each week, everyone at home whose years are up
 * leaves the pool, and a newcomer of the same village takes their place:
 * traits of their own, no re-entry ban, no experience, and the village's
 * beliefs. Someone abroad ages out on coming home. The pool keeps its size
 * (assumption), so a long ban or a strong police cannot empty the origin.
 */
export function renewal(world: World): void {
  const m = world.migrants;
  const day = world.day;
  let sectors: Float64Array | undefined;
  for (let i = 0; i < m.count; i++) {
    if (m.agesOutDay[i] > day || m.status[i] !== Status.AtHome) continue;
    sectors ??= sectorWeights(world.params);
    replaceByNewcomer(world, i, sectors);
  }
}

import { leave } from '../actions/travel.js';
import { AGRICULTURE } from '../params/places.js';
import { Flag, NO_ONE, Status } from '../state/codes.js';
import type { World } from '../world.js';

/**
 * Summary of rule: a migrant abroad goes home when the savings target is
 * reached, the planned stay is over (003 L1447–1448), a farm worker's season
 * ends without work, or after migrant.max_unemployed_weeks without work; a
 * listed person leaves with registry.exit_weekly, pushed out by the lost
 * rights (regimes RU29). Those with arrears still owed do not leave at the
 * end of the planned stay while the employer may yet pay; other reasons
 * send them home, and the arrears are lost.
 */
export function returns(world: World): void {
  for (let i = 0; i < world.migrants.count; i++) returnOf(world, i);
}

/** returns for one migrant (abroad and free only). */
export function returnOf(world: World, i: number): void {
  const m = world.migrants;
  if (m.status[i] !== Status.Abroad) return;
  const p = world.params;
  const unemployed = m.employer[i] === NO_ONE;
  const goHome =
    m.savings[i] >= m.target[i] ||
    (world.day >= m.plannedReturnDay[i] && m.arrears[i] === 0) ||
    (unemployed && m.unemployedWeeks[i] > p.maxUnemployedWeeks) ||
    (unemployed && !world.inSeason && m.sector[i] === AGRICULTURE) ||
    ((m.flags[i] & Flag.OnRegistry) !== 0 && world.rng.returns() < p.registryExit);
  if (goHome) leave(world, i, false);
}

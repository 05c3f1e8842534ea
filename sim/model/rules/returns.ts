import { leave } from '../actions/travel.js';
import { inSeason } from '../actions/employment.js';
import { AGRICULTURE } from '../params/places.js';
import { Flag, NO_ONE, Status } from '../state/codes.js';
import type { World } from '../world.js';

/**
 * Summary of rule: a migrant abroad goes home when the savings target is
 * reached, the planned stay is over (003 L1447–1448), a farm worker's season
 * ends without work, or after migrant.max_unemployed_weeks without work; a
 * listed person leaves with registry.exit_weekly, pushed out by the lost
 * rights (regimes RU29). Those with arrears still owed stay on while the
 * employer may yet pay.
 */
export function returns(world: World): void {
  const m = world.migrants;
  const p = world.params;
  const rng = world.rng.returns;
  const season = inSeason(world.day);
  const ids = world.presence.ids;
  for (let k = world.presence.count - 1; k >= 0; k--) {
    const i = ids[k];
    if (m.status[i] !== Status.Abroad) continue;
    const unemployed = m.employer[i] === NO_ONE;
    const goHome =
      m.savings[i] >= m.target[i] ||
      (world.day >= m.plannedReturnDay[i] && m.arrears[i] === 0) ||
      (unemployed && m.unemployedWeeks[i] > p.maxUnemployedWeeks) ||
      (unemployed && !season && m.sector[i] === AGRICULTURE) ||
      ((m.flags[i] & Flag.OnRegistry) !== 0 && rng() < p.registryExit);
    if (goHome) leave(world, i, false);
  }
}

import { demand, employ, separate } from '../actions/employment.js';
import { SECTORS } from '../params/places.js';
import type { Rng } from '../random.js';
import { Flag, NO_ONE, Permit, Status } from '../state/codes.js';
import type { World } from '../world.js';
import { decideFormalHire, retainPassport } from './hiring.js';

/** Tries at the migrant's own sector, then at any employer of the region. */
const OWN_SECTOR_TRIES = 2;
const ANY_SECTOR_TRIES = 2;

/**
 * Summary of rule: employers with more workers than this week's demand lay
 * off the excess (farm work ends with the season); workers owed more than
 * migrant.quit_arrears_months of pay quit, far less readily when quitting
 * ends their legal status or the employer holds their passport
 * (003 L2127–2130); unemployed migrants search, helped by their village
 * network and Russian, and are hired formally or informally (hiring.ts).
 */
export function labourMarket(world: World): void {
  const m = world.migrants;
  const emp = world.employers;
  const p = world.params;
  const rng = world.rng.market;
  const layoffChance = new Float64Array(emp.count);
  for (let e = 0; e < emp.count; e++) {
    const excess = emp.workers[e] - demand(world, e);
    layoffChance[e] = excess > 0 ? excess / emp.workers[e] : 0;
  }
  for (let i = 0; i < m.count; i++) {
    if (m.status[i] !== Status.Abroad) continue;
    const e = m.employer[i];
    if (e !== NO_ONE) {
      if (layoffChance[e] > 0 && rng() < layoffChance[e]) {
        separate(world, i, false);
      } else if (m.arrears[i] >= p.quitArrearsMonths * m.wage[i] && m.arrears[i] > 0) {
        const losesStatus = (m.flags[i] & Flag.Legal && m.permit[i] === Permit.EmployerTied) || m.flags[i] & Flag.PassportHeld;
        if (rng() < (losesStatus ? p.tiedQuitFactor : 1)) separate(world, i, true);
      }
      continue;
    }
    m.unemployedWeeks[i]++;
    const v = m.village[i];
    const network = world.villageAbroad[v] / world.villageSize[v];
    const russian = m.flags[i] & Flag.RussianSpeaker ? p.russianSearchBonus : 0;
    const findChance = p.searchSuccess * (1 + p.networkSearchBonus * network + russian);
    if (rng() >= findChance) continue;
    const found = findVacancy(world, m.region[i], m.sector[i], rng);
    if (found === NO_ONE) continue;
    employ(world, i, found, decideFormalHire(world, i, found, rng));
    retainPassport(world, i, found, rng);
  }
}

/** A random employer of the region with a vacancy, preferring the migrant's sector; NO_ONE if none was found. */
function findVacancy(world: World, region: number, sector: number, rng: Rng): number {
  const emp = world.employers;
  const pool = emp.bySector[region * SECTORS.length + sector];
  for (let t = 0; t < OWN_SECTOR_TRIES && pool.length > 0; t++) {
    const e = pool[Math.floor(rng() * pool.length)];
    if (emp.workers[e] < demand(world, e)) return e;
  }
  const first = emp.regionStart[region];
  const count = emp.regionStart[region + 1] - first;
  for (let t = 0; t < ANY_SECTOR_TRIES && count > 0; t++) {
    const e = first + Math.floor(rng() * count);
    if (emp.workers[e] < demand(world, e)) return e;
  }
  return NO_ONE;
}

import { demand, employ, separate } from '../actions/employment.js';
import { inSeason, nextSeasonStart } from './labourDemand.js';
import { leave } from '../actions/travel.js';
import { AGRICULTURE, SECTORS } from '../params/places.js';
import type { Rng } from '../random.js';
import { Flag, NO_ONE, Permit, Status } from '../state/codes.js';
import type { World } from '../world.js';
import { decideFormalHire, retainPassport } from './hiring.js';
import { sellOn } from './sellingOn.js';
import { logistic } from '../decisions/logit.js';

/** Tries at the migrant's own sector, then at any employer of the region. */
const OWN_SECTOR_TRIES = 2;
const ANY_SECTOR_TRIES = 2;

/**
 * Summary of rule: employers with more workers than this week's demand lay
 * off the excess (farm work ends with each farm's season, and a worker it
 * lays off then goes home with migrant.season_return, a seasonal migrant
 * who next weighs going abroad when that farm's season starts again:
 * 003 L1447–1448); a worker owed wages
 * weighs quitting by a logistic in the arrears (in months of wage) around
 * migrant.quit_arrears_months (scale migrant.quit_scale), far less readily
 * (migrant.tied_quit_factor) when quitting ends their legal status or the
 * employer holds their passport (003 L2127–2130, L3208–3216); unemployed
 * migrants search, helped by their village network and Russian, and are
 * hired formally or informally (hiring.ts). Brokers may sell clients on to
 * another employer (sellingOn.ts).
 */
export function labourMarket(world: World): void {
  const m = world.migrants;
  const emp = world.employers;
  const p = world.params.g;
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
        // A seasonal worker whose farm's season is over goes home, and weighs coming back when it starts again (003 L1447–1448).
        if (emp.sector[e] === AGRICULTURE && !inSeason(world, e, world.day) && rng() < p.migrantSeasonReturn) {
          leave(world, i, false);
          m.nextReviewDay[i] = nextSeasonStart(world, e, world.day);
        }
      } else if (m.arrears[i] > 0) {
        const losesStatus = (m.flags[i] & Flag.Legal && m.permit[i] === Permit.EmployerTied) || m.flags[i] & Flag.PassportHeld;
        const owed = m.arrears[i] / Math.max(1, m.wage[i]);
        const quit = logistic(p.migrantQuitScale * (owed - p.migrantQuitArrearsMonths)) * (losesStatus ? p.migrantTiedQuitFactor : 1);
        if (rng() < quit) {
          separate(world, i, true);
          continue;
        }
      }
      if (m.broker[i] !== NO_ONE) sellOn(world, i);
      continue;
    }
    m.unemployedWeeks[i]++;
    const v = m.village[i];
    const regions = world.params.places.regions.length;
    const network = world.villages.abroadIn[v * regions + m.region[i]] / Math.max(1, world.villages.size[v]);
    const russian = m.flags[i] & Flag.RussianSpeaker ? p.labourRussianSearchBonus : 0;
    const findChance = p.labourSearchSuccess * (1 + p.labourNetworkSearchBonus * network + russian);
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

import type { ModelParams } from '../params/compileParams.js';
import { Flag } from '../state/codes.js';
import type { Migrants } from '../state/migrants.js';
import type { World } from '../world.js';

/** Standard normal quantile at 2/3: the upper tercile boundary of a normal draw. */
const TERCILE_Z = 0.4307272992954576;
const TERCILES = 3;

/**
 * Groups of alike people: the same origin and language, and the same
 * third of each trait that shapes how often a migrant is caught or removed
 * (risk attitude, wealth at home, planned stay). The start of a run gives
 * back-dated bans and experience group by group, so that they go to the
 * kind of people the model itself would have banned or taught.
 */
export function alikeGroupCount(params: ModelParams): number {
  return params.places.origins.length * 2 * TERCILES ** 3;
}

/** The group of migrant i (a function of traits that do not change while the person is in the pool). */
export function alikeGroup(params: ModelParams, m: Migrants, i: number): number {
  const g = params.g;
  const sd = g.migrantRiskAversionSd;
  // riskAversion = exp(sd·z − sd²/2) with z standard normal: its thirds are thirds of z.
  const z = sd > 0 ? (Math.log(m.riskAversion[i]) + (sd * sd) / 2) / sd : 0;
  const risk = z < -TERCILE_Z ? 0 : z < TERCILE_Z ? 1 : 2;
  const wealth = third(m.wealth[i], g.migrantInitialSavingsMonths);
  const horizon = third(m.horizonMonths[i], g.migrantHorizonMonths);
  const speaker = m.flags[i] & Flag.RussianSpeaker ? 1 : 0;
  return (((m.origin[i] * 2 + speaker) * TERCILES + risk) * TERCILES + wealth) * TERCILES + horizon;
}

/** The origin a group belongs to. */
export function originOfGroup(group: number): number {
  return Math.floor(group / (2 * TERCILES ** 3));
}

/** Which third of its range, mean × U(0.5, 1.5), a trait drawn that way falls in. */
function third(value: number, mean: number): number {
  if (!(mean > 0)) return 0;
  return Math.min(TERCILES - 1, Math.max(0, Math.floor((value / mean - 0.5) * TERCILES)));
}

/** Each person's group, kept up to date as newcomers take places (`agesOutDay` marks whose group was computed). */
export interface AlikeGroups {
  readonly group: Int32Array;
  readonly computedFor: Int32Array;
}

export function createAlikeGroups(world: World): AlikeGroups {
  const n = world.migrants.count;
  return { group: new Int32Array(n), computedFor: new Int32Array(n).fill(-1) };
}

/** Recomputes the groups of places whose holder changed since the last call (a newcomer has a new ageing-out day). */
export function refreshAlikeGroups(world: World, groups: AlikeGroups): void {
  const m = world.migrants;
  for (let i = 0; i < m.count; i++) {
    if (groups.computedFor[i] === m.agesOutDay[i]) continue;
    groups.group[i] = alikeGroup(world.params, m, i);
    groups.computedFor[i] = m.agesOutDay[i];
  }
}


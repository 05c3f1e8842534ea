import { createStream } from '../random.js';
import { openQuotaYear } from '../rules/policy.js';
import { step } from '../step.js';
import { setClock, type World } from '../world.js';
import { createAlikeGroups, refreshAlikeGroups } from './alikeGroups.js';
import { backdateBans, createBanHistory } from './backdatedBans.js';
import { backdateExperience, createExperienceHistory } from './backdatedExperience.js';
import { seedMigrantsAbroad } from './seedAbroad.js';
import { forgiveSettlingDebts } from './settlingDebts.js';

/**
 * Weeks at the start of the burn-in in which the stocks rush towards their
 * level (a year: the people put abroad at the start find work, papers or
 * the way home, and villages learn); bans imposed in them are evened out
 * with the back-dated ones (backdatedBans.ts). At most half the burn-in.
 */
export const SETTLE_WEEKS = 52;

/**
 * The start of a run, before week 0: people are put abroad, the first
 * quota year opens, and `weeks` unrecorded weeks run with the initial
 * parameters. After each week the bans and the experience that a history
 * longer than the burn-in would have left are back-dated
 * (backdatedBans.ts, backdatedExperience.ts), so that the stocks the
 * horizon reports start steady even though a re-entry ban (5 years) and a
 * working life (27 years) are much longer than the burn-in; when the
 * burn-in has settled, the debts its rush sent home are written off
 * (settlingDebts.ts). Draws of the
 * back-dating come from a stream of their own (`start`). The world is
 * built at week −weeks; the burn-in's steps are weeks −weeks + 1 to 0, so
 * that, as every step covers the seven days up to its own, the state at
 * the end is that of day 0 and the horizon's first step (week 1) covers
 * days 1 to 7, with no days skipped or counted twice. `rows` is scratch for
 * the unrecorded measures.
 */
export function burnIn(world: World, seed: string, weeks: number, rows: Float64Array): void {
  const rng = createStream(seed, 'start');
  seedMigrantsAbroad(world, rng);
  openQuotaYear(world);
  const settle = Math.min(SETTLE_WEEKS, Math.floor(weeks / 2));
  const experience = createExperienceHistory(world, rng, settle);
  const bans = createBanHistory(world, rng, settle);
  const alike = createAlikeGroups(world);
  for (let week = 1 - weeks; week <= 0; week++) {
    setClock(world, week);
    step(world, rows);
    refreshAlikeGroups(world, alike);
    backdateBans(world, bans, alike);
    backdateExperience(world, experience, alike);
    if (settle > 0 && week === settle - weeks) forgiveSettlingDebts(world);
  }
}

import type { World } from '../world.js';

/**
 * What employer e expects the police to cost it per informal worker and
 * month: how often it believes an informal worker brings a case, times
 * what it believes a case costs (a fine or a bribe), both learnt from its
 * own and its peers' cases (rules/employerLearning.ts).
 */
export function employerExpectedSanction(world: World, e: number): number {
  return world.employers.caseRate[e] * world.employers.caseCost[e];
}

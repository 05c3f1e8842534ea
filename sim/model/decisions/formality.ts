import { countryRules, regionWage } from '../actions/employment.js';
import type { DestinationParams } from '../params/compileParams.js';
import type { World } from '../world.js';
import { employerExpectedSanction } from './employerPerception.js';
import { logistic } from './logit.js';

/**
 * Summary of rule: an employer's propensity to hire a migrant formally,
 * when the law allows it, is a logistic of its inclination to formality
 * and of what informality saves against what it risks:
 *
 *   logistic(attitude + logit(employer.compliant_share)
 *            + employer.choice_scale × (expected sanction − cost of formality) / wage)
 *
 * The expected sanction per informal worker and month is what the employer
 * has learnt from its own and its peers' cases (decisions/employerPerception.ts),
 * so a fine makes it more careful and a bribe that settled its case less
 * (003 L2117–2119, L2937–2939, L3197–3200; 004 L1445–1455). The cost of
 * formality is labour.formal_cost_share of the formal wage, plus
 * employer.permit_cost / 12 when the hire needs an employer-tied permit.
 * The attitude is the employer's own (a standard logistic draw), so that
 * when the expected sanction equals the cost, a share compliant_share of
 * employers hire formally more often than not.
 */
export function formalPropensity(world: World, e: number, needsPermit: boolean): number {
  const emp = world.employers;
  const region = emp.region[e];
  const d = countryRules(world, region);
  const wage = regionWage(world, region, emp.sector[e]);
  const cost = formalCost(d, wage, needsPermit);
  const share = d.employerCompliantShare;
  // The median employer's inclination; a share of 0 or 1 makes every employer refuse or choose formality.
  const median = share <= 0 ? -Infinity : share >= 1 ? Infinity : Math.log(share / (1 - share));
  const net = wage > 0 ? (employerExpectedSanction(world, e) - cost) / wage : 0;
  return logistic(emp.attitude[e] + median + world.params.g.employerChoiceScale * net);
}

/** An employer's monthly cost of a formal worker: labour.formal_cost_share of the formal wage, plus the permit spread over a year when it needs one. */
export function formalCostMonthly(world: World, e: number, needsPermit: boolean): number {
  const region = world.employers.region[e];
  return formalCost(countryRules(world, region), regionWage(world, region, world.employers.sector[e]), needsPermit);
}

function formalCost(d: DestinationParams, wage: number, needsPermit: boolean): number {
  return d.labourFormalCostShare * wage + (needsPermit ? d.employerPermitCost / 12 : 0);
}

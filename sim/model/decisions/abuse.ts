import { countryRules, regionWage } from '../actions/employment.js';
import { Flag, Permit } from '../state/codes.js';
import type { World } from '../world.js';
import { employerExpectedSanction } from './employerPerception.js';
import { logistic } from './logit.js';

/**
 * What a month of worker i earns the employer above the worker's wage (its
 * sales, employer.revenue_per_wage × the formal wage of the worker's
 * sector, as in rules/money.ts, less the wage paid): what the employer
 * loses while the worker is gone.
 */
function margin(world: World, i: number): number {
  const m = world.migrants;
  const region = m.region[i];
  const sales = countryRules(world, region).employerRevenuePerWage * regionWage(world, region, m.sector[i]);
  return Math.max(0, sales - m.wage[i]);
}

/** Whether walking out would cost worker i their legal status or their passport (as in the choice to quit, 4.3 f). */
function tied(world: World, i: number): boolean {
  const m = world.migrants;
  return ((m.flags[i] & Flag.Legal) !== 0 && m.permit[i] === Permit.EmployerTied) || (m.flags[i] & Flag.PassportHeld) !== 0;
}

/**
 * Summary of rule: an abusive employer withholds a week's pay from worker i
 * with chance
 *
 *   employer.withhold_prob × logistic(employer.choice_scale × (W − R) / W)
 *
 * where W is the worker's monthly wage (what it keeps) and R what it
 * risks: losing the worker's margin for a month if they walk out (less,
 * migrant.tied_quit_factor, when walking out would cost them their legal
 * status or their passport), and the expected sanction of a complaint,
 * employer.complaint_risk × the cost it believes a case has (a legal
 * worker; employer.irregular_complaint_factor of that for an irregular
 * one, who avoids the authorities). So the employer withholds most from
 * those who can neither leave nor complain, and less where cases are
 * costly (001 L47–54; 003 L2127–2130, L3048–3071, L3207–3229).
 */
export function withholdChance(world: World, i: number, e: number): number {
  const m = world.migrants;
  const g = world.params.g;
  const wage = m.wage[i];
  if (wage <= 0) return 0;
  const walkOut = (tied(world, i) ? g.migrantTiedQuitFactor : 1) * margin(world, i);
  const voice = m.flags[i] & Flag.Legal ? 1 : g.employerIrregularComplaintFactor;
  const risk = walkOut + voice * g.employerComplaintRisk * world.employers.caseCost[e];
  return g.employerWithholdProb * logistic((g.employerChoiceScale * (wage - risk)) / wage);
}

/**
 * Summary of rule: when wages fall due and it does not settle them, an
 * abusive employer calls the police on an irregular worker it owes
 * arrears A with chance
 *
 *   employer.denounce_prob × logistic(employer.choice_scale × (A − R) / W)
 *
 * where A is what it saves (the arrears are lost to the detained worker),
 * W the worker's monthly wage, and R what it risks: the worker's margin
 * for a month (the worker is gone) and a month of its expected sanction
 * per informal worker (the police come to its workplace)
 * (003 L3075–3078, L4430–4431).
 */
export function denounceChance(world: World, i: number, e: number): number {
  const m = world.migrants;
  const g = world.params.g;
  const wage = m.wage[i];
  if (wage <= 0) return 0;
  const risk = margin(world, i) + employerExpectedSanction(world, e);
  return g.employerDenounceProb * logistic((g.employerChoiceScale * (m.arrears[i] - risk)) / wage);
}

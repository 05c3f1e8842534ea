import { demand } from '../actions/employment.js';
import { SECTORS } from '../params/places.js';
import { WEEKS_PER_MONTH } from '../time.js';
import type { World } from '../world.js';

/**
 * Summary of rule: at the end of each week the wage of each region and
 * sector moves towards the level the balance of its labour market calls
 * for. With V vacancies and U migrants looking for work in that sector,
 * the balance is (V − U) / (V + U), from −1 (only job seekers) to 1 (only
 * vacancies); the log wage aims at labour.wage_flexibility × balance above
 * the sector's wage in the parameters, and closes 1/(labour.wage_adjustment_months × 52/12)
 * of the gap each week, so wages rise slowly where workers are short and
 * fall where they are plentiful. The adjusted wage is what migrants weigh
 * when choosing where to go and what employers pay.
 */
export function adjustWages(world: World): void {
  const { economy, employers, params } = world;
  const sectors = SECTORS.length;
  const vacancies = economy.vacancies;
  vacancies.fill(0);
  for (let e = 0; e < employers.count; e++) vacancies[employers.region[e] * sectors + employers.sector[e]] += Math.max(0, demand(world, e) - employers.workers[e]);
  for (let cell = 0; cell < vacancies.length; cell++) {
    const d = params.dest[params.places.countryOf[Math.floor(cell / sectors)]];
    const v = vacancies[cell];
    const u = economy.seekers[cell];
    const balance = v + u > 0 ? (v - u) / (v + u) : 0;
    const months = d.labourWageAdjustmentMonths;
    const speed = months > 0 ? Math.min(1, 1 / (months * WEEKS_PER_MONTH)) : 1;
    economy.wageLog[cell] += speed * (d.labourWageFlexibility * balance - economy.wageLog[cell]);
    economy.wage[cell] = Math.exp(economy.wageLog[cell]);
  }
  economy.seekers.fill(0);
}

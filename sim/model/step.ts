import { setSeason } from './actions/employment.js';
import { amnesty } from './rules/amnesty.js';
import { departures } from './rules/departures.js';
import { documentUpkeep } from './rules/documentUpkeep.js';
import { enforcement } from './rules/enforcement.js';
import { labourMarket } from './rules/labourMarket.js';
import { measure } from './rules/measure.js';
import { money } from './rules/money.js';
import { paperwork } from './rules/paperwork.js';
import { openQuotaYear, updateDepartureChances } from './rules/policy.js';
import { returns } from './rules/returns.js';
import { WEEKS_PER_YEAR } from './time.js';
import type { World } from './world.js';

/**
 * One week, in the order of the model's description (ODD, process overview):
 *
 *   policy → departures → paperwork (+ amnesty) → labour market →
 *   document upkeep → enforcement → money → returns → measure
 *
 * Timeline events are applied by the loop before the step. Each rule is a
 * plain function of the world; none advances the clock.
 */
export function step(world: World, regionCum: Float64Array, row: Float64Array): void {
  if (world.week - world.quotaYearStart >= WEEKS_PER_YEAR) openQuotaYear(world);
  setSeason(world);
  updateDepartureChances(world);
  world.brokers.capacityLeft.fill(world.params.brokerCapacity);
  departures(world, regionCum);
  paperwork(world);
  amnesty(world);
  labourMarket(world);
  documentUpkeep(world);
  enforcement(world);
  money(world);
  returns(world);
  measure(world, row);
}

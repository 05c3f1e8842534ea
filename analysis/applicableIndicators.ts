import { INDICATORS, type IndicatorName } from '../sim/model/indicators.js';
import type { RunRecord } from './runRecord.js';

/**
 * The indicators that take a value in at least one week of one run, in
 * INDICATORS order: an indicator that is 0 or empty everywhere (the control
 * registry in a country without one, the quota where there is none) does
 * not apply to the scenario's places and would only draw a flat line.
 *
 * Cost: O(runs × weeks × places × indicators).
 */
export function applicableIndicators(runs: readonly RunRecord[]): IndicatorName[] {
  const width = INDICATORS.length;
  const used = new Array<boolean>(width).fill(false);
  for (const { table } of runs) {
    for (let k = 0; k < table.values.length; k++) {
      const value = table.values[k];
      if (value !== 0 && !Number.isNaN(value)) used[k % width] = true;
    }
  }
  return INDICATORS.filter((_, column) => used[column]).map((indicator) => indicator.name);
}

import { INDICATORS, type IndicatorName } from '../sim/model/indicators.js';

/**
 * The entry of INDICATORS (name, kind, unit, label) for an indicator name;
 * throws for a name that is not an indicator.
 *
 * Cost: O(indicators).
 */
export function indicatorInfo(indicator: IndicatorName): (typeof INDICATORS)[number] {
  const info = INDICATORS.find((candidate) => candidate.name === indicator);
  if (info === undefined) throw new Error(`indicatorInfo found no indicator "${indicator}"`);
  return info;
}

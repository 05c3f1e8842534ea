import type { IndicatorName } from '../../sim/model/indicators.js';
import { indicatorInfo } from '../indicatorInfo.js';
import { unitText } from '../unitText.js';

/**
 * "Label (unit)" for a weekly chart axis: flows are plotted per week, so
 * their unit reads "people per week"; money is in the scenario's currency.
 *
 * Cost: O(indicators).
 */
export function axisTitle(indicator: IndicatorName, currency: string): string {
  const info = indicatorInfo(indicator);
  const unit = unitText(info.unit, currency);
  return `${info.label} (${info.kind === 'flow' ? `${unit} per week` : unit})`;
}

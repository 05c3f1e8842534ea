import type { IndicatorName } from '../sim/model/indicators.js';

/**
 * The indicators the report charts, in the order it shows them: where
 * migrants are and with what status, how many work informally or are
 * removed, the control registry, and the money lost to withholding and
 * bribes, collected by the state and sent home.
 */
export const KEY_INDICATORS: readonly IndicatorName[] = [
  'abroad',
  'legal',
  'irregular',
  'employed_informal',
  'removals',
  'on_registry',
  'wages_withheld',
  'bribes_amount',
  'state_revenue',
  'remittances',
];

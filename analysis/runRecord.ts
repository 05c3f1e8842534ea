import type { IndicatorTable } from '../sim/model/indicators.js';

/**
 * One simulated run: which policy option it belongs to, its replicate index
 * and its weekly indicators. Replicate k of every option uses the same seeds
 * (common random numbers), which is what makes paired comparisons valid.
 */
export interface RunRecord {
  readonly option: string;
  readonly replicate: number;
  readonly table: IndicatorTable;
}

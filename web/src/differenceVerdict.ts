import type { IndicatorName } from '../../sim/model/indicators.js';
import type { EndRow } from './results.js';

/** What a paired difference says: a rise or fall its 95% interval supports, no clear difference, too few replicates to tell, or none at all. */
export type Verdict = 'rose' | 'fell' | 'unclear' | 'tooFew' | 'same';

/** The indicators the page states a sentence for, per setting: status, informal work, abuse and money. */
export const HEADLINE_INDICATORS: readonly IndicatorName[] = ['abroad', 'legal', 'irregular', 'employed_informal', 'wages_withheld', 'state_revenue'];

/**
 * The verdict on one setting's end-of-run difference from the first
 * setting. An interval needs two or more paired replicates; with fewer the
 * page says it cannot tell, rather than state a difference that may be chance.
 */
export function verdict(row: Pick<EndRow, 'diff' | 'diff_low' | 'diff_high' | 'n'>): Verdict {
  const noInterval = row.n < 2 || Number.isNaN(row.diff_low) || Number.isNaN(row.diff_high);
  if (row.diff === 0 && (noInterval || (row.diff_low === 0 && row.diff_high === 0))) return 'same';
  if (noInterval) return 'tooFew';
  if (row.diff_low > 0) return 'rose';
  if (row.diff_high < 0) return 'fell';
  return 'unclear';
}

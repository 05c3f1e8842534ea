import { compareOptions, summarise, type RunRecord } from '../../analysis/index.js';
import type { AutoReplicates } from '../scenario/index.js';

/** Why an automatic run stopped adding replicates. */
export type StopReason = 'precision' | 'cap' | 'time';

export interface PrecisionCheck {
  readonly met: boolean;
  /** The interval farthest from the precision asked for, for the report: "irregular under quota halved ±1.2% (asked ±5%)". */
  readonly widest?: { readonly option: string; readonly indicator: string; readonly relative: number };
}

/**
 * Whether every key difference is known closely enough: for each option
 * after the first and each indicator in `auto.precision`, the half-width of
 * the 95% interval of the paired difference is at most that indicator's
 * share times the absolute mean of the first option. With one option, its own
 * means' intervals are held to the same bound. An interval that cannot be
 * computed yet (fewer than two pairs) is not precise.
 */
export function checkPrecision(runs: readonly RunRecord[], options: readonly string[], auto: AutoReplicates): PrecisionCheck {
  let summary;
  let comparison;
  try {
    summary = summarise(runs, options);
    comparison = compareOptions(runs, options);
  } catch {
    // An option without runs (all failed so far) has no interval yet.
    return { met: false };
  }
  const level = new Map(summary.filter((row) => row.option === options[0]).map((row) => [row.indicator as string, Math.abs(row.mean)]));
  const rows = options.length > 1 ? comparison : summary.map((row) => ({ ...row, mean_diff: row.mean }));
  let met = true;
  let widest: PrecisionCheck['widest'];
  for (const row of rows) {
    const share = auto.precision[row.indicator];
    if (share === undefined) continue;
    const halfWidth = (row.ci_high - row.ci_low) / 2;
    const reference = level.get(row.indicator) ?? 0;
    // A difference that is exactly zero in every pair (an indicator the options cannot move) is known exactly.
    const relative = halfWidth === 0 ? 0 : reference > 0 ? halfWidth / reference : Infinity;
    if (!(relative <= share)) met = false;
    // The widest relative to what was asked of it.
    if (widest === undefined || !(relative / share <= widest.relative / auto.precision[widest.indicator])) widest = { option: row.option, indicator: row.indicator, relative: Number.isNaN(relative) ? Infinity : relative };
  }
  return { met, widest };
}

/** One sentence for the report and the terminal on how many replicates ran and why. */
export function describeStop(reason: StopReason, replicates: number, auto: AutoReplicates, check: PrecisionCheck, baseline: string): string {
  const percent = (share: number) => `${Number((share * 100).toPrecision(2))}%`;
  const shares = Object.entries(auto.precision);
  const same = shares.every(([, share]) => share === shares[0][1]);
  const asked = same
    ? `±${percent(shares[0][1])} of its level under ${baseline}`
    : `${shares.map(([name, share]) => `${name} ±${percent(share)}`).join(', ')} of their levels under ${baseline}`;
  const widest = check.widest && Number.isFinite(check.widest.relative)
    ? `; the widest, ${check.widest.indicator} under ${check.widest.option}, is ±${percent(check.widest.relative)}`
    : '';
  const head = `Replicates were chosen automatically (batches of ${auto.batch} per option, up to ${auto.max}): ${replicates} per option`;
  if (reason === 'precision') return `${head}, when every key difference (${shares.map(([name]) => name).join(', ')}) was known to within ${asked}${widest}.`;
  if (reason === 'cap') return `${head}, the most allowed, before every key difference was known to within ${asked}${widest}.`;
  return `${head}, when the time budget of ${auto.seconds} s of simulation ran out, before every key difference was known to within ${asked}${widest}. The reproduce command below fixes this count.`;
}

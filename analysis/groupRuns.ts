import type { RunRecord } from './runRecord.js';
import { checkTable } from './checkTable.js';

/**
 * Groups runs by option, in the order of `options`, each group sorted by
 * replicate index.
 *
 * Throws when an option is named twice, a run belongs to an option not in
 * the list, an option has no runs, a replicate index repeats within an
 * option, or the runs do not all cover the same number of weeks.
 *
 * Cost: O(r log r) for r runs.
 */
export function groupRuns(runs: readonly RunRecord[], options: readonly string[]): Map<string, RunRecord[]> {
  const groups = new Map<string, RunRecord[]>();
  for (const option of options) {
    if (groups.has(option)) {
      throw new Error(`groupRuns found option "${option}" listed twice`);
    }
    groups.set(option, []);
  }
  let weeks: number | undefined;
  for (const run of runs) {
    const group = groups.get(run.option);
    if (group === undefined) {
      throw new Error(`groupRuns found a run of option "${run.option}", which is not in the option list`);
    }
    checkTable(run.table);
    weeks ??= run.table.weeks;
    if (run.table.weeks !== weeks) {
      throw new Error('groupRuns requires every run to cover the same number of weeks');
    }
    group.push(run);
  }
  for (const [option, group] of groups) {
    if (group.length === 0) {
      throw new Error(`groupRuns found no runs for option "${option}"`);
    }
    group.sort((a, b) => a.replicate - b.replicate);
    for (let i = 1; i < group.length; i++) {
      if (group[i].replicate === group[i - 1].replicate) {
        throw new Error(`groupRuns found replicate ${group[i].replicate} of option "${option}" twice`);
      }
    }
  }
  return groups;
}

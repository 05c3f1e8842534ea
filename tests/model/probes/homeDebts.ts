import { Status } from '../../../sim/model/state/codes.js';
import type { Probe } from '../../helpers/probe.js';

/**
 * The debts owed at home (by people at home, from earlier trips), summed
 * over each week of the run: not an indicator, but a stock that the next
 * trips carry abroad (steadyStart.test.ts).
 */
export function debtsOwedAtHome(): Probe<number[]> {
  const weekly: number[] = [];
  return {
    onWeek(_week, _rows, world) {
      const m = world.migrants;
      let owed = 0;
      for (let i = 0; i < m.count; i++) if (m.status[i] === Status.AtHome) owed += m.debt[i];
      weekly.push(owed);
    },
    result: () => weekly,
  };
}

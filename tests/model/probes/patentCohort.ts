import { Permit, Status } from '../../../sim/model/state/codes.js';
import type { Probe } from '../../helpers/probe.js';

/**
 * Follows the migrants abroad holding a worker-tied permit (a patent) at
 * week 0: week by week, the share of those still abroad whose patent is
 * valid (null once none is abroad).
 */
export function patentCohort(): Probe<(number | null)[]> {
  const survival: (number | null)[] = [];
  let cohort: number[] = [];
  return {
    onWeek(week, _rows, world) {
      const m = world.migrants;
      if (week === 0) {
        for (let i = 0; i < m.count; i++) if (m.status[i] === Status.Abroad && m.permit[i] === Permit.WorkerTied) cohort.push(i);
      }
      // Those who went home are no longer at risk; count only those still abroad.
      cohort = cohort.filter((i) => m.status[i] === Status.Abroad || m.permit[i] === Permit.WorkerTied);
      const abroad = cohort.filter((i) => m.status[i] === Status.Abroad);
      const holding = abroad.filter((i) => m.permit[i] === Permit.WorkerTied && m.permitUntil[i] >= world.day).length;
      survival.push(abroad.length > 0 ? holding / abroad.length : null);
    },
    result: () => survival,
  };
}

import { Flag, NO_ONE, Permit, Registration, Status } from '../../../sim/model/state/codes.js';
import type { Probe } from '../../helpers/probe.js';

/** Whether quitting would cost worker i their legal status or their passport (as the choice to quit weighs it, rules/labourMarket.ts). */
function tiedBits(flags: number, permit: number): boolean {
  return ((flags & Flag.Legal) !== 0 && permit === Permit.EmployerTied) || (flags & Flag.PassportHeld) !== 0;
}

/** Weeks in which a worker owed wages could leave, and how many left their job (being still abroad and free), split by whether leaving cost them their status or passport. */
export interface LeavingOwed {
  readonly tiedAtRisk: number;
  readonly tiedLeft: number;
  readonly freeAtRisk: number;
  readonly freeLeft: number;
}

/**
 * Counts, week by week, workers owed wages at the end of one week and, of
 * them, those without a job at the end of the next while still abroad and
 * free (quits, and lay-offs, which fall on workers alike whatever they are
 * owed), separately for workers whose leaving would cost them their legal
 * status or their passport and for the others.
 */
export function leavingOwed(): Probe<LeavingOwed> {
  let owed = new Uint8Array(0);
  const counts = { tiedAtRisk: 0, tiedLeft: 0, freeAtRisk: 0, freeLeft: 0 };
  return {
    onWeek(week, _rows, world) {
      const m = world.migrants;
      if (week > 0) {
        for (let i = 0; i < m.count; i++) {
          if (owed[i] === 0) continue;
          const left = m.status[i] === Status.Abroad && m.employer[i] === NO_ONE;
          if (owed[i] === 2) {
            counts.tiedAtRisk++;
            if (left) counts.tiedLeft++;
          } else {
            counts.freeAtRisk++;
            if (left) counts.freeLeft++;
          }
        }
      }
      owed = new Uint8Array(m.count);
      for (let i = 0; i < m.count; i++) {
        if (m.status[i] !== Status.Abroad || m.employer[i] === NO_ONE || m.arrears[i] <= 0) continue;
        owed[i] = tiedBits(m.flags[i], m.permit[i]) ? 2 : 1;
      }
    },
    result: () => counts,
  };
}

/** The mean number of migrants abroad registered at a broker's "rubber" address, over weeks 1 to the end of the run. */
export function onRubberAddresses(): Probe<number> {
  let sum = 0;
  let weeks = 0;
  return {
    onWeek(week, _rows, world) {
      if (week === 0) return;
      const m = world.migrants;
      let count = 0;
      for (let i = 0; i < m.count; i++) if (m.status[i] === Status.Abroad && m.registration[i] === Registration.RubberAddress) count++;
      sum += count;
      weeks++;
    },
    result: () => sum / Math.max(1, weeks),
  };
}

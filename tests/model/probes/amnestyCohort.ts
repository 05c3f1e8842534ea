import { Flag, Permit, Status } from '../../../sim/model/state/codes.js';
import type { Probe } from '../../helpers/probe.js';

export interface AmnestyCohortArgs {
  /** The amnesty's validity in days, distinct from permit.validity_days so that its permits can be told apart. */
  readonly validityDays: number;
  /** The last week of the window (the cohort is complete after it). */
  readonly closeWeek: number;
  /** The week whose legal holders make the cohort followed: the week before the first amnesty status expires. */
  readonly heldWeek: number;
  /** The week their legal status is read again. */
  readonly laterWeek: number;
}

/**
 * Follows the migrants an employer-tied amnesty legalised (an employer-tied
 * permit issued in the week with the amnesty's validity): of those still
 * legal in heldWeek, the share of those still abroad in laterWeek who are
 * legal then (null if none is).
 */
export function amnestyCohort({ validityDays, closeWeek, heldWeek, laterWeek }: AmnestyCohortArgs): Probe<number | null> {
  const legalised = new Set<number>();
  let held: number[] = [];
  let share: number | null = null;
  return {
    onWeek(week, _rows, world) {
      const m = world.migrants;
      if (week <= closeWeek + 1) {
        for (let i = 0; i < m.count; i++) {
          const left = m.permitUntil[i] - world.day;
          // Issued during the last week with the amnesty's validity (a quota permit runs permit.validity_days).
          if (m.status[i] === Status.Abroad && m.permit[i] === Permit.EmployerTied && left > validityDays - 7 && left <= validityDays ) legalised.add(i);
        }
      }
      if (week === heldWeek) held = [...legalised].filter((i) => m.status[i] === Status.Abroad && m.flags[i] & Flag.Legal);
      if (week === laterWeek) {
        const abroad = held.filter((i) => m.status[i] === Status.Abroad);
        share = abroad.length > 0 ? abroad.filter((i) => m.flags[i] & Flag.Legal).length / abroad.length : null;
      }
    },
    result: () => share,
  };
}

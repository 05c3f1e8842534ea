/**
 * Employers' quota slots under `quota.mode: applications`, as a struct of
 * arrays. Slots come in two kinds, general and seasonal farm work (the
 * farm part of the quota, open only to origins with a farm agreement);
 * `kind` arrays hold both, at `2 × employer + kind`. Counts are in agents.
 */
export interface EmployerSlots {
  /** Slots the state granted the employer for the current quota year (whole agents). */
  readonly granted: Int32Array;
  /** Slots of this year used: permits issued or renewed against them. */
  readonly used: Int32Array;
  /** Slots the employer applied for this year (the state grants from these). */
  readonly applied: Float64Array;
  /** Slots applied for the next quota year, filed before it opens. */
  readonly pending: Float64Array;
  /** Slots the employer expected to need in the year it applied for (before weighing cost and willingness), this year and the next. */
  readonly expected: Float64Array;
  readonly pendingExpected: Float64Array;
  /** The quota year `pending` is for (NO_YEAR: none filed). */
  readonly pendingYear: Int32Array;
  /** Hires and renewals that needed a slot (whether or not one was left) since `needsSince`. */
  readonly needs: Float64Array;
  /** Week from which `needs` counts. */
  readonly needsSince: Int32Array;
  /** Hires and renewals that needed a slot in the current quota year. */
  readonly needsThisYear: Float64Array;
}

export const SlotKind = { General: 0, Farm: 1 } as const;
export const SLOT_KINDS = 2;
/** pendingYear of an employer that has filed nothing yet. */
export const NO_YEAR = -2_147_483_648;

export function createEmployerSlots(count: number): EmployerSlots {
  return {
    granted: new Int32Array(count * SLOT_KINDS),
    used: new Int32Array(count * SLOT_KINDS),
    applied: new Float64Array(count * SLOT_KINDS),
    pending: new Float64Array(count * SLOT_KINDS),
    expected: new Float64Array(count * SLOT_KINDS),
    pendingExpected: new Float64Array(count * SLOT_KINDS),
    pendingYear: new Int32Array(count).fill(NO_YEAR),
    needs: new Float64Array(count * SLOT_KINDS),
    needsSince: new Int32Array(count),
    needsThisYear: new Float64Array(count * SLOT_KINDS),
  };
}

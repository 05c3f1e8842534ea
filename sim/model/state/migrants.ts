/**
 * Migrants as a struct of arrays: one typed array per field, indexed by
 * agent id. The number of places is fixed and ids are stable: a person who
 * ages out of the pool of potential migrants hands their place to a
 * newcomer of the same village (rules/renewal.ts).
 */
export interface Migrants {
  readonly count: number;
  readonly origin: Uint8Array;
  readonly sector: Uint8Array;
  /** Village of origin (a network); its origin region is villageRegion[village]. */
  readonly village: Uint16Array;
  readonly status: Uint8Array;
  /** Destination region while abroad (its country: places.countryOf). */
  readonly region: Uint8Array;
  /** Country whose re-entry ban the migrant is under (valid while bannedUntil > day). */
  readonly bannedFrom: Uint8Array;
  /** What the migrant has lived through on earlier trips (Experience bits). */
  readonly experience: Uint8Array;
  readonly permit: Uint8Array;
  readonly registration: Uint8Array;
  readonly flags: Uint8Array;
  readonly unemployedWeeks: Uint16Array;
  readonly savings: Float64Array;
  readonly debt: Float64Array;
  readonly arrears: Float64Array;
  /** Earnings that end a stay (saved plus sent home on this trip), and what this trip has earned so far. */
  readonly target: Float32Array;
  readonly tripEarned: Float32Array;
  /** Traits: weight on expected sanctions (mean 1), planned stay in months, savings at home in months of home wage. */
  readonly riskAversion: Float32Array;
  readonly horizonMonths: Float32Array;
  readonly wealth: Float32Array;
  readonly wage: Float32Array;
  readonly employer: Int32Array;
  readonly permitEmployer: Int32Array;
  readonly broker: Int32Array;
  readonly arrivalDay: Int32Array;
  readonly registeredUntil: Int32Array;
  readonly permitUntil: Int32Array;
  readonly graceUntil: Int32Array;
  /** Next day a migrant at home weighs leaving. */
  readonly nextReviewDay: Int32Array;
  readonly bannedUntil: Int32Array;
  readonly detainedUntil: Int32Array;
  readonly brokerUntil: Int32Array;
  /** The broker who sold the migrant's fake document (valid while Flag.FakeDocument is set). */
  readonly fakeSeller: Int32Array;
  /** Day the person ages out of the pool of potential migrants (at home then, or on coming home). */
  readonly agesOutDay: Int32Array;
}

/** Allocates `count` migrants, all at home with no documents. */
export function createMigrants(count: number): Migrants {
  const m: Migrants = {
    count,
    origin: new Uint8Array(count),
    sector: new Uint8Array(count),
    village: new Uint16Array(count),
    status: new Uint8Array(count),
    region: new Uint8Array(count),
    bannedFrom: new Uint8Array(count),
    experience: new Uint8Array(count),
    permit: new Uint8Array(count),
    registration: new Uint8Array(count),
    flags: new Uint8Array(count),
    unemployedWeeks: new Uint16Array(count),
    savings: new Float64Array(count),
    debt: new Float64Array(count),
    arrears: new Float64Array(count),
    target: new Float32Array(count),
    tripEarned: new Float32Array(count),
    riskAversion: new Float32Array(count),
    horizonMonths: new Float32Array(count),
    wealth: new Float32Array(count),
    wage: new Float32Array(count),
    employer: new Int32Array(count).fill(-1),
    permitEmployer: new Int32Array(count).fill(-1),
    broker: new Int32Array(count).fill(-1),
    arrivalDay: new Int32Array(count),
    registeredUntil: new Int32Array(count),
    permitUntil: new Int32Array(count),
    graceUntil: new Int32Array(count),
    nextReviewDay: new Int32Array(count),
    bannedUntil: new Int32Array(count),
    detainedUntil: new Int32Array(count),
    brokerUntil: new Int32Array(count),
    fakeSeller: new Int32Array(count).fill(-1),
    agesOutDay: new Int32Array(count),
  };
  return m;
}

/** Bytes of state per migrant (the sum of one element of every array). */
export function bytesPerMigrant(m: Migrants): number {
  let bytes = 0;
  for (const value of Object.values(m)) {
    if (ArrayBuffer.isView(value)) bytes += (value as unknown as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT;
  }
  return bytes;
}

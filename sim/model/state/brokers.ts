/** Brokers ("бригадиры") as a struct of arrays, grouped by region. */
export interface Brokers {
  readonly count: number;
  readonly region: Uint8Array;
  /** 1 = pays the police for protection, so clients' cases end in a bribe. */
  readonly protectedByPolice: Uint8Array;
  /** Chance this broker takes a client's fee and delivers nothing. */
  readonly fraudRate: Float32Array;
  /** First of the employers the broker places workers with (ties are contiguous ids). */
  readonly tieStart: Int32Array;
  readonly tieCount: Int32Array;
  /** Money the broker holds (state/accounts.ts): fees and cuts in, protection bribes out. */
  readonly cash: Float64Array;
  /** Clients the broker can still take on this week. */
  readonly capacityLeft: Int32Array;
  /** First broker id of each region, and one past the last (length regions + 1). */
  readonly regionStart: Int32Array;
}

export function createBrokers(count: number, regions: number): Brokers {
  return {
    count,
    region: new Uint8Array(count),
    protectedByPolice: new Uint8Array(count),
    fraudRate: new Float32Array(count),
    tieStart: new Int32Array(count),
    tieCount: new Int32Array(count),
    cash: new Float64Array(count),
    capacityLeft: new Int32Array(count),
    regionStart: new Int32Array(regions + 1),
  };
}

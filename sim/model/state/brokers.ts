/** Brokers ("бригадиры") as a struct of arrays, grouped by region. */
export interface Brokers {
  readonly count: number;
  readonly region: Uint8Array;
  /** 1 = pays the police for protection, so clients' cases end in a bribe. */
  readonly protectedByPolice: Uint8Array;
  /** His inclination to defraud: the chance he would take a client's fee and deliver nothing if nothing held him back (trait). */
  readonly fraudRate: Float32Array;
  /** His chance this week of defrauding a client: his inclination, held back by his reputation and by enforcement (rules/brokerConduct.ts). */
  readonly fraud: Float32Array;
  /** What the villages that know him believe of his cheating, on average (NaN: no village knows him); set by rules/brokerConduct.ts. */
  readonly reputation: Float32Array;
  /** How easily the police find his fake documents out, as a factor on police.fake_detection (trait). */
  readonly fakeFactor: Float32Array;
  /** First of the employers the broker places workers with (ties are contiguous ids). */
  readonly tieStart: Int32Array;
  readonly tieCount: Int32Array;
  /** Money the broker holds (state/accounts.ts): fees, cuts and sales in, fines and protection bribes out. */
  readonly cash: Float64Array;
  /** Clients the broker can still take on this week. */
  readonly capacityLeft: Int32Array;
  /** Workers still to recruit this week for an employer's group order, and that employer (rules/groupRecruitment.ts). */
  readonly orderLeft: Int32Array;
  readonly orderEmployer: Int32Array;
  /** First broker id of each region, and one past the last (length regions + 1). */
  readonly regionStart: Int32Array;
}

export function createBrokers(count: number, regions: number): Brokers {
  return {
    count,
    region: new Uint8Array(count),
    protectedByPolice: new Uint8Array(count),
    fraudRate: new Float32Array(count),
    fraud: new Float32Array(count),
    reputation: new Float32Array(count).fill(NaN),
    fakeFactor: new Float32Array(count).fill(1),
    tieStart: new Int32Array(count),
    tieCount: new Int32Array(count),
    cash: new Float64Array(count),
    capacityLeft: new Int32Array(count),
    orderLeft: new Int32Array(count),
    orderEmployer: new Int32Array(count).fill(-1),
    regionStart: new Int32Array(regions + 1),
  };
}

/** Employers as a struct of arrays, grouped by region (ids of a region are contiguous). */
export interface Employers {
  readonly count: number;
  readonly region: Uint8Array;
  readonly sector: Uint8Array;
  /** Jobs at the peak of the employer's demand. */
  readonly jobs: Int32Array;
  /** Migrants currently employed. */
  readonly workers: Int32Array;
  /**
   * The employer's inclination to formality, a standard logistic draw made
   * at creation: how far its propensity to hire formally stands from that of
   * the median employer (decisions/formality.ts).
   */
  readonly attitude: Float32Array;
  /** 1 = withholds wages and retains passports of vulnerable workers. */
  readonly abusive: Uint8Array;
  /** Day from which the employer has passed the labour-market test (before its first employer-tied hire of the run). */
  readonly labourTestDoneDay: Int32Array;
  /**
   * Farm employers' own season: how early (−1) or late (+1) in the spread
   * of labour.season_spread_weeks around 1 April it starts, and around
   * 1 November it ends. Traits drawn at creation.
   */
  readonly seasonStartShift: Float32Array;
  readonly seasonEndShift: Float32Array;
  /** Jobs offered this week: its peak jobs, or fewer out of a farm's season or after a fall in the country's jobs (set weekly by setDemand). */
  readonly demand: Int32Array;
  /** Raided this week (set by enforcement, read by the same step). */
  readonly raided: Uint8Array;
  /** How often the employer believes an informal worker brings a case against it (cases per informal worker and month), learnt from its own fines and its peers' cases (rules/employerLearning.ts). */
  readonly caseRate: Float64Array;
  /** What the employer believes a case against it costs (a fine or a bribe), learnt from its own cases and its peers' (rules/employerLearning.ts). */
  readonly caseCost: Float64Array;
  /** This week's news: informal workers counted, cases against the employer (ended in a fine, or in a bribe) and what they cost it. */
  readonly newsInformal: Int32Array;
  readonly newsFines: Int32Array;
  readonly newsBribes: Int32Array;
  readonly newsCaseCost: Float64Array;
  /** Money the employer holds (state/accounts.ts): sales in, wages, fees, fines and bribes out. */
  readonly cash: Float64Array;
  /** First employer id of each region, and one past the last (length regions + 1). */
  readonly regionStart: Int32Array;
  /** Employer ids of each region and sector: bySector[region * sectors + sector]. */
  readonly bySector: Int32Array[];
}

export function createEmployers(count: number, regions: number): Omit<Employers, 'bySector'> {
  return {
    count,
    region: new Uint8Array(count),
    sector: new Uint8Array(count),
    jobs: new Int32Array(count),
    workers: new Int32Array(count),
    attitude: new Float32Array(count),
    abusive: new Uint8Array(count),
    labourTestDoneDay: new Int32Array(count),
    seasonStartShift: new Float32Array(count),
    seasonEndShift: new Float32Array(count),
    demand: new Int32Array(count),
    raided: new Uint8Array(count),
    caseRate: new Float64Array(count),
    caseCost: new Float64Array(count),
    newsInformal: new Int32Array(count),
    newsFines: new Int32Array(count),
    newsBribes: new Int32Array(count),
    newsCaseCost: new Float64Array(count),
    cash: new Float64Array(count),
    regionStart: new Int32Array(regions + 1),
  };
}

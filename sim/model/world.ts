import { INDICATORS } from './indicators.js';
import { compileParams, type ModelParams } from './params/compileParams.js';
import type { ParamValues } from './params/paramDef.js';
import { AGRICULTURE, ORIGINS, REGIONS, SECTORS } from './params/places.js';
import { createStream, cumulate, drawIndex, type Rng } from './random.js';
import { createBrokers, type Brokers } from './state/brokers.js';
import { Flag, NEVER } from './state/codes.js';
import { createEmployers, type Employers } from './state/employers.js';
import { createMigrants, type Migrants } from './state/migrants.js';
import { createLedger } from './state/ledger.js';
import { DAYS_PER_WEEK } from './time.js';

/** The yearly quota as the state administers it, in agents. */
export interface QuotaBook {
  /** Cap of the current year in agents (NaN: no quota). */
  cap: number;
  /** Cap in real permits as reported in the `quota` indicator (NaN: none). */
  capReported: number;
  /** Per-region caps for non-farm and farm permits (length regions). */
  readonly regionCap: Float64Array;
  readonly regionFarmCap: Float64Array;
  readonly regionIssued: Float64Array;
  readonly regionFarmIssued: Float64Array;
}

/** The model's whole state; rules read and change it, the loop owns the clock. */
export interface World {
  params: ModelParams;
  readonly migrants: Migrants;
  readonly employers: Employers;
  readonly brokers: Brokers;
  readonly quota: QuotaBook;
  /** Whether this week is in the farm season, and farm demand relative to its peak (1 in season). */
  inSeason: boolean;
  farmDemand: number;
  /** Migrants of each village abroad, for network effects. */
  readonly villageAbroad: Int32Array;
  readonly villageSize: Int32Array;
  /** Flows of the current week by indicator column, in agents or money per person. */
  readonly flows: Float64Array;
  /** Money accounts of migrants abroad (state/ledger.ts). */
  readonly ledger: Float64Array;
  /** Expected weekly departure chance per origin, set by the policy step. */
  readonly departureChance: Float64Array;
  /** Share of migrants abroad last week who were employed and who were irregular. */
  lastEmploymentRate: number;
  lastIrregularShare: number;
  /** Current day and week; negative during burn-in. */
  day: number;
  week: number;
  /** Week of the horizon at which the current quota year started. */
  quotaYearStart: number;
  readonly rng: {
    readonly departures: Rng;
    readonly paperwork: Rng;
    readonly market: Rng;
    readonly upkeep: Rng;
    readonly enforcement: Rng;
    readonly money: Rng;
    readonly returns: Rng;
  };
}

/**
 * Builds the initial world of one replicate: employers and brokers per
 * region, migrants at home, and a share of them already abroad.
 * Draws come from the replicate seed only, so every option of a scenario
 * starts from the same world when its initial parameters agree.
 */
export function createWorld(values: ParamValues, seed: string, startWeek: number): World {
  const params = compileParams(values);
  const init = createStream(seed, 'init');
  const agents = Math.max(1, Math.round(params.population / params.scale));
  const migrants = createMigrants(agents);
  const originCum = cumulate(params.originShare);
  const sectorCum = cumulate(params.sectorShare);
  const villageSize = new Int32Array(params.villages);
  for (let i = 0; i < agents; i++) {
    const origin = drawIndex(init, originCum);
    migrants.origin[i] = origin;
    migrants.sector[i] = drawIndex(init, sectorCum);
    const village = Math.floor(init() * params.villages);
    migrants.village[i] = village;
    villageSize[village]++;
    if (init() < params.russianSpeakers[origin]) migrants.flags[i] |= Flag.RussianSpeaker;
    migrants.bannedUntil[i] = NEVER;
    migrants.registeredUntil[i] = NEVER;
    migrants.permitUntil[i] = NEVER;
    migrants.graceUntil[i] = NEVER;
  }

  const employers = buildEmployers(params, agents, init, startWeek * DAYS_PER_WEEK);
  const brokers = buildBrokers(params, employers, init);
  const regions = REGIONS.length;
  const world: World = {
    params,
    migrants,
    employers,
    brokers,
    quota: {
      cap: NaN,
      capReported: NaN,
      regionCap: new Float64Array(regions),
      regionFarmCap: new Float64Array(regions),
      regionIssued: new Float64Array(regions),
      regionFarmIssued: new Float64Array(regions),
    },
    inSeason: true,
    farmDemand: 1,
    villageAbroad: new Int32Array(params.villages),
    villageSize,
    flows: new Float64Array(INDICATORS.length),
    ledger: createLedger(),
    departureChance: new Float64Array(ORIGINS.length),
    lastEmploymentRate: 0.8,
    lastIrregularShare: 0.3,
    day: startWeek * DAYS_PER_WEEK,
    week: startWeek,
    quotaYearStart: startWeek,
    rng: {
      departures: createStream(seed, 'departures'),
      paperwork: createStream(seed, 'paperwork'),
      market: createStream(seed, 'market'),
      upkeep: createStream(seed, 'upkeep'),
      enforcement: createStream(seed, 'enforcement'),
      money: createStream(seed, 'money'),
      returns: createStream(seed, 'returns'),
    },
  };
  return world;
}

function buildEmployers(params: ModelParams, agents: number, rng: Rng, today: number): Employers {
  const regions = REGIONS.length;
  const sectors = SECTORS.length;
  const totalJobs = agents * params.jobsPerPotentialMigrant;
  const jobShareSum = params.regionJobsShare.reduce((a, b) => a + b, 0) || 1;
  const perRegion = Array.from(REGIONS, (_, r) =>
    params.regionJobsShare[r] > 0 ? Math.max(1, Math.round((totalJobs * params.regionJobsShare[r]) / jobShareSum / params.employerSize)) : 0,
  );
  const count = perRegion.reduce((a, b) => a + b, 0);
  const base = createEmployers(count, regions);
  const sectorCum = cumulate(params.sectorShare);
  const lists: number[][] = Array.from({ length: regions * sectors }, () => []);
  let id = 0;
  for (let r = 0; r < regions; r++) {
    base.regionStart[r] = id;
    for (let k = 0; k < perRegion[r]; k++, id++) {
      const sector = drawIndex(rng, sectorCum);
      base.region[id] = r;
      base.sector[id] = sector;
      // Sizes vary ±50% around the mean so that some firms are small.
      base.jobs[id] = Math.max(1, Math.round(params.employerSize * (0.5 + rng())));
      base.compliant[id] = rng() < params.compliantShare ? 1 : 0;
      base.abusive[id] = rng() < params.abusiveShare ? 1 : 0;
      base.labourTestDoneDay[id] = sector === AGRICULTURE ? today : today + params.labourTestWeeks * DAYS_PER_WEEK;
      lists[r * sectors + sector].push(id);
    }
  }
  base.regionStart[regions] = id;
  return { ...base, bySector: lists.map((l) => Int32Array.from(l)) };
}

function buildBrokers(params: ModelParams, employers: Employers, rng: Rng): Brokers {
  const regions = REGIONS.length;
  const perRegion = Array.from(REGIONS, (_, r) => {
    const first = employers.regionStart[r];
    const last = employers.regionStart[r + 1];
    let jobs = 0;
    for (let e = first; e < last; e++) jobs += employers.jobs[e];
    return last > first ? Math.max(1, Math.round(jobs / params.jobsPerBroker)) : 0;
  });
  const brokers = createBrokers(perRegion.reduce((a, b) => a + b, 0), regions);
  let id = 0;
  for (let r = 0; r < regions; r++) {
    brokers.regionStart[r] = id;
    const first = employers.regionStart[r];
    const inRegion = employers.regionStart[r + 1] - first;
    for (let k = 0; k < perRegion[r]; k++, id++) {
      brokers.region[id] = r;
      brokers.protectedByPolice[id] = rng() < params.brokerProtectionShare ? 1 : 0;
      const ties = Math.min(params.brokerEmployerTies, inRegion);
      brokers.tieStart[id] = first + Math.floor(rng() * (inRegion - ties + 1));
      brokers.tieCount[id] = ties;
    }
  }
  brokers.regionStart[regions] = id;
  return brokers;
}

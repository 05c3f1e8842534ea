import { createBeliefs, type Beliefs } from './state/beliefs.js';
import { setDemand } from './rules/labourDemand.js';
import { INDICATORS } from './indicators.js';
import { placesOfValues } from './params/catalogue.js';
import { compileParams, type ModelParams } from './params/compileParams.js';
import type { ParamValues } from './params/paramDef.js';
import { AGRICULTURE, DEFAULT_PLACES, SECTORS, type PlacesSpec } from './params/places.js';
import { createStream, cumulate, drawIndex, type Rng } from './random.js';
import { drawTraits, initialAgesOutDay, sectorWeights } from './actions/newcomer.js';
import { createBrokers, type Brokers } from './state/brokers.js';
import { NEVER } from './state/codes.js';
import { createEmployers, type Employers } from './state/employers.js';
import { createEmployerSlots, SlotKind, SLOT_KINDS, type EmployerSlots } from './state/employerSlots.js';
import { createMigrants, type Migrants } from './state/migrants.js';
import { createPolice, officersPerJob, unitCorruptionLogOdds, type PoliceUnits } from './state/police.js';
import { logistic } from './decisions/logit.js';
import { createAccounts, type Accounts } from './state/accounts.js';
import { createEconomy, type Economy } from './state/economy.js';
import { startBusinessCycle } from './rules/businessCycle.js';
import { UNTRACED, type TraceEvent } from './state/trace.js';
import { createVillages, type Villages } from './state/villages.js';
import { DAYS_PER_WEEK, WEEKS_PER_MONTH, WEEKS_PER_YEAR, yearOfWeek, yearStartWeek } from './time.js';

/**
 * A destination country's yearly quota as the state administers it, in
 * agents (one agent's permit is `scale` real permits, so every cap is a
 * whole number of agents). Under `quota.mode: fixed` the regions' books
 * are the caps; under `applications` the caps are the sums of the slots
 * granted to the region's employers (state/employerSlots.ts).
 */
export interface QuotaBook {
  /** Permits that can be issued this year in agents: the regions' books, or the slots granted to employers (NaN: no quota). */
  cap: number;
  /** The quota in force in real permits, as reported in the `quota` indicator: quota.annual where set, else the slots granted ÷ quota.low_skill_share (NaN: none). */
  capReported: number;
  /** Per-region caps for non-farm and farm permits, over all regions (a country's book uses its own regions). */
  readonly regionCap: Float64Array;
  readonly regionFarmCap: Float64Array;
  readonly regionIssued: Float64Array;
  readonly regionFarmIssued: Float64Array;
  /** The quota year whose applications employers' slots were granted from (NaN: none; quota.mode applications). */
  applicationsYear: number;
}

/** The model's whole state; rules read and change it, the loop owns the clock. */
export interface World {
  params: ModelParams;
  readonly migrants: Migrants;
  readonly employers: Employers;
  /** Employers' quota slots (quota.mode applications). */
  readonly slots: EmployerSlots;
  /** Each destination country's labour.jobs_per_potential_migrant when the world was built: employers' jobs are sized to it. */
  readonly jobsAtStart: Float64Array;
  readonly brokers: Brokers;
  /** The police units, one or more per destination region (state/police.ts). */
  readonly police: PoliceUnits;
  readonly villages: Villages;
  /** What each village believes of each destination region (state/beliefs.ts). */
  readonly beliefs: Beliefs;
  /** One quota book per destination country. */
  readonly quota: QuotaBook[];
  /** Demand and wages of the destination regions' labour markets (state/economy.ts). */
  readonly economy: Economy;
  /** Flows of the current week per destination country: flows[country * INDICATORS.length + column]. */
  readonly flows: Float64Array;
  /** Accounts of police, states, homes and economies, and the totals of every kind of payment (state/accounts.ts). */
  readonly accounts: Accounts;
  /** The agent whose events the rules record in `trace` (UNTRACED: nobody), set by simulate at week 0. */
  tracedAgent: number;
  /** Events of the traced agent, in the order they happened (state/trace.ts). */
  readonly trace: TraceEvent[];
  /** Current day and week; negative during burn-in. */
  day: number;
  week: number;
  /** Week of the horizon at which the current quota year started, and the week the next one starts. */
  quotaYearStart: number;
  quotaYearEnd: number;
  readonly rng: {
    readonly decisions: Rng;
    readonly paperwork: Rng;
    readonly market: Rng;
    readonly upkeep: Rng;
    readonly enforcement: Rng;
    readonly money: Rng;
    readonly returns: Rng;
    readonly debts: Rng;
    readonly economy: Rng;
    /** Brokers' own conduct: choosing a broker, group orders and calls, selling on, fraud, fakes' quality and reports. */
    readonly brokers: Rng;
    /** Ages at the start, and newcomers' traits and first review (rules/renewal.ts). */
    readonly renewal: Rng;
  };
}

/**
 * Builds the initial world of one replicate: villages in origin regions,
 * migrants with their traits, and employers and brokers per destination
 * region. Draws come from the replicate seed only, so every option of a
 * scenario starts from the same world when its initial parameters agree.
 */
export function createWorld(values: ParamValues, seed: string, startWeek: number, places: PlacesSpec = placesOfValues(values) ?? DEFAULT_PLACES): World {
  const params = compileParams(values, places);
  const g = params.g;
  const init = createStream(seed, 'init');
  const agents = Math.max(1, Math.round(g.populationPotentialMigrants / g.scale));
  const villages = createVillages(params);
  const migrants = createMigrants(agents);
  const regionWeight = params.originRegion.map((r, k) => r.share * originShare(params, params.places.originOf[k]));
  const regionCum = cumulate(regionWeight);
  const sectors = sectorWeights(params);
  // Ages have a stream of their own, so that the world's other draws do not depend on them.
  const renewal = createStream(seed, 'renewal');
  const today = startWeek * DAYS_PER_WEEK;
  for (let i = 0; i < agents; i++) {
    const originRegion = drawIndex(init, regionCum);
    const v = villages.first[originRegion] + Math.floor(init() * villages.count[originRegion]);
    migrants.origin[i] = params.places.originOf[originRegion];
    migrants.village[i] = v;
    villages.size[v]++;
    drawTraits(params, migrants, i, init, sectors);
    migrants.agesOutDay[i] = initialAgesOutDay(params, today, renewal);
    migrants.bannedUntil[i] = NEVER;
    migrants.registeredUntil[i] = NEVER;
    migrants.permitUntil[i] = NEVER;
    migrants.graceUntil[i] = NEVER;
  }

  const employers = buildEmployers(params, agents, init, today);
  const slots = createEmployerSlots(employers.count);
  // Before any record of its own, an employer expects to need a slot for each of its jobs in a year.
  for (let e = 0; e < employers.count; e++) {
    slots.needs[e * SLOT_KINDS + SlotKind.General] = employers.jobs[e];
    slots.needsSince[e] = startWeek - WEEKS_PER_YEAR;
  }
  const brokers = buildBrokers(params, employers, init);
  const police = createPolice(params, employers, createStream(seed, 'police'));
  startCaseCosts(params, employers, police);
  const regions = params.places.regions.length;
  const countries = params.places.destinations.length;
  const economy = createEconomy(countries, regions, SECTORS.length);
  const economyStream = createStream(seed, 'economy');
  startBusinessCycle(economy, params, economyStream);
  const world: World = {
    params,
    migrants,
    employers,
    slots,
    jobsAtStart: Float64Array.from(params.dest, (d) => d.labourJobsPerPotentialMigrant),
    brokers,
    police,
    villages,
    economy,
    beliefs: createBeliefs(params, villages.originRegion.length),
    quota: Array.from({ length: countries }, () => ({
      cap: NaN,
      capReported: NaN,
      regionCap: new Float64Array(regions),
      regionFarmCap: new Float64Array(regions),
      regionIssued: new Float64Array(regions),
      regionFarmIssued: new Float64Array(regions),
      applicationsYear: NaN,
    })),
    flows: new Float64Array(countries * INDICATORS.length),
    accounts: createAccounts({ savings: migrants.savings, employerCash: employers.cash, brokerCash: brokers.cash }, police.count, countries, params.places.origins.length),
    tracedAgent: UNTRACED,
    trace: [],
    day: startWeek * DAYS_PER_WEEK,
    week: startWeek,
    quotaYearStart: startWeek,
    quotaYearEnd: yearStartWeek(yearOfWeek(startWeek) + 1),
    rng: {
      decisions: createStream(seed, 'decisions'),
      paperwork: createStream(seed, 'paperwork'),
      market: createStream(seed, 'market'),
      upkeep: createStream(seed, 'upkeep'),
      enforcement: createStream(seed, 'enforcement'),
      money: createStream(seed, 'money'),
      returns: createStream(seed, 'returns'),
      debts: createStream(seed, 'debts'),
      economy: economyStream,
      brokers: createStream(seed, 'brokers'),
      renewal,
    },
  };
  // The jobs offered in the first week (farms out of season in winter).
  setDemand(world);
  return world;
}

function originShare(params: ModelParams, origin: number): number {
  const total = params.origin.reduce((a, o) => a + o.share, 0) || 1;
  const regionsOf = params.originRegion.filter((_, k) => params.places.originOf[k] === origin);
  const regionTotal = regionsOf.reduce((a, r) => a + r.share, 0) || 1;
  return params.origin[origin].share / total / regionTotal;
}

/** Jobs of each region: the country's jobs per potential migrant, split by the regions' weights. */
function regionJobs(params: ModelParams, agents: number): number[] {
  const { places } = params;
  return places.regions.map((_, r) => {
    const c = places.countryOf[r];
    let weights = 0;
    for (let k = places.countryStart[c]; k < places.countryStart[c + 1]; k++) weights += params.region[k].jobsShare;
    return weights > 0 ? (agents * params.dest[c].labourJobsPerPotentialMigrant * params.region[r].jobsShare) / weights : 0;
  });
}

function buildEmployers(params: ModelParams, agents: number, rng: Rng, today: number): Employers {
  const { places, g } = params;
  const regions = places.regions.length;
  const sectors = SECTORS.length;
  const jobs = regionJobs(params, agents);
  const perRegion = jobs.map((j) => (j > 0 ? Math.max(1, Math.round(j / g.labourEmployerSize)) : 0));
  const count = perRegion.reduce((a, b) => a + b, 0);
  const base = createEmployers(count, regions);
  const lists: number[][] = Array.from({ length: regions * sectors }, () => []);
  let id = 0;
  for (let r = 0; r < regions; r++) {
    const d = params.dest[places.countryOf[r]];
    const sectorCum = cumulate(d.sectorShare);
    base.regionStart[r] = id;
    for (let k = 0; k < perRegion[r]; k++, id++) {
      const sector = drawIndex(rng, sectorCum);
      base.region[id] = r;
      base.sector[id] = sector;
      // Sizes vary ±50% around the mean so that some firms are small.
      base.jobs[id] = Math.max(1, Math.round(g.labourEmployerSize * (0.5 + rng())));
      // A standard logistic draw: employers' inclinations to formality spread around the median's (decisions/formality.ts).
      const u = rng();
      base.attitude[id] = Math.log((u + 1e-9) / (1 - u + 1e-9));
      base.abusive[id] = rng() < d.employerAbusiveShare ? 1 : 0;
      // Before any news, employers expect informal workers to be found as often as the police units' raids would find
      // them at an employer of average size (what a case costs them: startCaseCosts, once their units exist).
      base.caseRate[id] = Math.min(1, officersPerJob(d) * d.policeRaidShare * d.policeRaidsPerOfficerWeekly * g.labourEmployerSize) * d.policeDetection * WEEKS_PER_MONTH;
      base.labourTestDoneDay[id] = sector === AGRICULTURE ? today : today + d.employerLabourTestWeeks * DAYS_PER_WEEK;
      // Where in the spread of farm seasons this employer starts and ends (used by farms only).
      base.seasonStartShift[id] = 2 * rng() - 1;
      base.seasonEndShift[id] = 2 * rng() - 1;
      lists[r * sectors + sector].push(id);
    }
  }
  base.regionStart[regions] = id;
  // Added to the record as built (not spread into a new one), so every world's employers share one shape.
  return Object.assign(base, { bySector: lists.map((l) => Int32Array.from(l)) });
}

/**
 * Employers start expecting what a case has cost employers under their
 * police unit, as a history longer than the burn-in would have taught them
 * (as migrants' bans and experience are back-dated): the unit settles a
 * raid's case with a bribe of police.bribe × police.employer_bribe_factor
 * as often as it is corrupt when on target, and fines employer.fine
 * otherwise. Started at the fine on paper, the belief kept falling for 15
 * years after the burn-in (ODD, section 5). The rarer, cheaper release
 * bribes of buy-backs are left to learning.
 */
function startCaseCosts(params: ModelParams, employers: Employers, police: PoliceUnits): void {
  for (let e = 0; e < employers.count; e++) {
    const d = params.dest[params.places.countryOf[employers.region[e]]];
    const bribed = logistic(unitCorruptionLogOdds(d, police.corruptionDraw[police.unitOfEmployer[e]]));
    employers.caseCost[e] = bribed * d.policeBribe * d.policeEmployerBribeFactor + (1 - bribed) * d.employerFine;
  }
}

function buildBrokers(params: ModelParams, employers: Employers, rng: Rng): Brokers {
  const g = params.g;
  const regions = params.places.regions.length;
  const perRegion = Array.from({ length: regions }, (_, r) => {
    const first = employers.regionStart[r];
    const last = employers.regionStart[r + 1];
    let jobs = 0;
    for (let e = first; e < last; e++) jobs += employers.jobs[e];
    return last > first ? Math.max(1, Math.round(jobs / g.brokerJobsPerBroker)) : 0;
  });
  const brokers = createBrokers(perRegion.reduce((a, b) => a + b, 0), regions);
  let id = 0;
  for (let r = 0; r < regions; r++) {
    brokers.regionStart[r] = id;
    const first = employers.regionStart[r];
    const inRegion = employers.regionStart[r + 1] - first;
    for (let k = 0; k < perRegion[r]; k++, id++) {
      brokers.region[id] = r;
      brokers.protectedByPolice[id] = rng() < g.brokerProtectionShare ? 1 : 0;
      brokers.fraudRate[id] = g.brokerFraudRate;
      brokers.fraud[id] = g.brokerFraudRate;
      // How good his fakes are: police.fake_detection × U(1 − spread, 1 + spread).
      brokers.fakeFactor[id] = 1 + g.brokerFakeQualitySpread * (2 * rng() - 1);
      const ties = Math.min(g.brokerEmployerTies, inRegion);
      brokers.tieStart[id] = first + Math.floor(rng() * (inRegion - ties + 1));
      brokers.tieCount[id] = ties;
    }
  }
  brokers.regionStart[regions] = id;
  return brokers;
}

/** Sets the clock to the start of `week` (day 7 × week); only the loops that run weeks call it. */
export function setClock(world: World, week: number): void {
  world.week = week;
  world.day = week * DAYS_PER_WEEK;
}

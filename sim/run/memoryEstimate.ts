import { freemem } from 'node:os';
import { INDICATORS } from '../model/indicators.js';
import { agentCount } from '../model/params/agentCount.js';
import { bytesPerMigrant, createMigrants } from '../model/state/migrants.js';
import { horizonWeeks } from '../model/time.js';
import type { ResolvedScenario } from '../scenario/index.js';

/** A worker thread's own cost (its V8 isolate and the model's code), measured at about 30 MB, with room. */
const WORKER_BYTES = 60e6;
/** Migrant arrays are most of a world; employers, brokers, ledgers and scratch are allowed as much again. */
const WORLD_PER_MIGRANT_FACTOR = 2;
/** Indices into the migrant arrays are 32-bit. */
const MAX_AGENTS = 2 ** 31 - 1;

export interface MemoryEstimate {
  /** Agents of the largest option. */
  readonly agents: number;
  /** Bytes one worker needs for one run. */
  readonly perWorker: number;
  /** Bytes of the indicator tables the main thread keeps for every run. */
  readonly tables: number;
}

/** Bytes a run of `scenario` needs, from the agent count and the model's bytes per migrant, before anything is allocated. */
export function estimateMemory(scenario: ResolvedScenario, runs: number): MemoryEstimate {
  const agents = Math.max(...scenario.options.map((o) => agentCount(o.params)));
  const perMigrant = bytesPerMigrant(createMigrants(0)) * WORLD_PER_MIGRANT_FACTOR;
  return {
    agents,
    perWorker: WORKER_BYTES + agents * perMigrant,
    tables: runs * (horizonWeeks(scenario.years) + 1) * INDICATORS.length * Float64Array.BYTES_PER_ELEMENT,
  };
}

/** Refused before the run: too big for this machine's memory at any worker count. */
export class TooBig extends Error {}

/**
 * The number of workers whose runs fit in the memory free now (at most
 * `wanted`); throws TooBig, with the estimate, when not even one fits.
 */
export function workersThatFit(estimate: MemoryEstimate, wanted: number, available = freemem()): number {
  const mb = (bytes: number) => `${Math.ceil(bytes / 1e6)} MB`;
  if (estimate.agents > MAX_AGENTS) {
    throw new TooBig(`the scenario needs ${estimate.agents} agents, more than the ${MAX_AGENTS} one run can hold; raise scale (people per agent)`);
  }
  const room = available - estimate.tables;
  const fit = Math.floor(room / estimate.perWorker);
  if (fit < 1) {
    throw new TooBig(
      `a run of ${estimate.agents} agents needs about ${mb(estimate.perWorker + estimate.tables)} of memory and ${mb(available)} is free; ` +
        'raise scale (people per agent) or lower the population',
    );
  }
  return Math.min(wanted, fit);
}

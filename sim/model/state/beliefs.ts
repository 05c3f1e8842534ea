import type { ModelParams } from '../params/compileParams.js';
import { WEEKS_PER_MONTH } from '../time.js';
import { createBrokerBeliefs, type BrokerBeliefs } from './brokerBeliefs.js';
import { NEVER } from './codes.js';
import { officersPerJob, streetCheckChance } from './police.js';

/**
 * What each village believes about each destination region, indexed
 * `village * regions + region`: the chance of being in work, the monthly
 * chance of a police check, and the chance a broker there defrauds a client
 * (of a broker the village does not know by name: `brokers` holds what it
 * believes of those it has dealt with). Beliefs move with the news of the
 * village's own migrants and returnees (rules/learning.ts); `news` collects
 * one week's observations.
 */
export interface Beliefs {
  readonly job: Float32Array;
  readonly check: Float32Array;
  readonly fraud: Float32Array;
  readonly brokers: BrokerBeliefs;
  /**
   * What a member of each village expects of a broker in each region, as
   * last worked out from `fraud` and `brokers` (decisions/brokerChoice.ts):
   * derived, and good only for the day, the parameters and the village's
   * count of brokers known by name it was worked out with.
   */
  readonly letDownMemo: LetDownMemo;
  readonly news: {
    readonly present: Int32Array;
    readonly employed: Int32Array;
    readonly checked: Int32Array;
    readonly clients: Int32Array;
    readonly defrauded: Int32Array;
  };
}

export interface LetDownMemo {
  readonly value: Float64Array;
  readonly day: Int32Array;
  readonly names: Int32Array;
  params: ModelParams;
}

/** Initial beliefs: work is likely, checks as frequent as the police's staff would make them with one migrant per job, fraud as frequent as on paper. */
export function createBeliefs(params: ModelParams, villages: number): Beliefs {
  const regions = params.places.regions.length;
  const n = villages * regions;
  const job = new Float32Array(n).fill(0.8);
  const check = new Float32Array(n);
  for (let v = 0; v < villages; v++) {
    for (let r = 0; r < regions; r++) {
      const d = params.dest[params.places.countryOf[r]];
      // The street checks the region's police unit would make with one migrant per job.
      const streetOfficersPerJob = officersPerJob(d) * (1 - d.policeRaidShare);
      check[v * regions + r] = Math.min(1, streetCheckChance(streetOfficersPerJob, 1, d.policeEncountersWeekly, d.policeChecksPerOfficerWeekly) * WEEKS_PER_MONTH);
    }
  }
  return {
    job,
    check,
    fraud: new Float32Array(n).fill(params.g.brokerFraudRate),
    brokers: createBrokerBeliefs(villages),
    letDownMemo: { value: new Float64Array(n), day: new Int32Array(n).fill(NEVER), names: new Int32Array(n), params },
    news: {
      present: new Int32Array(n),
      employed: new Int32Array(n),
      checked: new Int32Array(n),
      clients: new Int32Array(n),
      defrauded: new Int32Array(n),
    },
  };
}

/** Clears the week's news, once the villages have learnt from it (or when a count must not feed it). */
export function clearNews(beliefs: Beliefs): void {
  const news = beliefs.news;
  news.present.fill(0);
  news.employed.fill(0);
  news.checked.fill(0);
  news.clients.fill(0);
  news.defrauded.fill(0);
}

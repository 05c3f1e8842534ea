import { destinationUtilities } from '../../../sim/model/decisions/destinationChoice.js';
import { Experience, Status } from '../../../sim/model/state/codes.js';
import { DAYS_PER_WEEK } from '../../../sim/model/time.js';
import type { Probe } from '../../helpers/probe.js';

/** A fraud wave: the first broker of the first region defrauds every client in weeks from–to; broker use is read in week `read`. */
export interface FraudWave {
  readonly wave: boolean;
  readonly from: number;
  readonly to: number;
  readonly read: number;
}

/** By village: the chance of choosing a broker summed over those at home who would go, and how many they are (read at week `read`). */
export interface BrokerUse {
  /** Villages with a migrant defrauded by the wave (none without a wave). */
  readonly victimVillages: number[];
  readonly chanceSum: number[];
  readonly count: number[];
}

/**
 * Runs a fraud wave (or none) and reads, village by village, the chance
 * that a migrant at home who goes chooses a broker, from their own
 * utilities (the choice they would make now, without the noise of who
 * happened to leave).
 */
export function brokerUse({ wave, from, to, read }: FraudWave): Probe<BrokerUse> {
  const victims = new Set<number>();
  let chanceSum: number[] = [];
  let count: number[] = [];
  const utilities = new Float64Array(512);
  const scratch = new Float64Array(3);
  // Who had been defrauded before this week: the start gives some people the experience of earlier trips.
  let defraudedBefore: Uint8Array | undefined;
  return {
    onWeek(week, _rows, world) {
      const m = world.migrants;
      // The first broker of the first region turns fraudulent for the wave: every client loses the fee
      // (an inclination so large that his fraud is 1 whatever his reputation and enforcement hold back, rules/brokerConduct.ts).
      const broker = world.brokers.regionStart[0];
      if (wave && week === from - 1) world.brokers.fraudRate[broker] = 1e9;
      if (wave && week === to) world.brokers.fraudRate[broker] = world.params.g.brokerFraudRate;
      if (wave && week >= from && week <= to && defraudedBefore) {
        for (let i = 0; i < m.count; i++) {
          if (m.experience[i] & Experience.Defrauded && !defraudedBefore[i] && m.arrivalDay[i] >= world.day - DAYS_PER_WEEK) victims.add(m.village[i]);
        }
      }
      defraudedBefore = Uint8Array.from(m.experience, (bits) => bits & Experience.Defrauded);
      if (week !== read) return;
      const scale = Math.max(world.params.g.migrantDestinationScale, world.params.g.migrantChoiceScale);
      chanceSum = new Array<number>(world.villages.abroad.length).fill(0);
      count = new Array<number>(world.villages.abroad.length).fill(0);
      for (let i = 0; i < m.count; i++) {
        if (m.status[i] !== Status.AtHome) continue;
        const options = destinationUtilities(world, i, utilities, scratch);
        let best = -Infinity;
        for (let k = 1; k < options; k++) best = Math.max(best, utilities[k]);
        let all = 0;
        let viaBroker = 0;
        for (let k = 1; k < options; k++) {
          const w = utilities[k] === -Infinity ? 0 : Math.exp(scale * (utilities[k] - best));
          all += w;
          if (k % 2 === 0) viaBroker += w;
        }
        // Someone banned from every destination has nowhere to go.
        if (all === 0) continue;
        chanceSum[m.village[i]] += viaBroker / all;
        count[m.village[i]]++;
      }
    },
    result: () => ({ victimVillages: [...victims].sort((a, b) => a - b), chanceSum, count }),
  };
}

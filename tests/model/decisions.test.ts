import { beforeAll, describe, expect, it } from 'vitest';
import { meanInterval, type MeanInterval } from '../../analysis/index.js';
import { replicateSeed } from '../../sim/model/random.js';
import { simulate, type SimulationInput } from '../../sim/model/simulate.js';
import { destinationUtilities } from '../../sim/model/decisions/destinationChoice.js';
import { Experience, Status } from '../../sim/model/state/codes.js';
import { DAYS_PER_WEEK } from '../../sim/model/time.js';
import type { ResolvedOption } from '../../sim/scenario/index.js';
import { baseOption, optionInput, placeRows, total, valueAt, WIDTH, type Params } from '../helpers/model.js';
import { simulateInChild, type FinishedRun } from '../helpers/simulateInChild.js';

/**
 * The decisions of migrants, tested by what they must do whatever the
 * calibration: every cost moves a choice smoothly and in its own direction,
 * the savings target ends stays, one country's policy diverts migrants to
 * the other, and news of fraud travels through villages. Every comparison
 * is paired over seeds (common random numbers) with a 95% t-interval.
 */
const SEEDS = 20;
const seeds = Array.from({ length: SEEDS }, (_, k) => replicateSeed(8, k));
const show = (i: MeanInterval) => `mean ${i.mean.toPrecision(4)}, 95% CI [${i.ci_low.toPrecision(4)}, ${i.ci_high.toPrecision(4)}]`;

const RUSSIA = baseOption('russia-2025');
const CENTRAL_ASIA = baseOption('central-asia-2025');
/** 1,500 agents, a year of burn-in, half a year of horizon: small enough for 20 seeds × 5 levels × 5 costs. */
const RUSSIA_SMALL: Params = { 'population.potential_migrants': 150_000, scale: 100, 'population.burn_in_weeks': 52 };
const WEEKS = 26;

function inputs(option: ResolvedOption, set: Params, weeks: number, small: Params): SimulationInput[] {
  return seeds.map((seed) => optionInput(option, seed, weeks, { ...small, ...set }));
}

/** Runs each setting over every seed in one child process; returns the runs by setting. */
async function runSettings(option: ResolvedOption, settings: Params[], weeks: number, small: Params): Promise<FinishedRun[][]> {
  const runs = await simulateInChild(settings.flatMap((set) => inputs(option, set, weeks, small)));
  return settings.map((_, k) => runs.slice(k * SEEDS, (k + 1) * SEEDS));
}

const last = (values: Float64Array) => values.length / WIDTH - 1;

interface CostCase {
  readonly cost: string;
  /** Five equally spaced levels of the cost. */
  readonly levels: (level: number) => Params;
  readonly steps: readonly number[];
  /** What the cost is the price of: uptake that must not rise with it. */
  readonly uptakes: readonly { readonly name: string; readonly measure: (run: FinishedRun) => number }[];
}

const legalAtEnd = { name: 'migrants with legal status', measure: (run: FinishedRun) => valueAt(run.values, last(run.values), 'legal') };
const irregularAtEnd = { name: 'migrants without legal status', measure: (run: FinishedRun) => valueAt(run.values, last(run.values), 'irregular') };
const arrivals = { name: 'arrivals', measure: (run: FinishedRun) => total(run.values, 'arrivals') };

const COSTS: readonly CostCase[] = [
  { cost: 'the patent fee', levels: (x) => ({ 'russia.permit.monthly_fee': x }), steps: [4450, 8900, 13350, 17800, 22250], uptakes: [legalAtEnd, arrivals] },
  { cost: 'the registration fee', levels: (x) => ({ 'russia.registration.fee': x }), steps: [0, 5000, 10000, 15000, 20000], uptakes: [legalAtEnd] },
  { cost: 'the fine', levels: (x) => ({ 'russia.sanction.fine_migrant': x }), steps: [0, 10000, 20000, 30000, 40000], uptakes: [irregularAtEnd] },
  { cost: 'the bribe', levels: (x) => ({ 'russia.police.bribe': x }), steps: [0, 10000, 20000, 30000, 40000], uptakes: [irregularAtEnd] },
  {
    cost: 'the trip',
    levels: (x) => ({ 'kyrgyzstan.russia.trip_cost': x, 'uzbekistan.russia.trip_cost': x, 'tajikistan.russia.trip_cost': x }),
    steps: [0, 20000, 40000, 60000, 80000],
    uptakes: [arrivals],
  },
];

/** Half the width of a 95% interval. */
const halfWidth = (i: MeanInterval) => (i.ci_high - i.ci_low) / 2;

describe.each(COSTS)('raising $cost (5 equal steps, 20 paired seeds, russia-2025)', (c) => {
  let runs: FinishedRun[][];
  beforeAll(async () => {
    runs = await runSettings(RUSSIA, c.steps.map(c.levels), WEEKS, RUSSIA_SMALL);
  }, 600_000);

  it.each(c.uptakes)('never raises $name from one level to the next beyond its interval', ({ measure }) => {
    const uptake = runs.map((level) => level.map(measure));
    for (let k = 0; k + 1 < c.steps.length; k++) {
      const step = meanInterval(uptake[k + 1].map((u, s) => u - uptake[k][s]));
      expect(step.ci_low, `${c.steps[k]} → ${c.steps[k + 1]}: ${show(step)}`).toBeLessThanOrEqual(0);
    }
  });

  it.each(c.uptakes)('moves $name smoothly: no step is a jump beyond four times its neighbours and its noise', ({ measure }) => {
    const uptake = runs.map((level) => level.map(measure));
    const steps = uptake.slice(1).map((level, k) => meanInterval(level.map((u, s) => u - uptake[k][s])));
    steps.forEach((step, k) => {
      const neighbours = [steps[k - 1], steps[k + 1]].filter((n) => n !== undefined).map((n) => Math.abs(n.mean));
      const trend = 4 * Math.max(...neighbours) + 2 * halfWidth(step);
      expect(Math.abs(step.mean), `${c.steps[k]} → ${c.steps[k + 1]}: ${show(step)}; neighbours ${neighbours.map((n) => n.toPrecision(3)).join(', ')}`).toBeLessThanOrEqual(trend);
    });
  });
});

describe('the savings target (russia-2025, 20 paired seeds)', () => {
  it('ends stays sooner when halved: the mean stay (people abroad per weekly departure) is shorter', async () => {
    const target = Number(RUSSIA.params['migrant.savings_target_months']);
    const [full, half] = await runSettings(RUSSIA, [{}, { 'migrant.savings_target_months': target / 2 }], 52, RUSSIA_SMALL);
    const stay = (run: FinishedRun) => {
      let abroad = 0;
      for (let week = 1; week <= last(run.values); week++) abroad += valueAt(run.values, week, 'abroad');
      return abroad / (total(run.values, 'returns') + total(run.values, 'removals'));
    };
    const d = meanInterval(half.map((run, s) => stay(run) - stay(full[s])));
    expect(d.ci_high, show(d)).toBeLessThan(0);
  }, 600_000);
});

describe('diversion between destinations (central-asia-2025, 20 paired seeds)', () => {
  /** 6,000 agents of the base's 4.8 million. */
  const SMALL: Params = { scale: 800, 'population.burn_in_weeks': 52 };
  const arrivalsIn = (place: string) => (run: FinishedRun) => total(placeRows(run.table, place), 'arrivals');
  let runs: FinishedRun[][];
  beforeAll(async () => {
    const fee = Number(CENTRAL_ASIA.params['russia.permit.monthly_fee']);
    runs = await runSettings(
      CENTRAL_ASIA,
      [
        {},
        { 'russia.permit.monthly_fee': fee * 2 },
        { 'russia.registry.enabled': false },
        { 'kazakhstan.quota.annual': 0 },
      ],
      52,
      SMALL,
    );
  }, 600_000);

  it('a dearer Russian patent raises arrivals in Kazakhstan', () => {
    const d = meanInterval(runs[1].map((run, s) => arrivalsIn('kazakhstan')(run) - arrivalsIn('kazakhstan')(runs[0][s])));
    expect(d.ci_low, show(d)).toBeGreaterThan(0);
  });

  it("Russia's control registry without delisting raises arrivals in Kazakhstan (against no registry)", () => {
    const d = meanInterval(runs[0].map((run, s) => arrivalsIn('kazakhstan')(run) - arrivalsIn('kazakhstan')(runs[2][s])));
    expect(d.ci_low, show(d)).toBeGreaterThan(0);
  });

  it("cutting Kazakhstan's quota of household permits (to none) raises arrivals in Russia", () => {
    const d = meanInterval(runs[3].map((run, s) => arrivalsIn('russia')(run) - arrivalsIn('russia')(runs[0][s])));
    expect(d.ci_low, show(d)).toBeGreaterThan(0);
  });
});

describe('news through villages (russia-2025, 20 paired seeds, in process)', () => {
  /**
   * 3,000 agents in 40 villages, and brokers who take up to 30 clients a week (a recruiter takes groups of ~30,
   * 003 L3019–3021), so that one broker's clients come from many villages. The fraud wave runs in weeks 1–8;
   * two weeks later, broker use is read as the chance that a migrant at home who goes chooses a broker, from
   * their own utilities (the choice they would make now, without the noise of who happened to leave).
   */
  const SMALL: Params = {
    'population.potential_migrants': 300_000,
    scale: 100,
    'population.burn_in_weeks': 52,
    'population.villages': 40,
    'broker.capacity_weekly': 30,
  };
  const WAVE = { from: 1, to: 8, read: 10 };

  /** Mean chance of choosing a broker among those at home who would go, in the victims' villages and in the others. */
  function brokerUse(seed: string, wave: boolean, victimsOf?: Set<number>) {
    const victims = new Set<number>(victimsOf);
    let result = { victims: 0, others: 0 };
    const utilities = new Float64Array(512);
    const scratch = new Float64Array(3);
    simulate({
      ...optionInput(RUSSIA, seed, WAVE.read, SMALL),
      onWeek: (week, _rows, world) => {
        const m = world.migrants;
        // The first broker of Moscow turns fraudulent for eight weeks: every client loses the fee.
        const broker = world.brokers.regionStart[0];
        if (wave && week === WAVE.from - 1) world.brokers.fraudRate[broker] = 1;
        if (wave && week === WAVE.to) world.brokers.fraudRate[broker] = world.params.g.brokerFraudRate;
        if (wave && week >= WAVE.from && week <= WAVE.to) {
          for (let i = 0; i < m.count; i++) {
            if (m.experience[i] & Experience.Defrauded && m.arrivalDay[i] >= world.day - DAYS_PER_WEEK) victims.add(m.village[i]);
          }
        }
        if (week !== WAVE.read) return;
        const scale = Math.max(world.params.g.migrantDestinationScale, world.params.g.migrantChoiceScale);
        const sums = { victims: [0, 0], others: [0, 0] };
        for (let i = 0; i < m.count; i++) {
          if (m.status[i] !== Status.AtHome) continue;
          const count = destinationUtilities(world, i, utilities, scratch);
          let best = -Infinity;
          for (let k = 1; k < count; k++) best = Math.max(best, utilities[k]);
          let all = 0;
          let viaBroker = 0;
          for (let k = 1; k < count; k++) {
            const w = utilities[k] === -Infinity ? 0 : Math.exp(scale * (utilities[k] - best));
            all += w;
            if (k % 2 === 0) viaBroker += w;
          }
          // Someone banned from every destination has nowhere to go.
          if (all === 0) continue;
          const group = victims.has(m.village[i]) ? sums.victims : sums.others;
          group[0] += viaBroker / all;
          group[1]++;
        }
        result = { victims: sums.victims[0] / Math.max(1, sums.victims[1]), others: sums.others[0] / Math.max(1, sums.others[1]) };
      },
    });
    return { ...result, victimVillages: victims };
  }

  it("a broker's fraud wave lowers broker use more in the villages of its victims than elsewhere", () => {
    const effects = seeds.map((seed) => {
      const withWave = brokerUse(seed, true);
      expect(withWave.victimVillages.size, 'the wave has victims').toBeGreaterThan(0);
      const without = brokerUse(seed, false, withWave.victimVillages);
      return withWave.victims - without.victims - (withWave.others - without.others);
    });
    const d = meanInterval(effects);
    expect(d.ci_high, show(d)).toBeLessThan(0);
  }, 600_000);
});

import { meanInterval, type MeanInterval } from '../../analysis/index.js';
import type { ResolvedOption } from '../../sim/scenario/index.js';
import { optionInput, type Params } from './model.js';
import { simulateInChild, type FinishedRun } from './simulateInChild.js';

export interface KnockoutRequest {
  /** The option both arms start from (a base or a scenario option). */
  readonly option: Pick<ResolvedOption, 'params' | 'events' | 'places'>;
  /** Parameters of both arms (e.g. a small world). */
  readonly common: Params;
  /** The mechanism switched off: its parameter(s) at a neutral value. */
  readonly off: Params;
  readonly seeds: readonly string[];
  readonly weeks: number;
  /** What the mechanism drives, from one run (e.g. an indicator's total over the horizon). */
  readonly measure: (run: FinishedRun) => number;
}

export interface KnockoutResult {
  /** Per-seed measure with the mechanism on and off. */
  readonly on: number[];
  readonly off: number[];
  /** The 95% t-interval of the per-seed differences on − off (common random numbers: each seed's two runs start from the same world). */
  readonly difference: MeanInterval;
}

/** Runs both arms of a knockout on paired seeds (in a child process, at full speed). */
export async function knockout(request: KnockoutRequest): Promise<KnockoutResult> {
  const { option, common, off, seeds, weeks, measure } = request;
  const inputs = [
    ...seeds.map((seed) => optionInput(option, seed, weeks, common)),
    ...seeds.map((seed) => optionInput(option, seed, weeks, { ...common, ...off })),
  ];
  const runs = await simulateInChild(inputs);
  const values = runs.map(measure);
  const on = values.slice(0, seeds.length);
  const offValues = values.slice(seeds.length);
  return { on, off: offValues, difference: meanInterval(on.map((x, k) => x - offValues[k])) };
}

/** Whether a knockout's interval excludes zero, and on which side: the sign of the effect, or 0. */
export function effectSign(result: KnockoutResult): -1 | 0 | 1 {
  const d = result.difference;
  if (d.ci_low > 0) return 1;
  if (d.ci_high < 0) return -1;
  return 0;
}

export const describeInterval = (d: MeanInterval): string => `mean ${d.mean.toPrecision(4)}, 95% CI [${d.ci_low.toPrecision(4)}, ${d.ci_high.toPrecision(4)}], n ${d.n}`;

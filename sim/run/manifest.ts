import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import type { ResolvedScenario } from '../scenario/index.js';
import { replicateSeed } from '../model/random.js';

/** How a run went; the only part of a manifest allowed to differ between two runs of the same scenario. */
export interface RunRecordInfo {
  readonly started: string;
  readonly seconds: { readonly simulation: number; readonly analysis: number; readonly total: number };
  readonly workers: number;
  readonly host: string;
  readonly node: string;
  readonly platform: string;
}

/**
 * The manifest of a results folder: what was run, with which seeds and
 * version, and how the run went. Each option records `burn_in_weeks`, the
 * unrecorded weeks every run of it simulated before week 0 (its
 * population.burn_in_weeks: the same for every replicate).
 */
export function buildManifest(scenario: ResolvedScenario, version: string, run: Omit<RunRecordInfo, 'host' | 'node' | 'platform'>): object {
  return {
    scenario: {
      path: scenario.file,
      sha256: createHash('sha256').update(scenario.text).digest('hex'),
      name: scenario.name,
      base: scenario.base,
      text: scenario.text,
    },
    package: { name: 'migsim', version },
    seed: scenario.seed,
    replicates: scenario.replicates,
    years: scenario.years,
    replicate_seeds: Array.from({ length: scenario.replicates }, (_, r) => replicateSeed(scenario.seed, r)),
    options: scenario.options.map((o) => ({ name: o.name, burn_in_weeks: o.params['population.burn_in_weeks'], parameters: o.params, events: o.events })),
    run: { ...run, host: hostname(), node: process.version, platform: `${process.platform}-${process.arch}` },
  };
}

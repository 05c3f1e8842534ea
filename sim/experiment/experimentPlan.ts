import type { SensitivityMethod } from '../../analysis/sensitivity/sensitivityRow.js';
import { applyOverrides, type ResolvedOption, type ResolvedScenario } from '../scenario/index.js';
import { loadScenarioFile } from '../scenario/loadScenarioFile.js';

/**
 * What defines the jobs of a command that can be split into shards: the
 * command (`run` of a scenario with or without a sweep, or `sensitivity`)
 * and the flags that change its jobs. Shards of one job list carry equal
 * settings; merge checks it and finishes with them.
 */
export interface PlanSettings {
  readonly command: 'run' | 'sensitivity';
  readonly seed?: number;
  readonly replicates?: number;
  readonly method?: SensitivityMethod;
  readonly samples?: number;
  readonly years?: number;
  readonly agents?: number;
}

/** The job list of a command: variants × replicates, numbered variant-major, and how to turn their tables into results. */
export interface ExperimentPlan {
  readonly scenario: ResolvedScenario;
  readonly kind: 'ensemble' | 'sweep' | 'sensitivity';
  readonly variants: ResolvedOption[];
  readonly replicates: number;
  /** Writes the results folder from every job's table, exactly as the unsharded command would. */
  readonly finish: (tables: Map<number, Float64Array>, out: string, workers: number, quiet: boolean) => Promise<unknown>;
}

/**
 * Reads the scenario file and plans its jobs as `migsim run` or `migsim
 * sensitivity` would, so that shards and their merge use the same numbering
 * as one unsharded run.
 */
export async function planExperiment(file: string, settings: PlanSettings): Promise<ExperimentPlan> {
  const scenario = applyOverrides(loadScenarioFile(file), {
    seed: settings.seed,
    replicates: settings.command === 'run' ? settings.replicates : undefined,
  });
  if (settings.command === 'sensitivity') {
    const { planSensitivity, runSensitivity } = await import('./runSensitivity.js');
    const method = settings.method ?? 'morris';
    const sensitivity = { method, samples: settings.samples, replicates: settings.replicates, years: settings.years, agents: settings.agents };
    const plan = planSensitivity(scenario, sensitivity);
    return {
      scenario: plan.scenario,
      kind: 'sensitivity',
      variants: plan.variants,
      replicates: plan.replicates,
      finish: (tables, out, workers, quiet) => runSensitivity(scenario, { ...sensitivity, out, workers, quiet, tables }),
    };
  }
  if (scenario.sweep) {
    const { planSweep, runSweep } = await import('./runSweep.js');
    const plan = planSweep(scenario, settings.replicates);
    return {
      scenario,
      kind: 'sweep',
      variants: plan.variants,
      replicates: plan.replicates,
      finish: (tables, out, workers, quiet) => runSweep(scenario, { out, workers, quiet, replicates: settings.replicates, tables }),
    };
  }
  const { runScenario } = await import('../run/runScenario.js');
  return {
    scenario,
    kind: 'ensemble',
    variants: scenario.options,
    replicates: scenario.replicates,
    finish: (tables, out, workers, quiet) => runScenario(scenario, { out, workers, quiet, tables }),
  };
}

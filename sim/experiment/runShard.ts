import { packageVersion } from '../run/packageVersion.js';
import { createProgress } from '../run/progress.js';
import { runEnsemble } from '../run/runEnsemble.js';
import { planExperiment, type PlanSettings } from './experimentPlan.js';
import { textHash, writeShardFolder } from './shardFolder.js';
import { inShard, type ShardSpec } from './shardSpec.js';
import { checkNewFolder } from './writeNewFolder.js';

export interface ShardSettings {
  readonly out: string;
  readonly workers: number;
  readonly quiet: boolean;
  readonly signal?: AbortSignal;
}

/**
 * Runs shard k of n of a command's jobs (every n-th job, see `inShard`) and
 * writes a shard folder that `migsim merge` joins with the others into the
 * results one unsharded run would have written.
 */
export async function runShard(file: string, plan: PlanSettings, shard: ShardSpec, settings: ShardSettings): Promise<{ seconds: number; jobs: number }> {
  const started = Date.now();
  checkNewFolder(settings.out);
  const experiment = await planExperiment(file, plan);
  const { scenario } = experiment;
  const total = experiment.variants.length * experiment.replicates;
  const progress = createProgress(settings.quiet, `${scenario.name} (shard ${shard.k}/${shard.n})`);
  let tables: Map<number, Float64Array>;
  try {
    tables = await runEnsemble(
      { ...scenario, options: experiment.variants, replicates: experiment.replicates },
      { workers: settings.workers, only: (job) => inShard(job.index, shard), onProgress: (done, all) => progress.update(done, all), signal: settings.signal },
    );
  } finally {
    progress.stop();
  }
  await writeShardFolder(
    settings.out,
    { version: packageVersion(), scenario: { path: scenario.file, sha256: textHash(scenario.text) }, settings: plan, kind: experiment.kind, shard, jobs: total },
    tables,
  );
  return { seconds: (Date.now() - started) / 1000, jobs: tables.size };
}

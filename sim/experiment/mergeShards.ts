import { packageVersion } from '../run/packageVersion.js';
import { planExperiment } from './experimentPlan.js';
import { readShardFolder, textHash, type Shard } from './shardFolder.js';
import { inShard } from './shardSpec.js';
import { checkNewFolder } from './writeNewFolder.js';

/**
 * Joins shard folders into the results folder `out`, byte-identical (the
 * manifest's run record aside) to what the unsharded command writes: the
 * tables are the same numbers, so the same analysis gives the same files.
 *
 * Refuses, before writing anything: a folder that is not a shard; shards of
 * different scenarios (sha256 of the text), versions, settings or shard
 * counts; a shard named twice; missing shards; a scenario file changed since
 * the shards ran; a shard whose jobs are not its share; and a non-empty `out`.
 */
export async function mergeShards(out: string, folders: readonly string[], settings: { workers: number; quiet: boolean }): Promise<{ seconds: number }> {
  const started = Date.now();
  if (folders.length === 0) throw new Error('merge needs at least one shard folder');
  checkNewFolder(out, 'merge: output folder');
  const shards = folders.map(readShardFolder);
  const first = shards[0];
  const version = packageVersion();
  for (const shard of shards) {
    const r = shard.record;
    const differs = (what: string, a: unknown, b: unknown) =>
      new Error(`${shard.folder} does not belong with ${first.folder}: ${what} ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
    if (r.scenario.sha256 !== first.record.scenario.sha256) throw differs('scenario sha256', r.scenario.sha256, first.record.scenario.sha256);
    if (r.version !== first.record.version) throw differs('migsim version', r.version, first.record.version);
    if (JSON.stringify(r.settings) !== JSON.stringify(first.record.settings)) throw differs('settings', r.settings, first.record.settings);
    if (r.shard.n !== first.record.shard.n) throw differs('shard count', r.shard.n, first.record.shard.n);
    if (r.jobs !== first.record.jobs) throw differs('job count', r.jobs, first.record.jobs);
  }
  if (first.record.version !== version) {
    throw new Error(`the shards were run with migsim ${first.record.version}, this is ${version}; merge with the same version`);
  }
  const n = first.record.shard.n;
  const seen = new Map<number, Shard>();
  for (const shard of shards) {
    const other = seen.get(shard.record.shard.k);
    if (other) throw new Error(`shard ${shard.record.shard.k}/${n} is given twice: ${other.folder} and ${shard.folder}`);
    seen.set(shard.record.shard.k, shard);
  }
  const missing = Array.from({ length: n }, (_, i) => i + 1).filter((k) => !seen.has(k));
  if (missing.length > 0) throw new Error(`missing shard${missing.length > 1 ? 's' : ''} ${missing.map((k) => `${k}/${n}`).join(', ')}`);

  const experiment = await planExperiment(first.record.scenario.path, first.record.settings);
  if (textHash(experiment.scenario.text) !== first.record.scenario.sha256) {
    throw new Error(`${first.record.scenario.path} has changed since the shards were run (its sha256 differs); merge needs the same scenario file`);
  }
  const total = experiment.variants.length * experiment.replicates;
  if (total !== first.record.jobs) throw new Error(`the scenario now plans ${total} jobs, the shards ${first.record.jobs}; a base file may have changed`);
  const tables = new Map<number, Float64Array>();
  for (const shard of shards) {
    for (const [index, values] of shard.tables) {
      if (!inShard(index, shard.record.shard) || index >= total) throw new Error(`${shard.folder} holds job ${index}, which is not in shard ${shard.record.shard.k}/${n}`);
      tables.set(index, values);
    }
  }
  if (tables.size !== total) throw new Error(`the shards hold ${tables.size} of ${total} jobs; a shard is incomplete`);
  await experiment.finish(tables, out, settings.workers, settings.quiet);
  return { seconds: (Date.now() - started) / 1000 };
}

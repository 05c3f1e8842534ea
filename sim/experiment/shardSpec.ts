/** One shard of a run split N ways: shard k (1-based) of n. */
export interface ShardSpec {
  readonly k: number;
  readonly n: number;
}

/**
 * Reads `--shard k/N` (1 ≤ k ≤ N).
 * @throws Error saying what was expected.
 */
export function parseShard(text: string): ShardSpec {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const k = match ? Number(match[1]) : NaN;
  const n = match ? Number(match[2]) : NaN;
  if (!(k >= 1 && n >= 1 && k <= n)) throw new Error(`--shard expects k/N with 1 ≤ k ≤ N (e.g. 2/8), got "${text}"`);
  return { k, n };
}

/**
 * The shard of a Slurm array task, or undefined outside one: task
 * SLURM_ARRAY_TASK_ID counted from SLURM_ARRAY_TASK_MIN (0 when unset) is
 * shard ID − MIN + 1 of SLURM_ARRAY_TASK_COUNT.
 * @throws Error when the variables are set but inconsistent.
 */
export function shardFromSlurm(env: NodeJS.ProcessEnv): ShardSpec | undefined {
  const id = env.SLURM_ARRAY_TASK_ID;
  const count = env.SLURM_ARRAY_TASK_COUNT;
  if (id === undefined || count === undefined) return undefined;
  const min = Number(env.SLURM_ARRAY_TASK_MIN ?? '0');
  const k = Number(id) - min + 1;
  const n = Number(count);
  if (!(Number.isInteger(k) && Number.isInteger(n) && k >= 1 && k <= n)) {
    throw new Error(`SLURM_ARRAY_TASK_ID=${id}, SLURM_ARRAY_TASK_MIN=${env.SLURM_ARRAY_TASK_MIN ?? '(unset)'} and SLURM_ARRAY_TASK_COUNT=${count} do not name a shard; give --shard k/N`);
  }
  return { k, n };
}

/**
 * Whether job `index` belongs to shard k of n. Jobs are dealt round-robin
 * (job i to shard i mod n + 1), so that every shard gets a share of every
 * option and point, and shards take about the same time.
 */
export function inShard(index: number, shard: ShardSpec): boolean {
  return index % shard.n === shard.k - 1;
}

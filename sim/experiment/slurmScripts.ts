import { join, resolve } from 'node:path';
import { packageRoot } from '../scenario/packageRoot.js';
import { writeNewFolder } from './writeNewFolder.js';

export interface SlurmSettings {
  readonly scenario: string;
  readonly name: string;
  readonly tasks: number;
  readonly partition?: string;
  readonly time?: string;
  readonly cpus: number;
  /** Results folder the merge job writes. */
  readonly out: string;
  /** Folder of the scripts; the jobs put their shards and logs in it too. */
  readonly dir: string;
  /** A shell line every job runs first (loading a Node module, say). */
  readonly setup?: string;
}

/** A word for a shell script, in single quotes. */
function quote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * Writes, into a new folder, a Slurm array job (one task per shard; each task
 * runs `migsim run` with no --shard, so the shard comes from
 * SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT), a merge job, and
 * submit.sh, which submits the array and then the merge with
 * `--dependency=afterok:<array>`, so the merge starts only when every task
 * has succeeded. Paths are absolute, for a file system the nodes share.
 */
export async function writeSlurmJobs(settings: SlurmSettings): Promise<{ files: string[]; submit: string }> {
  const dir = resolve(settings.dir);
  // #SBATCH lines are split on spaces and take quotes literally, and the log paths go on them.
  if (/[\s'"\\]/.test(dir)) throw new Error(`--dir ${dir}: Slurm's #SBATCH lines cannot hold spaces, quotes or backslashes; choose a folder without them`);
  const cli = join(packageRoot(), 'dist', 'sim', 'cli.js');
  // As given (relative to the folder the jobs cd into), so the report names it as a local run would.
  const scenario = settings.scenario;
  const out = resolve(settings.out);
  const shardsDir = join(dir, 'shards');
  const logs = join(dir, 'logs');
  const common = [
    ...(settings.partition ? [`#SBATCH --partition=${settings.partition}`] : []),
    ...(settings.time ? [`#SBATCH --time=${settings.time}`] : []),
  ];
  const prologue = ['set -euo pipefail', `cd ${quote(process.cwd())}`, ...(settings.setup ? [settings.setup] : [])];
  const array = [
    '#!/bin/bash',
    `#SBATCH --job-name=migsim-${settings.name}`,
    `#SBATCH --array=0-${settings.tasks - 1}`,
    '#SBATCH --ntasks=1',
    `#SBATCH --cpus-per-task=${settings.cpus}`,
    `#SBATCH --output=${logs}/shard-%a.log`,
    ...common,
    `# One shard of ${settings.scenario} per task: migsim reads the shard from SLURM_ARRAY_TASK_ID/COUNT.`,
    ...prologue,
    'shard=$((SLURM_ARRAY_TASK_ID - ${SLURM_ARRAY_TASK_MIN:-0} + 1))',
    `exec node ${quote(cli)} run ${quote(scenario)} --workers ${settings.cpus} --quiet --out ${quote(shardsDir)}/"shard-$shard-of-${settings.tasks}"`,
    '',
  ].join('\n');
  const shardList = Array.from({ length: settings.tasks }, (_, i) => `${quote(shardsDir)}/shard-${i + 1}-of-${settings.tasks}`).join(' ');
  const merge = [
    '#!/bin/bash',
    `#SBATCH --job-name=migsim-${settings.name}-merge`,
    '#SBATCH --ntasks=1',
    '#SBATCH --cpus-per-task=1',
    `#SBATCH --output=${logs}/merge.log`,
    ...common,
    `# Joins the ${settings.tasks} shards into ${out}; submitted with --dependency=afterok on the array job.`,
    ...prologue,
    `exec node ${quote(cli)} merge ${quote(out)} ${shardList} --quiet`,
    '',
  ].join('\n');
  const submit = [
    '#!/bin/sh',
    `# Submits the array job, then the merge job once every array task has succeeded.`,
    'set -eu',
    `array=$(sbatch --parsable ${quote(join(dir, 'array.sbatch'))})`,
    'array=${array%%;*}',
    `merge=$(sbatch --parsable --dependency=afterok:"$array" ${quote(join(dir, 'merge.sbatch'))})`,
    'echo "array job $array; merge job ${merge%%;*}"',
    '',
  ].join('\n');
  await writeNewFolder(dir, (put) => {
    put('array.sbatch', array);
    put('merge.sbatch', merge);
    put('submit.sh', submit);
    put('logs/.keep', '');
  });
  const files = ['array.sbatch', 'merge.sbatch', 'submit.sh'].map((f) => join(dir, f));
  return { files, submit: join(dir, 'submit.sh') };
}

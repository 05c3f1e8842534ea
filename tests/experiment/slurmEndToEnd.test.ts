import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lines, migsim, tempFolder } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/model.js';
import { run, SLURM_PROGRAMS, slurmInstalled, startSingleNodeSlurm, waitFor, type SingleNodeSlurm } from '../helpers/singleNodeSlurm.js';
import { POPULATION, QUOTA, SCALE } from './parameterNames.js';

/**
 * `migsim slurm` on a real single-node Slurm (Debian's slurm-wlm and munge):
 * the array job and the dependent merge job give the bytes of a local run.
 * Skipped with a notice where Slurm is not installed, unless
 * MIGSIM_REQUIRE_SLURM=1 (as .ci/run sets it) makes it required.
 */
const installed = slurmInstalled();
const required = process.env.MIGSIM_REQUIRE_SLURM === '1';
if (!installed && !required) {
  console.warn(`Slurm test skipped: ${SLURM_PROGRAMS.join(', ')} not all found; install them (apt-get install slurm-wlm munge) or set MIGSIM_REQUIRE_SLURM=1 to require the test`);
}

const SCENARIO = lines(
  'name: Slurm quota cut',
  'base: kazakhstan-2008',
  'seed: 4',
  'replicates: 3',
  'years: 2',
  `set: { ${SCALE}: 500, ${POPULATION}: 500000, population.burn_in_weeks: 26 }`,
  'options:',
  '  - name: status quo',
  '  - name: quota halved',
  `    at: { month: 12, set: { ${QUOTA}: 63483 } }`,
);

describe.runIf(installed || required)('migsim slurm on a single-node Slurm cluster', () => {
  const temp = tempFolder('slurm');
  const at = (name: string) => join(temp.dir, name);
  let cluster: SingleNodeSlurm | undefined;

  beforeAll(async () => {
    if (!installed) throw new Error(`MIGSIM_REQUIRE_SLURM=1 but Slurm is not installed (${SLURM_PROGRAMS.join(', ')}); apt-get install slurm-wlm munge`);
    writeFileSync(at('scenario.yaml'), SCENARIO);
    cluster = await startSingleNodeSlurm(at('cluster'));
  }, 120_000);
  afterAll(async () => {
    await cluster?.stop();
    temp.remove();
  });

  it('runs the array and the merge that waits for it, and merges into the bytes of a local run', async () => {
    const made = migsim(['slurm', at('scenario.yaml'), '--tasks', '3', '--dir', at('jobs'), '--out', at('merged')]);
    expect(made.status).toBe(0);
    expect(readFileSync(at('jobs/array.sbatch'), 'utf8')).toContain('#SBATCH --array=0-2');
    expect(readFileSync(at('jobs/submit.sh'), 'utf8')).toContain('--dependency=afterok:');

    // Jobs inherit this environment (sbatch exports it), so `node` must be on the PATH.
    const env = { ...cluster!.env, PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}` };
    const submitted = spawnSync('sh', [at('jobs/submit.sh')], { cwd: REPO_ROOT, env, encoding: 'utf8' });
    expect(submitted.stderr).toBe('');
    expect(submitted.status).toBe(0);
    expect(submitted.stdout).toMatch(/^array job \d+; merge job \d+\n$/);

    // squeue prints nothing once both jobs have left the queue.
    const queueEmpty = () => run('squeue', ['-h'], env).trim() === '';
    try {
      await waitFor(() => queueEmpty() && existsSync(at('merged/report.html')), 240_000, 'the jobs did not finish');
    } catch (error) {
      const jobLogs = readdirSync(at('jobs/logs')).map((f) => `--- ${f} ---\n${readFileSync(join(at('jobs/logs'), f), 'utf8')}`).join('\n');
      throw new Error(`${(error as Error).message}\n${jobLogs}\n${cluster!.logs()}`);
    }
    expect(readdirSync(at('jobs/shards')).sort()).toEqual(['shard-1-of-3', 'shard-2-of-3', 'shard-3-of-3']);

    const local = migsim(['run', at('scenario.yaml'), '--out', at('local'), '--quiet']);
    expect(local.status).toBe(0);
    for (const file of ['timeseries.csv', 'summary.csv', 'comparison.csv', 'report.html']) {
      expect(readFileSync(at(`merged/${file}`), 'utf8'), file).toBe(readFileSync(at(`local/${file}`), 'utf8'));
    }
  }, 300_000);
});

import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migsim, tempFolder } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/model.js';

describe('migsim slurm (the scripts, without a cluster)', () => {
  const temp = tempFolder('slurm-scripts');
  afterAll(() => temp.remove());

  it('writes an array job, a merge job and submit.sh that chains them with afterok', () => {
    const dir = join(temp.dir, 'jobs');
    const result = migsim([
      'slurm', 'scenarios/quota-cut.yaml', '--tasks', '5', '--partition', 'short', '--time', '2:00:00', '--cpus', '2',
      '--dir', dir, '--out', join(temp.dir, "merged 'results'"), '--setup', 'module load nodejs/20',
    ]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`${join(dir, 'submit.sh')}\n`);
    expect(readdirSync(dir).sort()).toEqual(['array.sbatch', 'logs', 'merge.sbatch', 'submit.sh']);
    const array = readFileSync(join(dir, 'array.sbatch'), 'utf8');
    for (const line of ['#SBATCH --array=0-4', '#SBATCH --cpus-per-task=2', '#SBATCH --partition=short', '#SBATCH --time=2:00:00', 'module load nodejs/20', `cd '${REPO_ROOT.replace(/\/$/, '')}'`]) {
      expect(array).toContain(line);
    }
    // The task's shard comes from the array variables, not from a --shard flag.
    expect(array).not.toContain('--shard');
    expect(array).toContain(" run 'scenarios/quota-cut.yaml' --workers 2 --quiet --out ");
    const merge = readFileSync(join(dir, 'merge.sbatch'), 'utf8');
    expect(merge).toContain(' merge ');
    for (let k = 1; k <= 5; k++) expect(merge).toContain(`/shard-${k}-of-5`);
    // A quote in a path is escaped for the shell.
    expect(merge).toContain(` merge '${join(temp.dir, "merged '\\''results'\\''")}' `);
    const submit = readFileSync(join(dir, 'submit.sh'), 'utf8');
    expect(submit).toMatch(/--dependency=afterok:"\$array"/);
  });

  it('refuses a scenario with a mistake, an existing non-empty folder, and a folder Slurm cannot name', () => {
    const bad = join(temp.dir, 'bad.yaml');
    writeFileSync(bad, 'name: x\nbase: kazakhstan-2008\n');
    const mistaken = migsim(['slurm', bad, '--tasks', '2', '--dir', join(temp.dir, 'never')]);
    expect(mistaken.status).toBe(1);
    expect(mistaken.stderr).toMatch(/bad\.yaml:\d+:\d+: missing required key "options"/);
    const taken = migsim(['slurm', 'scenarios/quota-cut.yaml', '--tasks', '2', '--dir', join(temp.dir, 'jobs')]);
    expect(taken.status).toBe(1);
    expect(taken.stderr).toContain('exists and is not empty');
    const spaced = migsim(['slurm', 'scenarios/quota-cut.yaml', '--tasks', '2', '--dir', join(temp.dir, 'my jobs')]);
    expect(spaced.status).toBe(1);
    expect(spaced.stderr).toContain('cannot hold spaces');
  });
});

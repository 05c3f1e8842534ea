import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { targetsFor } from '../../sim/calibrate/targets.js';

// `npm test` builds first; the command runs the built CLI, as users do.
const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'dist', 'sim', 'cli.js');
const outA = join('test-output', 'calibrate-cli-a');
const outB = join('test-output', 'calibrate-cli-b');

/** A calibration small enough for a test: 4 samples of 1 replicate, ~1,000 agents, 1 year. */
function calibrate(out: string, workers: number) {
  return spawnSync(
    process.execPath,
    [cli, 'calibrate', 'kazakhstan-2008', '--budget', '4', '--out', out, '--replicates', '1', '--check-replicates', '2', '--agents', '1000', '--years', '1', '--workers', String(workers), '--quiet'],
    { cwd: root, encoding: 'utf8' },
  );
}

afterAll(() => {
  for (const out of [outA, outB]) rmSync(join(root, out), { recursive: true, force: true });
});

describe('migsim calibrate', () => {
  test('writes calibration.csv with its header and one row per target, and the rest of the folder', () => {
    const run = calibrate(outA, 2);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${join(outA, 'report.html')}\n`);

    const lines = readFileSync(join(root, outA, 'calibration.csv'), 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('target,source,source_value,model_mean,ci_low,ci_high,within_tolerance');
    const targets = targetsFor('kazakhstan-2008')!.targets;
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(targets.map((t) => t.name));
    for (const line of lines.slice(1)) expect(line).toMatch(/,(true|false)$/);

    const posterior = readFileSync(join(root, outA, 'posterior.csv'), 'utf8').trimEnd().split('\n');
    expect(posterior[0]).toBe(
      'rank,sample,distance,migrant.home_attachment,employer.compliant_share,police.corruption,legal_share,informal_work_share,quota_utilisation,removal_rate',
    );
    expect(posterior).toHaveLength(2); // ⌈10% of 4⌉ = 1 accepted sample
    expect(readFileSync(join(root, outA, 'samples.csv'), 'utf8').trimEnd().split('\n')).toHaveLength(5);

    const report = readFileSync(join(root, outA, 'report.html'), 'utf8');
    for (const t of targets) {
      expect(report).toContain(t.label);
      expect(existsSync(join(root, outA, 'charts', `${t.name}.svg`))).toBe(true);
    }
    expect(report).toContain('npx migsim calibrate ');
    expect(report).not.toMatch(/<script/);
    const manifest = JSON.parse(readFileSync(join(root, outA, 'manifest.json'), 'utf8')) as { method: { budget: number }; fitted: Record<string, number> };
    expect(manifest.method.budget).toBe(4);
    expect(Object.keys(manifest.fitted)).toEqual(['migrant.home_attachment', 'employer.compliant_share', 'police.corruption']);
  });

  test('gives the same files with one worker (the manifest\'s run record aside)', () => {
    const run = calibrate(outB, 1);
    expect(run.status).toBe(0);
    for (const file of ['calibration.csv', 'posterior.csv', 'samples.csv', 'report.html', 'charts/legal_share.svg']) {
      expect(readFileSync(join(root, outB, file), 'utf8'), file).toBe(readFileSync(join(root, outA, file), 'utf8'));
    }
  });

  test('names an unknown base and suggests the nearest', () => {
    const run = spawnSync(process.execPath, [cli, 'calibrate', 'kazakstan-2008'], { cwd: root, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('no base "kazakstan-2008"');
    expect(run.stderr).toContain('did you mean "kazakhstan-2008"?');
  });
});

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
const outC = join('test-output', 'calibrate-cli-c');
const SMALL = ['--replicates', '1', '--check-replicates', '2', '--predictive', '2', '--agents', '300', '--years', '1', '--quiet'];

/** An SMC calibration small enough for a test: 3 particles, 3 generations, 1 replicate, ~300 agents, 1 year. */
function calibrate(out: string, workers: number) {
  return spawnSync(
    process.execPath,
    [cli, 'calibrate', 'kazakhstan-2008', '--particles', '3', '--generations', '3', '--out', out, ...SMALL, '--workers', String(workers)],
    { cwd: root, encoding: 'utf8' },
  );
}

afterAll(() => {
  for (const out of [outA, outB, outC]) rmSync(join(root, out), { recursive: true, force: true });
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

    const parameters = [
      'population.potential_migrants',
      'migrant.home_attachment',
      'employer.compliant_share',
      'police.corruption',
      'police.staff_per_1000_jobs',
      'police.fake_detection',
      'employer.denounce_prob',
    ];
    const posterior = readFileSync(join(root, outA, 'posterior.csv'), 'utf8').trimEnd().split('\n');
    expect(posterior[0]).toBe(['rank,generation,sample,distance,weight', ...parameters, ...targets.map((t) => t.name)].join(','));
    expect(posterior).toHaveLength(4); // the 3 particles of the last complete generation
    const weights = posterior.slice(1).map((line) => Number(line.split(',')[4]));
    expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);

    const generations = readFileSync(join(root, outA, 'generations.csv'), 'utf8').trimEnd().split('\n');
    expect(generations[0]).toBe('generation,tolerance,simulated,within_tolerance,acceptance_rate,kept,effective_size,complete');
    const rows = generations.slice(1).map((line) => line.split(','));
    expect(rows[0][1]).toBe(''); // generation 0 keeps every finite distance
    for (let g = 2; g < rows.length; g++) expect(Number(rows[g][1])).toBeLessThanOrEqual(Number(rows[g - 1][1]));
    const simulated = rows.reduce((sum, row) => sum + Number(row[2]), 0);
    expect(readFileSync(join(root, outA, 'samples.csv'), 'utf8').trimEnd().split('\n')).toHaveLength(simulated + 1);

    const predictive = readFileSync(join(root, outA, 'predictive.csv'), 'utf8').trimEnd().split('\n');
    expect(predictive.slice(1).map((line) => line.split(',')[0])).toEqual(targets.map((t) => t.name));
    for (const line of predictive.slice(1)) expect(line.split(',')[4]).toBe('2');

    const report = readFileSync(join(root, outA, 'report.html'), 'utf8');
    for (const t of targets) {
      expect(report).toContain(t.label);
      expect(existsSync(join(root, outA, 'charts', `${t.name}.svg`))).toBe(true);
    }
    expect(report).toContain('npx migsim calibrate ');
    expect(report).not.toMatch(/<script/);
    expect(report).toContain('Posterior predictive check');
    const manifest = JSON.parse(readFileSync(join(root, outA, 'manifest.json'), 'utf8')) as { method: { particles: number }; fitted: Record<string, number> };
    expect(manifest.method.particles).toBe(3);
    expect(Object.keys(manifest.fitted)).toEqual(parameters);
  });

  test('gives the same files with one worker (the manifest\'s run record aside)', () => {
    const run = calibrate(outB, 1);
    expect(run.status).toBe(0);
    for (const file of ['calibration.csv', 'posterior.csv', 'samples.csv', 'generations.csv', 'predictive.csv', 'report.html', 'charts/irregular_stock.svg']) {
      expect(readFileSync(join(root, outB, file), 'utf8'), file).toBe(readFileSync(join(root, outA, file), 'utf8'));
    }
  });

  test('still runs ABC rejection with --method rejection', () => {
    const run = spawnSync(process.execPath, [cli, 'calibrate', 'kazakhstan-2008', '--method', 'rejection', '--budget', '3', '--out', outC, ...SMALL, '--workers', '1'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readFileSync(join(root, outC, 'samples.csv'), 'utf8').trimEnd().split('\n')).toHaveLength(4);
    expect(readFileSync(join(root, outC, 'posterior.csv'), 'utf8').trimEnd().split('\n')).toHaveLength(2); // ⌈10% of 3⌉ = 1
    expect(readFileSync(join(root, outC, 'generations.csv'), 'utf8').trimEnd().split('\n')).toHaveLength(2);
  });

  test('names an unknown base and suggests the nearest', () => {
    const run = spawnSync(process.execPath, [cli, 'calibrate', 'kazakstan-2008'], { cwd: root, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('no base "kazakstan-2008"');
    expect(run.stderr).toContain('did you mean "kazakhstan-2008"?');
  });
});

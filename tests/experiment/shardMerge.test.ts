import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lines, migsim, tempFolder } from '../helpers/cli.js';
import { RETURN_REVIEW, FEE, POPULATION, QUOTA, SCALE } from './parameterNames.js';

/**
 * Sharded runs joined by `migsim merge` give the bytes of one unsharded run.
 * Kept small: 1,000 agents per run (scale 500 on 500,000 people), half a
 * year of burn-in (rather than the base's three), 2 years: what is compared
 * is the bytes of the files, whatever state the runs start from.
 */
const HEAD = [
  'base: kazakhstan-2008',
  'seed: 3',
  'replicates: 2',
  'years: 2',
  `set: { ${SCALE}: 500, ${POPULATION}: 500000, population.burn_in_weeks: 26 }`,
  'options:',
  '  - name: status quo',
  '  - name: quota halved',
  `    at: { month: 12, set: { ${QUOTA}: 63483 } }`,
];
const ENSEMBLE = lines('name: Small quota cut', ...HEAD);
const SWEEP = lines('name: Small sweep', ...HEAD, 'sweep:', '  design: sobol', '  points: 3', '  replicates: 1', '  parameters:', `    ${FEE}: { low: 1000, high: 9000 }`);
const SENSITIVITY = lines('name: Small sensitivity', ...HEAD, 'sensitivity:', `  ${RETURN_REVIEW}: [0.005, 0.05]`, `  ${FEE}: [1000, 9000]`);

/** Every file of a results folder, charts included, by relative path. */
function files(folder: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out.set(path.slice(folder.length + 1), readFileSync(path, 'utf8'));
  }
  return out;
}

/** Results folders must match byte for byte, except the manifest's run record (timings, workers, host). */
function expectSameResults(merged: string, whole: string): void {
  const a = files(merged);
  const b = files(whole);
  expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
  for (const [name, text] of b) {
    if (name === 'manifest.json') {
      const withoutRun = (json: string) => ({ ...(JSON.parse(json) as Record<string, unknown>), run: undefined });
      expect(withoutRun(a.get(name)!)).toEqual(withoutRun(text));
    } else expect(a.get(name), name).toBe(text);
  }
}

function ok(args: string[], env: Record<string, string> = {}): void {
  const result = migsim(args, { env });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
}

describe('--shard k/N and migsim merge', () => {
  const temp = tempFolder('shards');
  const at = (name: string) => join(temp.dir, name);

  beforeAll(() => {
    writeFileSync(at('ensemble.yaml'), ENSEMBLE);
    writeFileSync(at('sweep.yaml'), SWEEP);
    writeFileSync(at('sensitivity.yaml'), SENSITIVITY);
  });
  afterAll(() => temp.remove());

  it('an ensemble in 3 shards merges into the files of one run: timeseries, summary, comparison, report, charts', () => {
    ok(['run', at('ensemble.yaml'), '--out', at('ensemble'), '--quiet', '--workers', '2']);
    for (const k of [1, 2, 3]) ok(['run', at('ensemble.yaml'), '--shard', `${k}/3`, '--out', at(`ensemble-${k}`), '--quiet', '--workers', '1']);
    ok(['merge', at('ensemble-merged'), at('ensemble-3'), at('ensemble-1'), at('ensemble-2'), '--quiet']);
    expectSameResults(at('ensemble-merged'), at('ensemble'));
  });

  it('a sweep in 2 shards, taken from the Slurm array variables, merges into the same sweep.csv and report', () => {
    ok(['run', at('sweep.yaml'), '--out', at('sweep'), '--quiet']);
    for (const id of ['0', '1']) {
      ok(['run', at('sweep.yaml'), '--out', at(`sweep-${id}`), '--quiet'], { SLURM_ARRAY_TASK_ID: id, SLURM_ARRAY_TASK_COUNT: '2' });
    }
    ok(['merge', at('sweep-merged'), at('sweep-0'), at('sweep-1'), '--quiet']);
    expectSameResults(at('sweep-merged'), at('sweep'));
  });

  it('a sensitivity analysis in 2 shards merges into the same sensitivity.csv and report', () => {
    const args = ['sensitivity', at('sensitivity.yaml'), '--method', 'morris', '--samples', '2', '--replicates', '1', '--quiet'];
    ok([...args, '--out', at('sens')]);
    ok([...args, '--shard', '1/2', '--out', at('sens-1')]);
    ok([...args, '--shard', '2/2', '--out', at('sens-2')]);
    ok(['merge', at('sens-merged'), at('sens-1'), at('sens-2'), '--quiet']);
    expectSameResults(at('sens-merged'), at('sens'));
  });

  it('refuses missing, duplicated and mismatched shards, and folders that are not shards', () => {
    const missing = migsim(['merge', at('never'), at('ensemble-1'), at('ensemble-3')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe('migsim: missing shard 2/3\n');

    const twice = migsim(['merge', at('never'), at('ensemble-1'), at('ensemble-2'), at('ensemble-2'), at('ensemble-3')]);
    expect(twice.status).toBe(1);
    expect(twice.stderr).toContain('shard 2/3 is given twice');

    const other = migsim(['merge', at('never'), at('ensemble-1'), at('ensemble-2'), at('sweep-1')]);
    expect(other.status).toBe(1);
    expect(other.stderr).toMatch(/does not belong with .*: scenario sha256/);

    // A shard made by another version of migsim.
    const record = join(at('ensemble-2'), 'shard.json');
    const original = readFileSync(record, 'utf8');
    writeFileSync(record, original.replace(/"version": "[^"]+"/, '"version": "0.0.0-other"'));
    const version = migsim(['merge', at('never'), at('ensemble-1'), at('ensemble-2'), at('ensemble-3')]);
    writeFileSync(record, original);
    expect(version.status).toBe(1);
    expect(version.stderr).toMatch(/does not belong with .*: migsim version "0.0.0-other"/);

    const notShard = migsim(['merge', at('never'), at('ensemble')]);
    expect(notShard.status).toBe(1);
    expect(notShard.stderr).toContain('is not a shard folder');
    expect(readdirSync(temp.dir)).not.toContain('never');
  });

  it('refuses a malformed --shard', () => {
    const result = migsim(['run', at('ensemble.yaml'), '--shard', '4/3', '--out', at('never')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('--shard expects k/N with 1 ≤ k ≤ N');
  });
});

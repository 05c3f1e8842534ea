import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migsim, tempFolder, type CliResult } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/model.js';

const AUTO = join(REPO_ROOT, 'tests', 'cli', 'fixtures', 'short-auto.yaml');
const TABLES = ['timeseries.csv', 'summary.csv', 'comparison.csv'];

describe('replicates: auto', () => {
  let temp: ReturnType<typeof tempFolder>;
  let one: CliResult;
  let two: CliResult;
  beforeAll(() => {
    temp = tempFolder('auto');
    one = migsim(['run', AUTO, '--out', join(temp.dir, 'one'), '--workers', '1']);
    two = migsim(['run', AUTO, '--out', join(temp.dir, 'two'), '--workers', '2', '--quiet']);
  });
  afterAll(() => temp?.remove());

  it('stops at the same replicate for any worker count, with byte-identical tables', () => {
    expect(one.status, one.stderr).toBe(0);
    expect(two.status, two.stderr).toBe(0);
    for (const file of TABLES) {
      expect(readFileSync(join(temp.dir, 'one', file), 'utf8'), file).toBe(readFileSync(join(temp.dir, 'two', file), 'utf8'));
    }
  });

  it('records the count and the rule that stopped it in the manifest, the report and the terminal', () => {
    const manifest = JSON.parse(readFileSync(join(temp.dir, 'one', 'manifest.json'), 'utf8')) as {
      replicates: number;
      replicate_seeds: string[];
      replicates_auto: { stopped_by: string; batch: number; max: number };
      command: string;
    };
    expect(manifest.replicates).toBe(4);
    expect(manifest.replicate_seeds).toHaveLength(4);
    expect(manifest.replicates_auto).toMatchObject({ stopped_by: 'precision', batch: 2, max: 10 });
    expect(manifest.command).toMatch(/^npx migsim run \S*short-auto\.yaml --seed 7 --replicates 4$/);
    const report = readFileSync(join(temp.dir, 'one', 'report.html'), 'utf8');
    expect(report).toContain('Replicates were chosen automatically (batches of 2 per option, up to 10): 4 per option, when every key difference');
    expect(report).toMatch(/<code>npx migsim run \S*short-auto\.yaml --seed 7 --replicates 4<\/code>/);
    expect(one.stderr).toMatch(/^Short automatic run: 0\/4 runs \(at most 20\)/m);
    expect(one.stderr).toMatch(/Replicates were chosen automatically/);
    const rows = readFileSync(join(temp.dir, 'one', 'summary.csv'), 'utf8').trimEnd().split('\n').slice(1);
    expect(new Set(rows.map((row) => row.split(',').at(-1)))).toEqual(new Set(['4']));
  });
});

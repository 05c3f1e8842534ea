import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDICATORS } from '../../sim/model/indicators.js';
import { lines, migsim, tempFolder } from '../helpers/cli.js';
import { FEE, POPULATION, QUOTA, SCALE } from './parameterNames.js';

/**
 * `migsim run` on a scenario with a sweep, kept small: 2 options × 4 Latin
 * hypercube points × 2 replicates, 1 year after half a year of burn-in,
 * 1,000 agents per run (scale 500 on a population of 500,000).
 */
const SWEEP = lines(
  'name: Fee and quota sweep',
  'base: kazakhstan-2008',
  'seed: 11',
  'replicates: 2',
  'years: 1',
  `set: { ${SCALE}: 500, ${POPULATION}: 500000, population.burn_in_weeks: 26 }`,
  'options:',
  '  - name: status quo',
  '  - name: quota halved',
  `    at: { month: 6, set: { ${QUOTA}: 63000 } }`,
  'sweep:',
  '  design: latin-hypercube',
  '  points: 4',
  '  parameters:',
  `    ${QUOTA}: { low: 20000, high: 250000 }`,
  `    ${FEE}: [1000, 5000]`,
);

describe('migsim run with a sweep: section', () => {
  const temp = tempFolder('sweep');
  const file = join(temp.dir, 'sweep.yaml');
  const two = join(temp.dir, 'two');
  let first: ReturnType<typeof migsim>;

  beforeAll(() => {
    writeFileSync(file, SWEEP);
    first = migsim(['run', file, '--out', two, '--workers', '2', '--quiet']);
  });
  afterAll(() => temp.remove());

  it('writes sweep.csv with one row per option, point, place and indicator, response charts and a manifest', () => {
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(readdirSync(two).sort()).toEqual(['charts', 'manifest.json', 'report.html', 'sweep.csv']);
    const rows = readFileSync(join(two, 'sweep.csv'), 'utf8').trim().split('\n');
    expect(rows[0]).toBe(`option,point,${QUOTA},${FEE},place,indicator,mean,sd,ci_low,ci_high,n`);
    // Places: every destination together (all), then each destination country (here Kazakhstan alone, so the two agree).
    expect(rows).toHaveLength(1 + 2 * 4 * 2 * INDICATORS.length);
    const byPlace = new Map<string, string>();
    for (const row of rows.slice(1)) {
      const cells = row.split(',');
      const place = cells[4];
      expect(['all', 'kazakhstan']).toContain(place);
      const key = [cells[0], cells[1], cells[5]].join(',');
      const rest = cells.slice(6).join(',');
      if (byPlace.has(key)) expect(rest, key).toBe(byPlace.get(key));
      else byPlace.set(key, rest);
    }
    expect(byPlace.size).toBe(2 * 4 * INDICATORS.length);
    // Every point has its own parameter values, the same under both options.
    const points = new Map<string, string>();
    for (const row of rows.slice(1)) {
      const [, point, quota, fee] = row.split(',');
      expect(points.get(point) ?? `${quota},${fee}`).toBe(`${quota},${fee}`);
      points.set(point, `${quota},${fee}`);
      expect(row.endsWith(',2')).toBe(true);
    }
    expect(points.size).toBe(4);
    const html = readFileSync(join(two, 'report.html'), 'utf8');
    expect(html).toContain(`id="chart-sweep-irregular-${QUOTA}"`);
    expect(readdirSync(join(two, 'charts'))).toContain(`sweep-irregular-${FEE}.svg`);
    expect(JSON.parse(readFileSync(join(two, 'manifest.json'), 'utf8')).sweep.points).toHaveLength(4);
  });

  it('gives byte-identical files with one worker', () => {
    const one = join(temp.dir, 'one');
    const result = migsim(['run', file, '--out', one, '--workers', '1', '--quiet']);
    expect(result.status).toBe(0);
    for (const name of ['sweep.csv', 'report.html']) expect(readFileSync(join(one, name), 'utf8'), name).toBe(readFileSync(join(two, name), 'utf8'));
  });

  it('refuses an existing non-empty --out', () => {
    const taken = join(temp.dir, 'taken');
    mkdirSync(taken);
    writeFileSync(join(taken, 'keep.txt'), 'mine');
    const result = migsim(['run', file, '--out', taken, '--quiet']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('exists and is not empty');
    expect(readdirSync(taken)).toEqual(['keep.txt']);
  });

  it('validate reports a bad sweep section as FILE:LINE:COL and exits 1', () => {
    const bad = join(temp.dir, 'bad.yaml');
    writeFileSync(bad, SWEEP.replace('design: latin-hypercube', 'design: random'));
    const result = migsim(['validate', bad]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`${bad}:12:11: sweep.design: expected one of grid, latin-hypercube, sobol, got "random"\n`);
  });
});

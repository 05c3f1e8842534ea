import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulate, type SimulationInput } from '../../sim/model/simulate.js';
import { lines, migsim, tempFolder } from '../helpers/cli.js';
import { firstDifference, once, optionInput, placeRows, scenarioOptions, series } from '../helpers/model.js';
import { simulateInChild } from '../helpers/simulateInChild.js';

describe('a simulation in process', () => {
  // The quota-halving option (a timeline event at week 52) in a world of 1,000 agents.
  const halved = scenarioOptions('quota-cut.yaml').find((o) => o.name === 'quota halved')!;
  const tiny = { 'population.potential_migrants': 20_000, scale: 20, 'population.burn_in_weeks': 26 };
  const input = (seed: string): SimulationInput => optionInput(halved, seed, 56, tiny);
  const reference = once(() => simulate(input('reproducible')).values);

  it('gives byte-identical values when run twice on the same input', () => {
    const again = simulate(input('reproducible')).values;
    expect(reference().length).toBeGreaterThan(0);
    expect(firstDifference(reference(), again)).toBe(-1);
  });

  it('gives byte-identical values in another process', async () => {
    const [there] = await simulateInChild([input('reproducible')]);
    expect(firstDifference(reference(), there.table.values)).toBe(-1);
  });

  it('gives different values with another seed', () => {
    const other = simulate(input('another seed')).values;
    expect(other.length).toBe(reference().length);
    expect(firstDifference(reference(), other)).not.toBe(-1);
  });

  it('applies the timeline event from its week: moved 10 weeks earlier, the quota in force changes 10 weeks earlier', () => {
    const base = input('reproducible');
    const week = base.events![0].week;
    const earlier = simulate({ ...base, events: base.events!.map((e) => ({ week: e.week - 10, set: e.set })) }).values;
    const before = halved.params['kazakhstan.quota.annual'];
    const after = base.events![0].set['kazakhstan.quota.annual'];
    expect(after).not.toBe(before);
    const quota = (values: Float64Array) => series(placeRows({ places: ['all', 'kazakhstan'], values }), 'quota');
    expect(quota(reference())[week - 1]).toBe(before);
    expect(quota(reference())[week]).toBe(after);
    expect(quota(earlier)[week - 11]).toBe(before);
    expect(quota(earlier)[week - 10]).toBe(after);
  });
});

/** A small scenario on the Kazakhstan base with two options, one with an event. */
const TINY = lines(
  'name: Tiny reproducibility check',
  'base: kazakhstan-2008',
  'seed: 11',
  'replicates: 5',
  'years: 1',
  'set:',
  '  population.potential_migrants: 40000',
  '  scale: 20',
  '  population.burn_in_weeks: 26',
  'options:',
  '  - name: status quo',
  '  - name: quota halved',
  '    at: { month: 6, set: { quota.annual: 63000 } }',
);

const CSVS = ['timeseries.csv', 'summary.csv', 'comparison.csv'] as const;

describe('migsim run of a small scenario (--replicates 2)', () => {
  let temp: ReturnType<typeof tempFolder>;
  const outputs: Record<string, string> = {};
  const read = (run: string, file: string) => readFileSync(join(outputs[run], file), 'utf8');
  const manifest = (run: string) => JSON.parse(read(run, 'manifest.json')) as Record<string, unknown>;

  beforeAll(() => {
    temp = tempFolder('reproducibility');
    const scenario = join(temp.dir, 'tiny.yaml');
    writeFileSync(scenario, TINY);
    const runs: Record<string, string[]> = {
      first: ['--workers', '1'],
      again: ['--workers', '1'],
      'two workers': ['--workers', '2'],
      'three workers': ['--workers', '3'],
      'another seed': ['--workers', '1', '--seed', '12'],
    };
    for (const [run, flags] of Object.entries(runs)) {
      const out = join(temp.dir, run.replace(/ /g, '-'));
      const result = migsim(['run', scenario, '--out', out, '--replicates', '2', '--quiet', ...flags]);
      expect(result.status, `${run}: ${result.stderr}`).toBe(0);
      outputs[run] = out;
    }
  }, 600_000);

  afterAll(() => temp?.remove());

  it('writes byte-identical timeseries.csv, summary.csv and comparison.csv when run twice', () => {
    for (const file of CSVS) {
      expect(read('first', file).length, file).toBeGreaterThan(0);
      expect(read('again', file), file).toBe(read('first', file));
    }
  });

  it.each(['two workers', 'three workers'])('writes the same three CSVs with %s as with one', (run) => {
    for (const file of CSVS) expect(read(run, file), file).toBe(read('first', file));
  });

  it('writes a different timeseries.csv with another --seed', () => {
    expect(read('another seed', 'timeseries.csv')).not.toBe(read('first', 'timeseries.csv'));
  });

  it('runs the replicates asked for on the command line', () => {
    const m = manifest('first');
    expect(m.replicates).toBe(2);
    expect(m.replicate_seeds).toHaveLength(2);
    const replicates = new Set(read('first', 'timeseries.csv').split('\n').slice(1).filter(Boolean).map((row) => row.split(',')[1]));
    expect(replicates.size).toBe(2);
  });

  it.each(['again', 'two workers', 'three workers'])('writes a manifest.json that differs from the first run\'s only in its run object (%s)', (run) => {
    const { run: runA, ...restA } = manifest('first');
    const { run: runB, ...restB } = manifest(run);
    expect(runA).toBeTypeOf('object');
    expect(runB).toBeTypeOf('object');
    expect(restB).toEqual(restA);
    expect(JSON.stringify(restB)).toBe(JSON.stringify(restA));
  });
});

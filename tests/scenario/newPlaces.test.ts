import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../sim/model/simulate.js';
import { loadScenarioFile } from '../../sim/scenario/loadScenarioFile.js';
import { migsim, tempFolder } from '../helpers/cli.js';
import { optionInput, placeRows, REPO_ROOT, total, valueAt, WIDTH } from '../helpers/model.js';
import { indicatorProblems, moneyProblems, worldProblems } from '../helpers/worldChecks.js';

/** Places are data: a scenario file adds a region and a destination country, with no change to the code. */
const FILE = join(REPO_ROOT, 'tests', 'scenario', 'fixtures', 'new-places.yaml');

describe('a scenario that adds Novosibirsk and South Korea', () => {
  const scenario = loadScenarioFile(FILE);

  it('extends the base\'s places: a fourth Russian region and a third destination country', () => {
    expect(scenario.places.destinations.russia).toEqual(['moscow', 'st_petersburg', 'yekaterinburg', 'novosibirsk']);
    expect(scenario.places.destinations.south_korea).toEqual(['seoul', 'gyeonggi']);
    expect(scenario.places.destinations.kazakhstan).toEqual(['almaty', 'astana', 'shymkent']);
  });

  it('runs with every invariant holding in every place and every week, and sends migrants to the new places', () => {
    const problems: string[] = [];
    const run = simulate({
      ...optionInput(scenario.options[0], 'new places', 26),
      onWeek: (week, _rows, world) => {
        for (const p of worldProblems(world)) problems.push(`week ${week}: ${p}`);
        for (const p of moneyProblems(world)) problems.push(`week ${week}: ${p}`);
      },
    });
    expect(problems).toEqual([]);
    expect(run.places).toEqual(['all', 'russia', 'kazakhstan', 'south_korea']);
    for (const place of run.places) expect(indicatorProblems(placeRows(run, place)), place).toEqual([]);
    expect(total(placeRows(run, 'south_korea'), 'arrivals')).toBeGreaterThan(0);
    const novosibirsk = run.world.params.places.regions.indexOf('novosibirsk');
    let there = 0;
    for (let i = 0; i < run.world.migrants.count; i++) if (run.world.migrants.status[i] !== 0 && run.world.migrants.region[i] === novosibirsk) there++;
    expect(there).toBeGreaterThan(0);
    expect(valueAt(placeRows(run, 'south_korea'), 0, 'quota')).toBe(20000);
    expect(run.values.length).toBe((26 + 1) * 4 * WIDTH);
  });

  it('lists the new places\' parameters in `migsim params`', () => {
    const result = migsim(['params', '--places-of', FILE]);
    expect(result.status, result.stderr).toBe(0);
    for (const name of ['russia.novosibirsk.jobs_share', 'south_korea.quota.annual', 'uzbekistan.south_korea.regime', 'south_korea.gyeonggi.digital_registration']) {
      expect(result.stdout).toContain(`\`${name}\``);
    }
  });

  it('writes results with a place column naming the new country', () => {
    const out = tempFolder('new-places');
    const result = migsim(['run', FILE, '--out', join(out.dir, 'results'), '--quiet']);
    expect(result.status, result.stderr).toBe(0);
    const summary = readFileSync(join(out.dir, 'results', 'summary.csv'), 'utf8').trimEnd().split('\n');
    out.remove();
    expect(summary[0]).toBe('option,place,indicator,mean,sd,ci_low,ci_high,n');
    expect(new Set(summary.slice(1).map((line) => line.split(',')[1]))).toEqual(new Set(['all', 'russia', 'kazakhstan', 'south_korea']));
  }, 600_000);
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../sim/scenario/loadScenarioFile.js';
import { migsim, tempFolder } from '../helpers/cli.js';
import { optionInput, placeRows, REPO_ROOT, total, valueAt, WIDTH } from '../helpers/model.js';
import { simulateInChild } from '../helpers/simulateInChild.js';
import { indicatorProblems } from '../helpers/worldChecks.js';
import type { BookkeepingAndPeopleIn } from './probes/inRegion.js';

/** Places are data: a scenario file adds a region and a destination country, with no change to the code. */
const FILE = join(REPO_ROOT, 'tests', 'scenario', 'fixtures', 'new-places.yaml');

describe('a scenario that adds Novosibirsk and South Korea', () => {
  const scenario = loadScenarioFile(FILE);

  it('extends the base\'s places: a fourth Russian region and a third destination country', () => {
    expect(scenario.places.destinations.russia).toEqual(['moscow', 'st_petersburg', 'yekaterinburg', 'novosibirsk']);
    expect(scenario.places.destinations.south_korea).toEqual(['seoul', 'gyeonggi']);
    expect(scenario.places.destinations.kazakhstan).toEqual(['almaty', 'astana', 'shymkent']);
  });

  it('runs with every invariant holding in every place and every week, and sends migrants to the new places', async () => {
    // In a child process, where the model runs at full speed; the probes read the world after every week.
    const [run] = await simulateInChild([
      {
        ...optionInput(scenario.options[0], 'new places', 26),
        probe: { module: 'tests/scenario/probes/inRegion.ts', name: 'bookkeepingAndPeopleIn', args: { region: 'novosibirsk' } },
      },
    ]);
    const { checked, peopleIn } = run.probe as BookkeepingAndPeopleIn;
    const problems = [...checked.world, ...checked.money].flatMap(({ week, problems }) => problems.map((p) => `week ${week}: ${p}`));
    expect(problems).toEqual([]);
    const table = run.table;
    expect(table.places).toEqual(['all', 'russia', 'kazakhstan', 'south_korea']);
    for (const place of table.places) expect(indicatorProblems(placeRows(table, place)), place).toEqual([]);
    expect(total(placeRows(table, 'south_korea'), 'arrivals')).toBeGreaterThan(0);
    expect(peopleIn).toBeGreaterThan(0);
    expect(valueAt(placeRows(table, 'south_korea'), 0, 'quota')).toBe(20000);
    expect(table.values.length).toBe((26 + 1) * 4 * WIDTH);
  }, 600_000);

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

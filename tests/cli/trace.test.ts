import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replicateSeed } from '../../sim/model/random.js';
import { simulate } from '../../sim/model/simulate.js';
import { horizonWeeks } from '../../sim/model/time.js';
import { loadScenarioFile } from '../../sim/scenario/loadScenarioFile.js';
import { lines, migsim, tempFolder } from '../helpers/cli.js';

/** A tiny scenario (2,000 agents, one year) with two options and two replicates; police ten times as active, so stops happen. */
const SCENARIO = lines(
  'name: Tiny trace',
  'base: kazakhstan-2008',
  'seed: 7',
  'replicates: 2',
  'years: 1',
  'set:',
  '  population.potential_migrants: 1000000',
  '  scale: 500',
  '  population.burn_in_weeks: 13',
  '  kazakhstan.police.capacity: 10',
  'options:',
  '  - name: base',
  '  - name: cheap permit',
  '    set:',
  '      permit.monthly_fee: 1000',
);

let folder: ReturnType<typeof tempFolder>;
let file: string;
beforeAll(() => {
  folder = tempFolder('trace');
  file = join(folder.dir, 'tiny.yaml');
  writeFileSync(file, SCENARIO);
});
afterAll(() => folder.remove());

describe('migsim trace', () => {
  it('prints as JSON the events the model records in-process for the same run and agent', () => {
    const cli = migsim(['trace', file, '--option', 'cheap permit', '--replicate', '1', '--pick', 'Uzbekistan, Almaty', '--format', 'json']);
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(0);
    const printed: unknown = JSON.parse(cli.stdout);
    const option = loadScenarioFile(file).options[1];
    const result = simulate({
      params: option.params,
      places: option.places,
      events: option.events.map((e) => ({ week: e.week, set: e.set })),
      seed: replicateSeed(7, 1),
      weeks: horizonWeeks(1),
      trace: { origin: 'uzbekistan', region: 'almaty' },
    });
    expect(result.world.trace.length).toBeGreaterThan(0);
    expect(printed).toEqual(JSON.parse(JSON.stringify(result.world.trace)));
    expect(result.world.trace.some((e) => e.kind === 'police-stop')).toBe(true);
  });

  it('tells the story in plain English, one line per event', () => {
    const cli = migsim(['trace', file, '--agent', String(0), '--format', 'text']);
    expect(cli.status).toBe(0);
    const out = cli.stdout.trim().split('\n');
    expect(out[0]).toMatch(/^Agent 0, from [a-z]+, works in [a-z]+\.$/);
    for (const line of out.slice(1)) expect(line).toMatch(/^week \d+: [A-Z].*\.$|^Nothing recorded/);
    const json = migsim(['trace', file, '--agent', '0', '--format', 'json']);
    expect(out.length - 1).toBe(Math.max(1, (JSON.parse(json.stdout) as unknown[]).length));
  });

  const BAD: [string, string[], RegExp][] = [
    ['an unknown option', ['--option', 'nope', '--agent', '0'], /no option "nope"; options: base, cheap permit/],
    ['a replicate out of range', ['--replicate', '2', '--agent', '0'], /--replicate: 2 is out of range; the scenario has replicates 0 to 1/],
    ['an unknown origin', ['--pick', 'narnia, almaty'], /unknown origin "narnia"; origins: .*uzbekistan/],
    ['an unknown region', ['--pick', 'uzbekistan, paris'], /unknown region "paris"; regions: .*almaty/],
    ['a malformed pick', ['--pick', 'uzbekistan'], /--pick expects "origin, region"/],
    ['an agent out of range', ['--agent', '2000'], /--agent: 2000 is out of range; this scenario has agents 0 to 1999/],
    ['neither --agent nor --pick', [], /exactly one of --agent N or --pick/],
    ['both --agent and --pick', ['--agent', '1', '--pick', 'uzbekistan, almaty'], /exactly one of --agent N or --pick/],
    ['a bad format', ['--agent', '1', '--format', 'xml'], /--format expects text or json/],
  ];
  it.each(BAD)('rejects %s with a clear message and exit 1', (_what, args, message) => {
    const cli = migsim(['trace', file, ...args]);
    expect(cli.status).toBe(1);
    expect(cli.stdout).toBe('');
    expect(cli.stderr).toMatch(message);
  });
});

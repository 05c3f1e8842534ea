import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { catalogue } from '../../sim/model/params/catalogue.js';
import { compilePlaces } from '../../sim/model/params/places.js';
import { resolveShippedBase } from '../../sim/scenario/loadScenarioFile.js';

/** The parameters `migsim params` lists by default: those of the central-asia-2025 places. */
const PARAMS = catalogue(compilePlaces(resolveShippedBase('central-asia-2025').places));
import { lines, migsim, tempFolder, type CliResult } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/model.js';

/** Where a token stands in a file: the 1-based line and column of its first occurrence on the first line containing `lineWith`. */
function positionOf(text: string, lineWith: string, token: string): { line: number; col: number } {
  const all = text.split('\n');
  const index = all.findIndex((line) => line.includes(lineWith));
  if (index < 0) throw new Error(`no line with "${lineWith}"`);
  const col = all[index].indexOf(token);
  if (col < 0) throw new Error(`no "${token}" on line ${index + 1}`);
  return { line: index + 1, col: col + 1 };
}

interface BadCase {
  readonly what: string;
  readonly text: string;
  /** The token the message must point at: on the first line containing `line`, the first `token`. */
  readonly at: { readonly line: string; readonly token: string };
  /** The message after `FILE:LINE:COL: `. */
  readonly message: RegExp;
}

const CASES: BadCase[] = [
  {
    what: 'a YAML syntax error',
    text: lines('name: Bad', 'base: kazakhstan-2008', 'seed: @1', 'options:', '  - name: a'),
    at: { line: 'seed:', token: '@' },
    message: /^YAML syntax error: .*reserved character @/,
  },
  {
    what: 'an unknown key',
    text: lines('name: Bad', 'base: kazakhstan-2008', 'replicats: 2', 'options:', '  - name: a'),
    at: { line: 'replicats', token: 'replicats' },
    message: /^unknown key "replicats" in scenario; did you mean "replicates"\?$/,
  },
  {
    what: 'an unknown parameter',
    text: lines('name: Bad', 'base: kazakhstan-2008', 'set:', '  scale: 20', '  police.corruptoin: 0.5', 'options:', '  - name: a'),
    at: { line: 'corruptoin', token: 'police.corruptoin' },
    message: /^unknown parameter "police\.corruptoin" in set; did you mean "police\.corruption"\?$/,
  },
  {
    what: 'a value of the wrong type',
    text: lines('name: Bad', 'base: kazakhstan-2008', 'options:', '  - name: a', '    set:', '      scale: many'),
    at: { line: 'scale: many', token: 'many' },
    message: /^scale: expected a whole number.*, got "many"$/,
  },
  {
    what: 'a value out of range',
    text: lines('name: Bad', 'base: kazakhstan-2008', 'set:', '  police.corruption: 1.5', 'options:', '  - name: a'),
    at: { line: 'police.corruption', token: '1.5' },
    message: /^police\.corruption: 1\.5 is above the maximum 1\b/,
  },
  {
    what: 'an unknown base',
    text: lines('name: Bad', 'base: kazakstan-2008', 'options:', '  - name: a'),
    at: { line: 'base:', token: 'kazakstan-2008' },
    message: /^unknown base "kazakstan-2008".*; did you mean "kazakhstan-2008"\?$/,
  },
  {
    what: 'an event after the horizon',
    text: lines('name: Bad', 'base: kazakhstan-2008', 'years: 1', 'options:', '  - name: cut', '    at: { month: 12, set: { quota.annual: 1000 } }'),
    at: { line: 'month: 12', token: '12' },
    message: /^option "cut": event at month 12 is at or after the horizon/,
  },
];

/** Checks the failure of a command on a bad file: exit 1, only `FILE:LINE:COL: message` lines, no stack trace. */
function expectOneProblem(result: CliResult, file: string, line: number, col: number, message: RegExp): void {
  expect(result.status, result.stderr).toBe(1);
  expect(result.stdout).toBe('');
  const problems = result.stderr.split('\n').filter((l) => l !== '');
  expect(problems.filter((l) => /^\s+at /.test(l))).toEqual([]);
  expect(problems).toHaveLength(1);
  const prefix = `${file}:${line}:${col}: `;
  expect(problems[0].startsWith(prefix), `${problems[0]} should start with ${prefix}`).toBe(true);
  expect(problems[0].slice(prefix.length)).toMatch(message);
}

describe('a scenario file with a mistake', () => {
  let temp: ReturnType<typeof tempFolder>;
  beforeAll(() => {
    temp = tempFolder('bad-input');
  });
  afterAll(() => temp?.remove());

  describe.each(CASES)('$what', ({ what, text, at, message }) => {
    const { line, col } = positionOf(text, at.line, at.token);
    const writeFile = () => {
      const file = join(temp.dir, `${what.replace(/\W+/g, '-')}.yaml`);
      writeFileSync(file, text);
      return file;
    };

    it('fails validate with exit code 1 and FILE:LINE:COL: message at the mistake, without a stack trace', () => {
      const file = writeFile();
      expectOneProblem(migsim(['validate', file]), file, line, col, message);
    });

    it('fails run the same way and leaves no output folder, finished or partial', () => {
      const file = writeFile();
      const out = join(temp.dir, 'out');
      const before = readdirSync(temp.dir);
      expectOneProblem(migsim(['run', file, '--out', out, '--quiet', '--workers', '1']), file, line, col, message);
      expect(readdirSync(temp.dir).sort()).toEqual(before.sort());
      expect(readdirSync(temp.dir).filter((name) => name === 'out' || name.includes('partial'))).toEqual([]);
    });
  });

  describe('a file that does not exist', () => {
    it('fails validate with exit code 1 and FILE:1:1: file not found', () => {
      const file = join(temp.dir, 'no-such-scenario.yaml');
      expectOneProblem(migsim(['validate', file]), file, 1, 1, /^file not found$/);
    });

    it('fails run the same way and leaves no output folder, finished or partial', () => {
      const file = join(temp.dir, 'no-such-scenario.yaml');
      const out = join(temp.dir, 'out-missing');
      const before = readdirSync(temp.dir);
      expectOneProblem(migsim(['run', file, '--out', out, '--quiet', '--workers', '1']), file, 1, 1, /^file not found$/);
      expect(readdirSync(temp.dir).sort()).toEqual(before.sort());
    });
  });
});

const SHIPPED = readdirSync(join(REPO_ROOT, 'scenarios'))
  .filter((name) => name.endsWith('.yaml'))
  .sort();

describe('the shipped scenarios', () => {
  it('are there', () => {
    expect(SHIPPED).toEqual(expect.arrayContaining(['permit-tying.yaml', 'quota-cut.yaml']));
  });

  it.each(SHIPPED)('validate prints ok for scenarios/%s and exits 0', (name) => {
    const result = migsim(['validate', join('scenarios', name)]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('ok\n');
    expect(result.status).toBe(0);
  });

  it('list shows every scenarios/*.yaml with its name', () => {
    const result = migsim(['list']);
    expect(result.status, result.stderr).toBe(0);
    for (const name of SHIPPED) {
      expect(result.stdout).toContain(join('scenarios', name));
      const title = (parse(readFileSync(join(REPO_ROOT, 'scenarios', name), 'utf8')) as { name: string }).name;
      expect(result.stdout).toContain(title);
    }
  });
});

describe('migsim params', () => {
  it('--format json lists every parameter, each with a non-empty unit, meaning and source', () => {
    const result = migsim(['params', '--format', 'json']);
    expect(result.status, result.stderr).toBe(0);
    const listed = JSON.parse(result.stdout) as { name: string; unit: unknown; meaning: unknown; source: unknown }[];
    expect(listed.map((p) => p.name).sort()).toEqual(PARAMS.map((p) => p.name).sort());
    const lacking = listed.filter(
      (p) => [p.unit, p.meaning, p.source].some((field) => typeof field !== 'string' || field.trim() === ''),
    );
    expect(lacking.map((p) => p.name)).toEqual([]);
  });

  it('--places-of lists the parameters of another base or scenario\'s places', () => {
    const result = migsim(['params', '--format', 'json', '--places-of', 'kazakhstan-2008']);
    expect(result.status, result.stderr).toBe(0);
    const names = (JSON.parse(result.stdout) as { name: string }[]).map((p) => p.name);
    expect(names).toContain('kazakhstan.almaty.jobs_share');
    expect(names).not.toContain('russia.moscow.jobs_share');
  });

  it('--format md names every parameter', () => {
    const result = migsim(['params', '--format', 'md']);
    expect(result.status, result.stderr).toBe(0);
    const missing = PARAMS.filter((p) => !result.stdout.includes(`\`${p.name}\``));
    expect(missing.map((p) => p.name)).toEqual([]);
  });
});

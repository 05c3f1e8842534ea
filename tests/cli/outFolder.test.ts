import { copyFileSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migsim, tempFolder, type CliResult } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/model.js';

const SHORT = join(REPO_ROOT, 'tests', 'cli', 'fixtures', 'short.yaml');
const TINY = join(REPO_ROOT, 'tests', 'cli', 'fixtures', 'tiny.yaml');

/** A refusal: exit 1, one `migsim: …` line, nothing simulated (no progress line), nothing on stdout. */
function expectRefused(result: CliResult, message: RegExp): void {
  expect(result.status, result.stderr).toBe(1);
  expect(result.stdout).toBe('');
  const lines = result.stderr.split('\n').filter((line) => line !== '');
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^migsim: /);
  expect(lines[0]).toMatch(message);
}

/** Every file under a folder with its content, to show that nothing changed. */
function snapshot(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    files[path] = entry.isFile() ? readFileSync(path, 'utf8') : entry.isDirectory() ? '<folder>' : '<other>';
  }
  return files;
}

describe('run refuses an --out it would destroy, before simulating anything', () => {
  let temp: ReturnType<typeof tempFolder>;
  beforeAll(() => {
    temp = tempFolder('out-refused');
  });
  afterAll(() => temp?.remove());

  it('a folder holding other files, even with --force, and leaves them as they were', () => {
    const out = join(temp.dir, 'thesis');
    mkdirSync(out);
    writeFileSync(join(out, 'thesis.txt'), 'four years of work\n');
    const before = snapshot(temp.dir);
    expectRefused(migsim(['run', SHORT, '--out', out]), /holds files migsim did not write \(thesis\.txt\)/);
    expectRefused(migsim(['run', SHORT, '--out', out, '--force']), /holds files migsim did not write/);
    expect(snapshot(temp.dir)).toEqual(before);
  });

  it('an existing file', () => {
    const out = join(temp.dir, 'notes.txt');
    writeFileSync(out, 'keep me\n');
    const before = snapshot(temp.dir);
    expectRefused(migsim(['run', SHORT, '--out', out, '--force']), /exists and is a file/);
    expect(snapshot(temp.dir)).toEqual(before);
  });

  it('a device such as /dev/null', () => {
    expectRefused(migsim(['run', SHORT, '--out', '/dev/null', '--force']), /under \/dev/);
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('/proc and /sys, which hold no files', () => {
    expectRefused(migsim(['run', SHORT, '--out', '/proc/migsim-results']), /under \/proc/);
    expectRefused(migsim(['run', SHORT, '--out', '/sys/migsim-results']), /under \/sys/);
  });

  it('the working folder and its parent, which hold the scenario', () => {
    const parent = join(temp.dir, 'p');
    const child = join(parent, 'child');
    mkdirSync(child, { recursive: true });
    copyFileSync(SHORT, join(parent, 's.yaml'));
    const before = snapshot(parent);
    expectRefused(migsim(['run', '../s.yaml', '--out', '..', '--force'], { cwd: child }), /contains the working folder/);
    expectRefused(migsim(['run', '../s.yaml', '--out', '.', '--force'], { cwd: child }), /contains the working folder/);
    expectRefused(migsim(['run', 's.yaml', '--out', '.', '--force'], { cwd: parent }), /contains the working folder/);
    expect(snapshot(parent)).toEqual(before);
  });

  it('a folder that holds the scenario file', () => {
    const folder = join(temp.dir, 'scenario-home');
    mkdirSync(folder);
    copyFileSync(SHORT, join(folder, 's.yaml'));
    expectRefused(migsim(['run', join(folder, 's.yaml'), '--out', folder, '--force']), /contains .*s\.yaml/);
  });

  it('an empty name, a path under a file, and a symbolic link', () => {
    expectRefused(migsim(['run', SHORT, '--out', '']), /--out is empty/);
    const file = join(temp.dir, 'plain-file');
    writeFileSync(file, 'x');
    expectRefused(migsim(['run', SHORT, '--out', join(file, 'results')]), /is not a folder/);
    const link = join(temp.dir, 'link');
    symlinkSync(temp.dir, link);
    expectRefused(migsim(['run', SHORT, '--out', link, '--force']), /symbolic link/);
  });
});

describe('run replaces a previous results folder only with --force', () => {
  let temp: ReturnType<typeof tempFolder>;
  let out: string;
  // These runs finish and write their folder; how long they simulate tests nothing, so they run the tiny world.
  beforeAll(() => {
    temp = tempFolder('out-force');
    out = join(temp.dir, 'results', 'short');
    const first = migsim(['run', TINY, '--out', out, '--replicates', '1', '--workers', '1', '--quiet']);
    expect(first.status, first.stderr).toBe(0);
  });
  afterAll(() => temp?.remove());

  it('creates the folder, and its missing parents, holding only result files', () => {
    expect(readdirSync(out).sort()).toEqual(['charts', 'comparison.csv', 'manifest.json', 'report.html', 'summary.csv', 'timeseries.csv']);
    expect(readdirSync(join(temp.dir, 'results'))).toEqual(['short']);
  });

  it('refuses it without --force', () => {
    const before = snapshot(temp.dir);
    expectRefused(migsim(['run', TINY, '--out', out, '--replicates', '1']), /results of a previous run; add --force/);
    expect(snapshot(temp.dir)).toEqual(before);
  });

  it('replaces it with --force, leaving no working folder', () => {
    const again = migsim(['run', TINY, '--out', out, '--replicates', '2', '--workers', '1', '--quiet', '--force']);
    expect(again.status, again.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { replicates: number };
    expect(manifest.replicates).toBe(2);
    expect(readdirSync(join(temp.dir, 'results'))).toEqual(['short']);
  });

  it('refuses it with --force too once someone has put their own file in it', () => {
    writeFileSync(join(out, 'my-notes.md'), 'mine\n');
    const before = snapshot(temp.dir);
    expectRefused(migsim(['run', TINY, '--out', out, '--force']), /holds files migsim did not write \(my-notes\.md\)/);
    expect(snapshot(temp.dir)).toEqual(before);
  });
});

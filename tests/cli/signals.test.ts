import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migsim, tempFolder } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/model.js';
import { spawnMigsim } from '../helpers/spawnCli.js';

const SHORT = join(REPO_ROOT, 'tests', 'cli', 'fixtures', 'short.yaml');
/** The same runs in a smaller world, where the simulation's length does not matter: the run pauses for the signal, or fails on purpose. */
const TINY = join(REPO_ROOT, 'tests', 'cli', 'fixtures', 'tiny.yaml');
const TABLES = ['timeseries.csv', 'summary.csv', 'comparison.csv'];
/** The first progress line, printed before any run has finished. */
const SIMULATING = /^Short run: 0\/\d+ runs/;

describe('a signal at any phase stops the run cleanly', () => {
  let temp: ReturnType<typeof tempFolder>;
  beforeAll(() => {
    temp = tempFolder('signals');
  });
  afterAll(() => temp?.remove());

  const cases = (['SIGINT', 'SIGTERM'] as const).flatMap((signal) =>
    (['simulation', 'analysis', 'writing'] as const).map((phase) => ({ signal, phase })),
  );
  it.each(cases)('$signal during $phase: exit 128 + signal, nothing left on disk', async ({ signal, phase }) => {
    const folder = join(temp.dir, `${signal}-${phase}`);
    const out = join(folder, 'out');
    // During the simulation the signal must arrive while runs are still going, so those runs are the longer ones.
    const run = spawnMigsim(['run', phase === 'simulation' ? SHORT : TINY, '--out', out, '--replicates', '1', '--workers', '1'], {
      env: phase === 'simulation' ? {} : { MIGSIM_TEST_PAUSE: phase },
    });
    await run.waitFor(phase === 'simulation' ? SIMULATING : new RegExp(`^paused for tests in ${phase}$`));
    if (phase === 'writing') expect(existsSync(join(folder, '.out.migsim-partial', 'results', 'timeseries.csv'))).toBe(true);
    run.child.kill(signal);
    const { code } = await run.exited;
    expect(code, run.stderr()).toBe(signal === 'SIGINT' ? 130 : 143);
    expect(run.stderr()).toContain('migsim: interrupted; no results written');
    expect(run.stdout()).toBe('');
    // The folder holding --out was created by the run, so it goes too.
    expect(existsSync(folder), readdirSync(temp.dir).join(', ')).toBe(false);
  });
});

describe('a run killed outright', () => {
  let temp: ReturnType<typeof tempFolder>;
  let reference: string;
  beforeAll(() => {
    temp = tempFolder('killed');
    reference = join(temp.dir, 'reference');
    const result = migsim(['run', SHORT, '--out', reference, '--workers', '2', '--quiet']);
    expect(result.status, result.stderr).toBe(0);
  });
  afterAll(() => temp?.remove());

  /** Starts a run and kills it with SIGKILL once at least one run is checkpointed. */
  async function killAfterFirstRun(out: string): Promise<void> {
    const run = spawnMigsim(['run', SHORT, '--out', out, '--workers', '1']);
    await run.waitFor(/^Short run: [1-3]\/4 runs/);
    run.child.kill('SIGKILL');
    await run.exited;
  }

  it('leaves a working folder named after --out, which the next run removes and says so', async () => {
    const out = join(temp.dir, 'fresh');
    await killAfterFirstRun(out);
    const leftover = join(temp.dir, '.fresh.migsim-partial');
    expect(readdirSync(join(leftover, 'runs')).filter((name) => name.endsWith('.f64')).length).toBeGreaterThan(0);
    const next = migsim(['run', SHORT, '--out', out, '--workers', '2']);
    expect(next.status, next.stderr).toBe(0);
    expect(next.stderr).toMatch(/removed .*\.fresh\.migsim-partial, left by an interrupted run \(process \d+/);
    expect(existsSync(leftover)).toBe(false);
  });

  it('continues with --resume and gives files byte-identical to an uninterrupted run', async () => {
    const out = join(temp.dir, 'resumed');
    await killAfterFirstRun(out);
    const resumed = migsim(['run', SHORT, '--out', out, '--workers', '1', '--resume']);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(/resuming: [1-3] finished runs found/);
    for (const file of TABLES) expect(readFileSync(join(out, file), 'utf8'), file).toBe(readFileSync(join(reference, file), 'utf8'));
    expect(existsSync(join(temp.dir, '.resumed.migsim-partial'))).toBe(false);
  });

  it('is not resumed by a run of different settings', async () => {
    const out = join(temp.dir, 'changed');
    await killAfterFirstRun(out);
    const resumed = migsim(['run', SHORT, '--out', out, '--seed', '8', '--resume', '--quiet']);
    expect(resumed.status).toBe(1);
    expect(resumed.stderr).toMatch(/--resume: the interrupted run .* ran a different scenario, version or settings/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('runs that fail', () => {
  let temp: ReturnType<typeof tempFolder>;
  beforeAll(() => {
    temp = tempFolder('failures');
  });
  afterAll(() => temp?.remove());

  it.each([
    { fault: 'throw', message: /test fault in option 1, replicate 0/ },
    { fault: 'exit', message: /worker thread exited with code 3/ },
  ])('a job that does "$fault" is recorded in failures.csv, the others finish, exit 2', ({ fault, message }) => {
    const out = join(temp.dir, fault);
    const result = migsim(['run', TINY, '--out', out, '--workers', '2', '--quiet'], { env: { MIGSIM_TEST_FAULT: `${fault}:1:0` } });
    expect(result.status, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/1 of 4 runs failed/);
    expect(result.stderr).not.toMatch(/DeprecationWarning|DEP0132/);
    const failures = readFileSync(join(out, 'failures.csv'), 'utf8').trimEnd().split('\n');
    expect(failures[0]).toBe('option,replicate,seed,message,command');
    expect(failures).toHaveLength(2);
    expect(failures[1]).toMatch(/^second,0,[^,]+,/);
    expect(failures[1]).toMatch(message);
    expect(failures[1]).toMatch(/npx migsim run \S*tiny\.yaml --seed 7 --replicates 2 --only-option second --only-replicate 0 --workers 1$/);
    const summary = readFileSync(join(out, 'summary.csv'), 'utf8').trimEnd().split('\n').slice(1).map((line) => line.split(','));
    expect(new Set(summary.filter((row) => row[0] === 'first').map((row) => row.at(-1)))).toEqual(new Set(['2']));
    expect(new Set(summary.filter((row) => row[0] === 'second').map((row) => row.at(-1)))).toEqual(new Set(['1']));
    const report = readFileSync(join(out, 'report.html'), 'utf8');
    expect(report).toContain('1 of 4 runs failed');
    expect(report).toContain('The figures rest on these runs per option: first 2, second 1;');
  });

  it('when every run of an option fails, nothing is written and the exit code is 1', () => {
    const out = join(temp.dir, 'all');
    const result = migsim(['run', TINY, '--out', out, '--workers', '2', '--quiet'], { env: { MIGSIM_TEST_FAULT: 'throw:1:0,throw:1:1' } });
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/every run of option "second" failed; no results written/);
    expect(result.stderr).toMatch(/reproduce it alone with: npx migsim run/);
    expect(readdirSync(temp.dir).filter((name) => name.includes('all'))).toEqual([]);
  });
});

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migsim } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/model.js';

const SHORT = join(REPO_ROOT, 'tests', 'cli', 'fixtures', 'short.yaml');

describe('run checks its flags before running anything', () => {
  it.each([' ', '', '1e3', '0x10', '-1', '1.5', '12abc'])('refuses --seed "%s": digits only', (seed) => {
    const result = migsim(['run', SHORT, '--seed', seed, '--out', '/nonexistent/never-written']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`--seed expects a whole number ≥ 0 written in digits, got "${seed}"`);
  });

  it('refuses --only-replicate beyond the replicates, naming the range', () => {
    const result = migsim(['run', SHORT, '--only-replicate', '99', '--out', '/nonexistent/never-written']);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe('migsim: --only-replicate: expected a replicate index from 0 to 1, got 99');
  });

  it('refuses an unknown --only-option, listing the options', () => {
    const result = migsim(['run', SHORT, '--only-option', 'third', '--out', '/nonexistent/never-written']);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe('migsim: --only-option: no option "third"; options: first, second');
  });

  it('escapes control characters of a flag in its message', () => {
    const result = migsim(['run', SHORT, '--workers', '\u001b[2J']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('got "\\x1b[2J"');
    expect(result.stderr).not.toContain('\u001b');
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/model.js';
import { MUTANTS, mutate } from './mutants.js';

/**
 * The mutants of `npm run mutants` (runMutants.ts runs them, several
 * minutes) must keep mutating the code they name: when the model's code
 * changes under one, this test fails rather than the mutant silently
 * mutating nothing.
 */
describe.each(MUTANTS.map((m) => [m.name, m] as const))('the mutant "%s"', (_name, mutant) => {
  it('changes its file, at text found there, and names a test file that exists', () => {
    const text = readFileSync(join(REPO_ROOT, mutant.file), 'utf8');
    expect(mutate(mutant, text)).not.toBe(text);
    expect(existsSync(join(REPO_ROOT, mutant.caughtBy))).toBe(true);
  });
});

it('the mutants have names of their own', () => {
  expect(new Set(MUTANTS.map((m) => m.name)).size).toBe(MUTANTS.length);
});

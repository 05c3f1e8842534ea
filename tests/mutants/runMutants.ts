/**
 * `npm run mutants`: applies each mutation of mutants.ts, one at a time, to
 * a copy of the project in a temporary folder (the project's own files are
 * never touched) and runs the test file that must catch it there. Prints
 * each mutant as caught, survived or (if its test run could not start)
 * error, and exits 1 unless all were caught. The copy
 * shares the project's node_modules through a link and is removed at the
 * end. Arguments: names or numbers of mutants to run (default: all).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { REPO_ROOT } from '../helpers/model.js';
import { MUTANTS, mutate } from './mutants.js';

/** Folders of the project a test run does not read, or that it makes. */
const NOT_COPIED = new Set(['.git', 'node_modules', 'dist', 'test-output', 'results', 'calibration']);

const wanted = process.argv.slice(2);
const chosen = MUTANTS.filter((m, k) => wanted.length === 0 || wanted.includes(String(k)) || wanted.includes(m.name));
if (chosen.length === 0) {
  console.error(`no mutant matches ${wanted.join(', ')}; mutants: ${MUTANTS.map((m, k) => `${k} ${m.name}`).join('; ')}`);
  process.exit(2);
}

const copy = mkdtempSync(join(tmpdir(), 'migsim-mutants-'));
let unproven = 0;
try {
  cpSync(REPO_ROOT, copy, { recursive: true, filter: (source) => !NOT_COPIED.has(source.slice(REPO_ROOT.length).split(/[\\/]/)[0]) });
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
  for (const mutant of chosen) {
    const file = join(copy, mutant.file);
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, mutate(mutant, original));
    const started = Date.now();
    const run = spawnSync(process.execPath, [join(copy, 'node_modules', 'vitest', 'vitest.mjs'), 'run', mutant.caughtBy], { cwd: copy, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    writeFileSync(file, original);
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    // Caught means a test of the file failed; a run that fails without one (it could not start) proves nothing.
    const output = stripVTControlCharacters(run.stdout + run.stderr);
    const failing = [...new Set(output.match(/^ *FAIL +\S+ > .*$/gm) ?? [])].map((line) => line.trim().replace(/^FAIL +\S+ > /, ''));
    const outcome = run.status === 0 ? 'SURVIVED' : failing.length > 0 ? 'caught' : 'ERROR';
    if (outcome !== 'caught') unproven++;
    console.log(`${outcome.padEnd(8)} ${mutant.name} (${mutant.file}; ${mutant.caughtBy}, ${seconds} s)`);
    for (const line of failing) console.log(`  ${line}`);
    if (outcome === 'ERROR') console.log(`  the test run failed (exit ${run.status}) with no failing test:\n${output.slice(-2000)}`);
  }
} finally {
  // The link first, so that removing the copy cannot reach the project's node_modules.
  rmSync(join(copy, 'node_modules'), { force: true });
  rmSync(copy, { recursive: true, force: true });
}
console.log(`${chosen.length - unproven} of ${chosen.length} mutants caught`);
process.exit(unproven > 0 ? 1 : 0);

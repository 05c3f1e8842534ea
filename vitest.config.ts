import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The slowest test files, slowest first. They start first, so that the
 * short files fill the cores while the long ones finish, rather than a long
 * file starting last and running alone. Vitest's own order (longest first
 * by its cache of the last run, failed files before all) depends on that
 * cache, which a fresh checkout does not have.
 */
const SLOWEST_FIRST = [
  'tests/web/page.e2e.test.ts',
  'tests/model/decisions.test.ts',
  'tests/cli/signals.test.ts',
  'tests/model/steadyStart.test.ts',
  'tests/calibrate/calibrateCli.test.ts',
  'tests/experiment/shardMerge.test.ts',
  'tests/model/employers.test.ts',
  'tests/model/patterns.test.ts',
  'tests/model/renewal.test.ts',
];

class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const k = SLOWEST_FIRST.indexOf(relative(file.project.config.root, file.moduleId).replaceAll('\\', '/'));
      return k < 0 ? SLOWEST_FIRST.length : k;
    };
    return sorted.map((file, k) => ({ file, k })).sort((a, b) => rank(a.file) - rank(b.file) || a.k - b.k).map(({ file }) => file);
  }
}

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Vitest keeps a core free by default (cores − 1 workers), which on a
    // 2-core machine runs the files one at a time. Most of the suite's work
    // is in child processes (simulations, the command line, the browser)
    // that a file's worker only waits for, so run as many files as cores.
    maxWorkers: availableParallelism(),
    // A worker keeps the modules it has loaded from one file to the next
    // instead of loading them afresh for each: no test changes a module's
    // state, and the one that sets an environment variable restores it.
    isolate: false,
    sequence: { sequencer: SlowestFirst },
    // A wait for the page or a process to reach a state, not a claim about
    // its speed: generous, since the machine may be busy with other files.
    expect: { poll: { timeout: 60_000 } },
  },
});

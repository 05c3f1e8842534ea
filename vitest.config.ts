import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

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
    // A wait for the page or a process to reach a state, not a claim about
    // its speed: generous, since the machine may be busy with other files.
    expect: { poll: { timeout: 60_000 } },
  },
});

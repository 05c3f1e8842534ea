import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RunFailure, RunInterrupted, runEnsemble } from '../../sim/run/runEnsemble.js';
import { loadScenarioFile } from '../../sim/scenario/loadScenarioFile.js';
import { REPO_ROOT } from '../helpers/model.js';

const SHORT = join(REPO_ROOT, 'tests', 'cli', 'fixtures', 'short.yaml');

describe('runEnsemble (used by calibrate) always settles', () => {
  afterEach(() => {
    delete process.env.MIGSIM_TEST_FAULT;
  });

  it('rejects with the job when its worker thread exits without an error event', async () => {
    // Worker threads copy the environment when they start.
    process.env.MIGSIM_TEST_FAULT = 'exit:1:0';
    const scenario = { ...loadScenarioFile(SHORT), replicates: 1 };
    const error: unknown = await runEnsemble(scenario, { workers: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunFailure);
    expect((error as RunFailure).optionName).toBe('second');
    expect((error as RunFailure).detail).toMatch(/exited with code 3/);
  });

  it('rejects with RunInterrupted, naming the signal, when aborted', async () => {
    const controller = new AbortController();
    const scenario = { ...loadScenarioFile(SHORT), replicates: 1 };
    const running = runEnsemble(scenario, { workers: 1, signal: controller.signal });
    controller.abort('SIGTERM');
    const error: unknown = await running.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunInterrupted);
    expect((error as RunInterrupted).signal).toBe('SIGTERM');
  });
});

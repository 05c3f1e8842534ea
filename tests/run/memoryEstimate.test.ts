import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../../sim/model/indicators.js';
import { bytesPerMigrant } from '../../sim/model/state/migrants.js';
import { horizonWeeks } from '../../sim/model/time.js';
import { createWorld } from '../../sim/model/world.js';
import { estimateMemory, TooBig, workersThatFit } from '../../sim/run/memoryEstimate.js';
import { loadScenarioFile } from '../../sim/scenario/loadScenarioFile.js';
import { REPO_ROOT } from '../helpers/model.js';

describe('the memory a run needs is estimated before anything is allocated', () => {
  it('from the agent count of the largest option', () => {
    const scenario = loadScenarioFile(join(REPO_ROOT, 'scenarios', 'quota-cut.yaml'));
    const estimate = estimateMemory(scenario, 80);
    const first = createWorld(scenario.options[0].params, 'estimate', 0);
    expect(estimate.agents).toBe(first.migrants.count);
    expect(estimate.perWorker).toBeGreaterThan(first.migrants.count * bytesPerMigrant(first.migrants));
    expect(estimate.tables).toBe(80 * (horizonWeeks(scenario.years) + 1) * INDICATORS.length * 8);
  });

  it('uses fewer workers when not all fit, and refuses with the estimate when none does', () => {
    const estimate = { agents: 1e8, perWorker: 4e9, tables: 1e6 };
    expect(workersThatFit(estimate, 2, 20e9)).toBe(2);
    expect(workersThatFit(estimate, 2, 6e9)).toBe(1);
    expect(() => workersThatFit(estimate, 2, 3e9)).toThrow(TooBig);
    expect(() => workersThatFit(estimate, 2, 3e9)).toThrow(/a run of 100000000 agents needs about 4001 MB of memory and 3000 MB is free/);
  });

  it('refuses more agents than one run can index', () => {
    expect(() => workersThatFit({ agents: 2 ** 31, perWorker: 1, tables: 0 }, 1, 1e15)).toThrow(/more than the 2147483647 one run can hold/);
  });
});

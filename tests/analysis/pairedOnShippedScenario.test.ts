import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareOptions, endOfHorizon, welchInterval, type RunRecord } from '../../analysis/index.js';
import { replicateSeed } from '../../sim/model/random.js';
import { simulate } from '../../sim/model/simulate.js';
import { loadScenarioFile } from '../../sim/scenario/loadScenarioFile.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('paired comparison on a shipped scenario', () => {
  it('gives narrower intervals than an unpaired (Welch) comparison of the same runs of quota-cut.yaml', () => {
    const scenario = loadScenarioFile(join(ROOT, 'scenarios', 'quota-cut.yaml'));
    const [statusQuo, halved] = scenario.options;
    const replicates = 8;
    // Fewer agents (a higher scale) and a shorter burn-in keep the test quick; the seeds are the scenario's.
    const small = { scale: 250, 'population.burn_in_weeks': 26 };
    const runs: RunRecord[] = [];
    for (const option of [statusQuo, halved]) {
      for (let replicate = 0; replicate < replicates; replicate++) {
        const result = simulate({
          params: { ...option.params, ...small },
          places: option.places,
          events: option.events.map((e) => ({ week: e.week, set: e.set })),
          seed: replicateSeed(scenario.seed, replicate),
          weeks: 78,
        });
        runs.push({ option: option.name, replicate, table: { weeks: result.weeks, places: result.places, values: result.values } });
      }
    }
    const paired = compareOptions(runs, [statusQuo.name, halved.name]);
    for (const indicator of ['abroad', 'employed_informal', 'wages_paid'] as const) {
      const row = paired.find((r) => r.indicator === indicator)!;
      const values = (name: string) => runs.filter((r) => r.option === name).map((r) => endOfHorizon(r.table)[indicator]);
      const unpaired = welchInterval(values(statusQuo.name), values(halved.name));
      expect(row.n).toBe(replicates);
      expect(row.ci_high - row.ci_low).toBeLessThan(unpaired.ci_high - unpaired.ci_low);
    }
  });
});

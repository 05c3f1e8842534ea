import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareOptions, endOfHorizon, welchInterval, type RunRecord } from '../../analysis/index.js';
import { replicateSeed } from '../../sim/model/random.js';
import { loadScenarioFile } from '../../sim/scenario/loadScenarioFile.js';
import { scaleFor } from '../helpers/model.js';
import { simulateInChild } from '../helpers/simulateInChild.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('paired comparison on a shipped scenario', () => {
  it('gives narrower intervals than an unpaired (Welch) comparison of the same runs of quota-cut.yaml', async () => {
    const scenario = loadScenarioFile(join(ROOT, 'scenarios', 'quota-cut.yaml'));
    const [statusQuo, halved] = scenario.options;
    const replicates = 8;
    // Fewer agents (a higher scale) and a shorter burn-in keep the test quick; the seeds are the scenario's.
    const small = { scale: scaleFor(statusQuo, 4_000), 'population.burn_in_weeks': 26 };
    const jobs = [statusQuo, halved].flatMap((option) => Array.from({ length: replicates }, (_, replicate) => ({ option, replicate })));
    // In a child process, where the model runs at full speed.
    const results = await simulateInChild(
      jobs.map(({ option, replicate }) => ({
        params: { ...option.params, ...small },
        places: option.places,
        events: option.events.map((e) => ({ week: e.week, set: e.set })),
        seed: replicateSeed(scenario.seed, replicate),
        weeks: 78,
      })),
    );
    const runs: RunRecord[] = jobs.map(({ option, replicate }, k) => ({ option: option.name, replicate, table: results[k].table }));
    const paired = compareOptions(runs, [statusQuo.name, halved.name]);
    for (const indicator of ['abroad', 'employed_informal', 'wages_paid'] as const) {
      const row = paired.find((r) => r.indicator === indicator)!;
      const values = (name: string) => runs.filter((r) => r.option === name).map((r) => endOfHorizon(r.table)[indicator]);
      const unpaired = welchInterval(values(statusQuo.name), values(halved.name));
      expect(row.n).toBe(replicates);
      expect(row.ci_high - row.ci_low).toBeLessThan(unpaired.ci_high - unpaired.ci_low);
    }
  }, 600_000);
});

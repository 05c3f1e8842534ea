import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { simulate } from '../sim/model/simulate.js';
import { bytesPerMigrant } from '../sim/model/state/migrants.js';
import { replicateSeed } from '../sim/model/random.js';
import { horizonWeeks } from '../sim/model/time.js';
import { runEnsemble } from '../sim/run/runEnsemble.js';
import { loadScenarioFile } from '../sim/scenario/loadScenarioFile.js';
import { packageRoot } from '../sim/scenario/packageRoot.js';

/**
 * `npm run bench`: times the fixed benchmark scenario (bench/benchmark.yaml)
 * single-threaded in this process, then its 4 replicates as an ensemble on
 * 1 and on 2 worker threads, and one national-scale run (a million
 * agents, one per person, ten years). Agent-weeks count every simulated
 * week, burn-in included.
 */
async function main(): Promise<void> {
  const scenario = loadScenarioFile(join(packageRoot(), 'bench', 'benchmark.yaml'));
  const option = scenario.options[0];
  const weeks = horizonWeeks(scenario.years);
  const burnIn = Number(option.params['population.burn_in_weeks']);

  const started = performance.now();
  const result = simulate({ params: option.params, places: option.places, seed: replicateSeed(scenario.seed, 0), weeks });
  const seconds = (performance.now() - started) / 1000;
  const agents = result.world.migrants.count;
  const agentWeeks = agents * (weeks + burnIn);
  console.log(`migrants: ${agents}`);
  console.log(`weeks: ${weeks + burnIn} (${burnIn} burn-in + ${weeks})`);
  console.log(`seconds: ${seconds.toFixed(2)}`);
  console.log(`agent-weeks/s: ${Math.round(agentWeeks / seconds)}`);
  console.log(`bytes/migrant: ${bytesPerMigrant(result.world.migrants)}`);

  // National scale: one agent per person, a million people, ten years after the burn-in.
  const nationalStarted = performance.now();
  const national = simulate({
    params: { ...option.params, 'population.potential_migrants': 1_000_000, scale: 1 },
    places: option.places,
    seed: replicateSeed(scenario.seed, 0),
    weeks: horizonWeeks(10),
  });
  console.log(`national agents: ${national.world.migrants.count}`);
  console.log(`national seconds: ${((performance.now() - nationalStarted) / 1000).toFixed(1)}`);
  console.log(`national peak MB: ${Math.round(process.resourceUsage().maxRSS / 1024)}`);

  const timeEnsemble = async (workers: number) => {
    const t0 = performance.now();
    await runEnsemble(scenario, { workers });
    return (performance.now() - t0) / 1000;
  };
  const one = await timeEnsemble(1);
  const two = await timeEnsemble(2);
  console.log(`ensemble of ${scenario.replicates} runs: 1 worker ${one.toFixed(2)} s, 2 workers ${two.toFixed(2)} s`);
  console.log(`ensemble speedup 2 workers: ${(one / two).toFixed(2)}`);
}

await main();

import { createHash } from 'node:crypto';
import type { ResolvedScenario } from '../scenario/index.js';

/**
 * A hash of everything that decides a run's tables: the scenario (text and
 * resolved options), seed, replicates, horizon, the version, and the
 * --only-* filters. `--resume` continues a working folder only when its
 * fingerprint is this run's, so checkpoints of another run are never mixed in.
 */
export function runFingerprint(scenario: ResolvedScenario, version: string, filters: { onlyOption?: string; onlyReplicate?: number }): string {
  const decisive = {
    version,
    text: scenario.text,
    options: scenario.options,
    seed: scenario.seed,
    replicates: scenario.replicates,
    auto: scenario.auto ?? null,
    years: scenario.years,
    onlyOption: filters.onlyOption ?? null,
    onlyReplicate: filters.onlyReplicate ?? null,
  };
  return createHash('sha256').update(JSON.stringify(decisive)).digest('hex');
}

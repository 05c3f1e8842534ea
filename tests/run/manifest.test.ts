import { describe, expect, it } from 'vitest';
import { buildManifest } from '../../sim/run/manifest.js';
import { parseScenario } from '../../sim/scenario/parseScenario.js';
import { EMPTY_BASE, lines, memoryBases } from '../scenario/memoryBases.js';

describe('the manifest', () => {
  it('records for each option the weeks of burn-in its runs simulated before week 0', () => {
    const text = lines(
      'name: Test',
      'base: empty',
      'options:',
      '  - name: default burn-in',
      '  - name: longer burn-in',
      '    set: { population.burn_in_weeks: 208 }',
    );
    const scenario = parseScenario(text, 'scenario.yaml', memoryBases(EMPTY_BASE), ['empty']);
    const manifest = buildManifest(scenario, '0.0.0', { started: '', seconds: { simulation: 0, analysis: 0, total: 0 }, workers: 1 }) as {
      options: { name: string; burn_in_weeks: number }[];
    };
    expect(manifest.options.map((o) => [o.name, o.burn_in_weeks])).toEqual([
      ['default burn-in', 156],
      ['longer burn-in', 208],
    ]);
  });
});

import { describe, expect, test } from 'vitest';
import { parseScenario } from '../../sim/scenario/parseScenario.js';
import { scenarioToYaml, type ScenarioDraft } from '../../sim/scenario/scenarioToYaml.js';
import { EMPTY_BASE, memoryBases } from './memoryBases.js';

const DRAFT: ScenarioDraft = {
  comment: 'What if the quota is halved?\nSource: 003 L2084.',
  name: 'Quota cut: a test',
  description: 'Halves the quota in year two',
  question: 'What happens if the quota is halved?',
  base: 'empty',
  seed: 2027,
  replicates: 40,
  years: 3,
  set: { 'quota.annual': 132700, 'amnesty.kind': 'open' },
  timeline: [{ month: 6, set: { 'amnesty.open': true } }],
  options: [
    { name: 'status quo' },
    { name: '2027', set: { 'quota.annual': null, 'registry.enabled': false } },
    {
      name: 'yes',
      at: [
        { month: 12, set: { 'quota.annual': 66350 } },
        { month: 1.5, set: { 'registry.delisting': true } },
      ],
    },
  ],
};

function reparse(draft: ScenarioDraft) {
  return parseScenario(scenarioToYaml(draft), 'exported.yaml', memoryBases(EMPTY_BASE));
}

describe('scenarioToYaml', () => {
  test('writes a file that parses back to the same scenario', () => {
    const scenario = reparse(DRAFT);
    expect(scenario).toMatchObject({
      name: DRAFT.name,
      description: DRAFT.description,
      question: DRAFT.question,
      base: 'empty',
      seed: 2027,
      replicates: 40,
      years: 3,
    });
    const [statusQuo, noQuota, quotaCut] = scenario.options;
    expect(scenario.options.map((o) => o.name)).toEqual(['status quo', '2027', 'yes']);
    expect(statusQuo.params['russia.quota.annual']).toBe(132700);
    expect(statusQuo.params['russia.amnesty.kind']).toBe('open');
    expect(noQuota.params['russia.quota.annual']).toBeNull();
    expect(noQuota.params['russia.registry.enabled']).toBe(false);
    expect(quotaCut.events.map((e) => [e.month, e.set])).toEqual([
      [1.5, { 'russia.registry.delisting': true }],
      [6, { 'russia.amnesty.open': true }],
      [12, { 'russia.quota.annual': 66350 }],
    ]);
  });

  test('writes the comment as # lines at the top and events one per line', () => {
    const text = scenarioToYaml(DRAFT);
    expect(text.startsWith('# What if the quota is halved?\n# Source: 003 L2084.\n')).toBe(true);
    expect(text).toContain('  - { month: 6, set: { amnesty.open: true } }');
  });

  test('leaves out empty and unset parts, so defaults stay defaults', () => {
    const text = scenarioToYaml({ name: 'Minimal', base: 'empty', set: {}, options: [{ name: 'a', set: {}, at: [] }] });
    expect(text).toBe('name: Minimal\nbase: empty\noptions:\n  - name: a\n');
    expect(reparse({ name: 'Minimal', base: 'empty', options: [{ name: 'a' }] }).seed).toBe(1);
  });

  test('quotes names that YAML would otherwise read as numbers, booleans, null or syntax', () => {
    const names = ['2027', 'true', 'null', '~', 'a: b', '# not a comment', '- dash', ' padded '];
    const scenario = reparse({ name: 'Quoting', base: 'empty', options: names.map((name) => ({ name })) });
    expect(scenario.options.map((o) => o.name)).toEqual(names);
  });
});

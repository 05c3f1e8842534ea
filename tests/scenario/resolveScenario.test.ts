import { describe, expect, test } from 'vitest';
import { catalogue, defaultsFor } from '../../sim/model/params/catalogue.js';
import { compilePlaces, DEFAULT_PLACES } from '../../sim/model/params/places.js';

import { monthToWeek } from '../../sim/model/time.js';
import { applyOverrides } from '../../sim/scenario/applyOverrides.js';
import { parseScenario } from '../../sim/scenario/parseScenario.js';
import { EMPTY_BASE, lines, memoryBases } from './memoryBases.js';

const DEFAULT = compilePlaces(DEFAULT_PLACES);
const defaultValues = () => defaultsFor(DEFAULT);

const OUTER = lines(
  'name: Outer',
  'set:',
  '  scale: 10',
  '  police.bribe: 1000',
  '  police.corruption: 0.1',
  '  police.detection: 0.2',
  'timeline:',
  '  - { month: 24, set: { amnesty.open: false } }',
  '  - { month: 6, set: { amnesty.open: true } }',
  'uncertain:',
  '  police.corruption: [0.1, 0.9]',
  '  migrant.home_attachment: [0.01, 0.02]',
  'fitted: 2025-06-30',
);
const INNER = lines(
  'name: Inner',
  'base: outer',
  'set:',
  '  police.bribe: 2000',
  '  police.corruption: 0.3',
  'uncertain:',
  '  police.corruption: [0.2, 0.4]',
);
const BASES = { 'bases/outer.yaml': OUTER, 'bases/inner.yaml': INNER };

const SCENARIO = lines(
  'name: Precedence',
  'base: inner',
  'years: 4',
  'set:',
  '  police.corruption: 0.4',
  '  police.detection: 0.6',
  'timeline:',
  '  - { month: 6, set: { quota.annual: 1000 } }',
  'options:',
  '  - name: status quo',
  '  - name: strict',
  '    set: { police.detection: 0.9 }',
  '    at:',
  '      - { month: 12, set: { police.capacity: 2 } }',
  '      - { month: 0, set: { police.capacity: 1.5 } }',
  '      - { month: 6, set: { quota.annual: 500 } }',
);

function resolve(text = SCENARIO) {
  return parseScenario(text, 'scenario.yaml', memoryBases(BASES));
}

describe('parameters take the most specific value given', () => {
  test('the order is default < outer base < inner base < scenario set < option set', () => {
    const [statusQuo, strict] = resolve().options;
    expect(statusQuo.params['labour.employer_size']).toBe(defaultValues()['labour.employer_size']);
    expect(statusQuo.params.scale).toBe(10);
    expect(statusQuo.params['russia.police.bribe']).toBe(2000);
    expect(statusQuo.params['russia.police.corruption']).toBe(0.4);
    expect(statusQuo.params['russia.police.detection']).toBe(0.6);
    expect(strict.params['russia.police.detection']).toBe(0.9);
  });

  test('every option carries every parameter of its places, by full name, and no others', () => {
    for (const option of resolve().options) {
      expect(Object.keys(option.params).sort()).toEqual(catalogue(DEFAULT).map((p) => p.name).sort());
    }
  });

  test('an option set does not leak into other options', () => {
    const [statusQuo] = resolve().options;
    expect(statusQuo.params['russia.police.detection']).toBe(0.6);
  });
});

describe('events run in month order, then in file order, at the week the month starts', () => {
  test('base, scenario and option events are merged and sorted by month', () => {
    const [statusQuo, strict] = resolve().options;
    expect(statusQuo.events).toEqual([
      { month: 6, week: monthToWeek(6), set: { 'russia.amnesty.open': true } },
      { month: 6, week: monthToWeek(6), set: { 'russia.quota.annual': 1000 } },
      { month: 24, week: monthToWeek(24), set: { 'russia.amnesty.open': false } },
    ]);
    expect(strict.events.map((e) => [e.month, e.set])).toEqual([
      [0, { 'russia.police.capacity': 1.5 }],
      [6, { 'russia.amnesty.open': true }],
      [6, { 'russia.quota.annual': 1000 }],
      [6, { 'russia.quota.annual': 500 }],
      [12, { 'russia.police.capacity': 2 }],
      [24, { 'russia.amnesty.open': false }],
    ]);
  });

  test('weeks come from monthToWeek', () => {
    const [, strict] = resolve().options;
    for (const event of strict.events) expect(event.week).toBe(monthToWeek(event.month));
    expect(strict.events.map((e) => e.week)).toEqual([0, 26, 26, 26, 52, 104]);
  });

  test('one event may be written without a list', () => {
    const text = lines('name: T', 'base: empty', 'options:', '  - name: a', '    at: { month: 3, set: { amnesty.open: true } }');
    const [option] = parseScenario(text, 's.yaml', memoryBases(EMPTY_BASE)).options;
    expect(option.events).toEqual([{ month: 3, week: monthToWeek(3), set: { 'russia.amnesty.open': true } }]);
  });
});

describe('the scenario keeps its settings and its bases\' calibration data', () => {
  test('descriptive fields and run settings are read as written', () => {
    const scenario = resolve();
    expect(scenario).toMatchObject({
      file: 'scenario.yaml',
      text: SCENARIO,
      name: 'Precedence',
      description: '',
      question: '',
      base: 'inner',
      seed: 1,
      replicates: 10,
      years: 4,
    });
    expect(scenario.options.map((o) => o.name)).toEqual(['status quo', 'strict']);
  });

  test('unset run settings take their defaults', () => {
    const scenario = parseScenario(lines('name: T', 'base: empty', 'options: [{ name: a }]'), 's.yaml', memoryBases(EMPTY_BASE));
    expect([scenario.seed, scenario.replicates, scenario.years]).toEqual([1, 10, 5]);
    expect(scenario.options[0].params).toEqual(defaultValues());
    expect(scenario.uncertain).toEqual({});
    expect(scenario.fitted).toBeUndefined();
  });

  test('uncertain ranges merge along the chain, the inner base winning', () => {
    expect(resolve().uncertain).toEqual({
      'police.corruption': [0.2, 0.4],
      'migrant.home_attachment': [0.01, 0.02],
    });
  });

  test('fitted comes from the base that states it', () => {
    expect(resolve().fitted).toBe('2025-06-30');
  });

  test('base paths are passed to the loader with the file that names them', () => {
    const asked: [string, string][] = [];
    const files: Record<string, string> = { 'dir/a.yaml': lines('name: A', 'base: b.yaml'), 'dir/b.yaml': lines('name: B', 'set: { scale: 7 }') };
    const scenario = parseScenario(lines('name: T', 'base: dir/a.yaml', 'options: [{ name: a }]'), 'top.yaml', (ref, from) => {
      asked.push([ref, from]);
      const file = ref.startsWith('dir/') ? ref : `dir/${ref}`;
      return files[file] === undefined ? undefined : { file, text: files[file] };
    });
    expect(asked).toEqual([
      ['dir/a.yaml', 'top.yaml'],
      ['b.yaml', 'dir/a.yaml'],
    ]);
    expect(scenario.options[0].params.scale).toBe(7);
  });

  test('YAML aliases are followed', () => {
    const text = lines('name: T', 'base: empty', 'set: &common { scale: 3 }', 'options:', '  - name: a', '    set: *common');
    expect(parseScenario(text, 's.yaml', memoryBases(EMPTY_BASE)).options[0].params.scale).toBe(3);
  });
});

describe('command-line overrides', () => {
  test('seed and replicates replace the file\'s values without touching the original', () => {
    const scenario = resolve();
    const overridden = applyOverrides(scenario, { seed: 99, replicates: 3 });
    expect([overridden.seed, overridden.replicates]).toEqual([99, 3]);
    expect([scenario.seed, scenario.replicates]).toEqual([1, 10]);
    expect(overridden.options).toBe(scenario.options);
  });

  test('absent overrides keep the file\'s values', () => {
    expect(applyOverrides(resolve(), {})).toMatchObject({ seed: 1, replicates: 10 });
  });

  test('an out-of-range override names the flag', () => {
    expect(() => applyOverrides(resolve(), { replicates: 0 })).toThrow('--replicates: expected a whole number from 1 to 10000, got 0');
    expect(() => applyOverrides(resolve(), { seed: Number.NaN })).toThrow('--seed: expected a whole number ≥ 0, got NaN');
  });
});

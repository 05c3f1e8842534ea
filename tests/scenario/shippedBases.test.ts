import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { checkValue } from '../../sim/model/params/checkValue.js';
import { defaultValues, paramDef } from '../../sim/model/params/registry.js';
import { loadBaseFile, readShippedBase, shippedBaseNames } from '../../sim/scenario/loadScenarioFile.js';
import { parseScenario } from '../../sim/scenario/parseScenario.js';

const BASES = ['kazakhstan-2008', 'russia-2025'];

function baseText(name: string): string {
  const found = readShippedBase(name);
  if (!found) throw new Error(`base ${name} not found`);
  return found.text;
}

function baseSet(name: string): Record<string, unknown> {
  return (parse(baseText(name)) as { set: Record<string, unknown> }).set;
}

function scenarioOn(base: string) {
  const text = `name: On ${base}\nbase: ${base}\noptions:\n  - name: as is\n`;
  return parseScenario(text, 'scenario.yaml', loadBaseFile, shippedBaseNames());
}

test('the shipped bases are kazakhstan-2008 and russia-2025', () => {
  expect(shippedBaseNames()).toEqual(BASES);
});

describe.each(BASES)('the shipped base %s', (base) => {
  test('resolves without error', () => {
    expect(() => scenarioOn(base)).not.toThrow();
  });

  test('sets only registry parameters, each to a value its parameter accepts', () => {
    for (const [name, value] of Object.entries(baseSet(base))) {
      const def = paramDef(name);
      expect(def, name).toBeDefined();
      expect(checkValue(def!, value), name).toBeNull();
    }
  });

  test('cites a source or says "assumption" on the line of every value it sets', () => {
    const valueLines = baseText(base)
      .split('\n')
      .filter((line) => /^ {2}[a-z_.]+:/.test(line));
    expect(valueLines.length).toBeGreaterThan(10);
    for (const line of valueLines) expect(line, line).toMatch(/#.*(\d{3} L\d|regimes [A-Z]+\d|assumption|not in this base)/);
  });

  test('marks the behavioural parameters calibration may search', () => {
    expect(scenarioOn(base).uncertain).toEqual({
      'migrant.departure_rate': [0.005, 0.05],
      'employer.compliant_share': [0.2, 0.9],
      'police.corruption': [0.2, 0.8],
    });
  });
});

describe('russia-2025', () => {
  test('states registry defaults, which already describe Russia in 2025', () => {
    const defaults = defaultValues();
    for (const [name, value] of Object.entries(baseSet('russia-2025'))) expect(value, name).toEqual(defaults[name]);
  });

  test('puts Kyrgyz citizens under free movement and Uzbek and Tajik citizens under patents', () => {
    const params = scenarioOn('russia-2025').options[0].params;
    expect(params['origin.kyrgyzstan.regime']).toBe('free-movement');
    expect(params['origin.uzbekistan.regime']).toBe('worker-tied');
    expect(params['origin.tajikistan.regime']).toBe('worker-tied');
    expect(params['registry.enabled']).toBe(true);
    expect(params['region.moscow.digital_registration']).toBe(true);
    expect(params.currency).toBe('RUB');
  });

  test('has the description shown by migsim list', () => {
    expect((parse(baseText('russia-2025')) as { description: string }).description).toBe(
      'Russia 2025: Kyrgyz citizens under free movement (EAEU), Uzbek and Tajik citizens under patents, control registry on',
    );
  });
});

describe('kazakhstan-2008', () => {
  const params = () => scenarioOn('kazakhstan-2008').options[0].params;
  const sum = (names: string[]) => names.reduce((total, name) => total + (params()[name] as number), 0);

  test('counts in tenge, with every origin under employer-tied permits and no control registry', () => {
    const p = params();
    expect(p.currency).toBe('KZT');
    for (const origin of ['kyrgyzstan', 'uzbekistan', 'tajikistan']) {
      expect(p[`origin.${origin}.regime`]).toBe('employer-tied');
      expect(p[`origin.${origin}.registration_days`]).toBe(5);
    }
    expect(p['registry.enabled']).toBe(false);
    expect(p['quota.annual']).toBe(126000);
  });

  test('has origin, region and sector shares that each sum to 1', () => {
    expect(sum(['origin.uzbekistan.share', 'origin.kyrgyzstan.share', 'origin.tajikistan.share'])).toBeCloseTo(1, 10);
    expect(sum(['region.almaty.jobs_share', 'region.astana.jobs_share', 'region.shymkent.jobs_share'])).toBeCloseTo(1, 10);
    expect(sum(['region.moscow.jobs_share', 'region.st_petersburg.jobs_share', 'region.yekaterinburg.jobs_share'])).toBe(0);
    const sectors = ['construction', 'agriculture', 'trade', 'services', 'domestic'].map((s) => `labour.sector_share.${s}`);
    expect(sum(sectors)).toBeCloseTo(1, 10);
  });

  test('keeps the origin shares in the proportions of the 2006 amnesty (71 : 14.5 : 2.8)', () => {
    const p = params();
    expect(p['origin.uzbekistan.share']).toBeCloseTo(71 / 88.3, 3);
    expect(p['origin.kyrgyzstan.share']).toBeCloseTo(14.5 / 88.3, 3);
    expect(p['origin.tajikistan.share']).toBeCloseTo(2.8 / 88.3, 3);
  });

  test('is read from scenarios/bases/ of the package', () => {
    expect(readFileSync(new URL('../../scenarios/bases/kazakhstan-2008.yaml', import.meta.url), 'utf8')).toBe(
      baseText('kazakhstan-2008'),
    );
  });
});

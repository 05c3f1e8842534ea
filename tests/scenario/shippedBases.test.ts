import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { checkValue } from '../../sim/model/params/checkValue.js';
import { loadBaseFile, readShippedBase, shippedBaseNames } from '../../sim/scenario/loadScenarioFile.js';
import { paramCatalogue } from '../../sim/scenario/paramCatalogue.js';
import { parseScenario } from '../../sim/scenario/parseScenario.js';

const BASES = ['central-asia-2025', 'kazakhstan-2008', 'russia-2025'];

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

test('the shipped bases are central-asia-2025, kazakhstan-2008 and russia-2025', () => {
  expect(shippedBaseNames()).toEqual(BASES);
});

describe.each(BASES)('the shipped base %s', (base) => {
  test('resolves without error', () => {
    expect(() => scenarioOn(base)).not.toThrow();
  });

  test('sets only parameters of its places, each to a value its parameter accepts', () => {
    const params = paramCatalogue(scenarioOn(base).places);
    for (const [name, value] of Object.entries(baseSet(base))) {
      const def = params.lookup(name);
      expect(def, name).toBeDefined();
      expect(checkValue(def!, value), name).toBeNull();
    }
  });

  test('cites a source or says "assumption" on the line of every value it sets', () => {
    const valueLines = baseText(base)
      .split('\n')
      .filter((line) => /^ {2}[a-z_.]+:/.test(line) && !/^ {2}(origins|destinations):/.test(line));
    expect(valueLines.length).toBeGreaterThan(10);
    for (const line of valueLines) expect(line, line).toMatch(/#.*(\d{3} L\d|regimes [A-Z]+\d|assumption|derived)/);
  });

  test('marks the behavioural parameters calibration may search', () => {
    const uncertain = scenarioOn(base).uncertain;
    expect(Object.keys(uncertain)).toEqual(expect.arrayContaining(['migrant.home_attachment', 'employer.compliant_share', 'police.corruption']));
  });

  test('gives each origin region to one origin country, so that its villages belong to one place', () => {
    const { origins } = scenarioOn(base).places;
    const regions = Object.values(origins).flat();
    expect(new Set(regions).size).toBe(regions.length);
    expect(Object.keys(origins)).toEqual(['kyrgyzstan', 'uzbekistan', 'tajikistan']);
  });
});

describe('russia-2025', () => {
  test('puts Kyrgyz citizens under free movement and Uzbek and Tajik citizens under patents', () => {
    const params = scenarioOn('russia-2025').options[0].params;
    expect(params['kyrgyzstan.russia.regime']).toBe('free-movement');
    expect(params['uzbekistan.russia.regime']).toBe('worker-tied');
    expect(params['tajikistan.russia.regime']).toBe('worker-tied');
    expect(params['russia.registry.enabled']).toBe(true);
    expect(params['russia.moscow.digital_registration']).toBe(true);
    expect(params.currency).toBe('RUB');
  });

  test('has Russia as its one destination, with Moscow, St Petersburg and Yekaterinburg', () => {
    expect(scenarioOn('russia-2025').places.destinations).toEqual({ russia: ['moscow', 'st_petersburg', 'yekaterinburg'] });
  });
});

describe('central-asia-2025', () => {
  const params = () => scenarioOn('central-asia-2025').options[0].params;

  test('holds Russia and Kazakhstan, each with at least three regions', () => {
    const { destinations } = scenarioOn('central-asia-2025').places;
    expect(destinations.russia).toEqual(expect.arrayContaining(['moscow', 'st_petersburg', 'yekaterinburg']));
    expect(destinations.kazakhstan).toEqual(expect.arrayContaining(['almaty', 'astana', 'shymkent']));
  });

  test('sets the regime per pair: EAEU for Kyrgyz citizens in both, patents in Russia and the household permit in Kazakhstan for the others', () => {
    const p = params();
    expect(p['kyrgyzstan.russia.regime']).toBe('free-movement');
    expect(p['kyrgyzstan.kazakhstan.regime']).toBe('free-movement');
    for (const origin of ['uzbekistan', 'tajikistan']) {
      expect(p[`${origin}.russia.regime`]).toBe('worker-tied');
      expect(p[`${origin}.kazakhstan.regime`]).toBe('worker-tied');
    }
    expect(p['russia.registry.enabled']).toBe(true);
    expect(p['kazakhstan.registry.enabled']).toBe(false);
    expect(p['kazakhstan.permit.monthly_fee']).toBeLessThan(p['russia.permit.monthly_fee'] as number);
    expect(p['russia.quota.annual']).toBeNull();
    expect(p['kazakhstan.quota.annual']).toBeGreaterThan(0);
  });
});

describe('kazakhstan-2008', () => {
  const params = () => scenarioOn('kazakhstan-2008').options[0].params;
  const sum = (names: string[]) => names.reduce((total, name) => total + (params()[name] as number), 0);

  test('counts in tenge, with every origin under employer-tied permits and no control registry', () => {
    const p = params();
    expect(p.currency).toBe('KZT');
    for (const origin of ['kyrgyzstan', 'uzbekistan', 'tajikistan']) {
      expect(p[`${origin}.kazakhstan.regime`]).toBe('employer-tied');
      expect(p[`${origin}.kazakhstan.registration_days`]).toBe(5);
    }
    expect(p['kazakhstan.registry.enabled']).toBe(false);
    expect(p['kazakhstan.quota.annual']).toBe(126000);
  });

  test('has region and sector shares that each sum to 1', () => {
    expect(sum(['kazakhstan.almaty.jobs_share', 'kazakhstan.astana.jobs_share', 'kazakhstan.shymkent.jobs_share'])).toBeCloseTo(1, 10);
    const sectors = ['construction', 'agriculture', 'trade', 'services', 'domestic'].map((s) => `kazakhstan.labour.sector_share.${s}`);
    expect(sum(sectors)).toBeCloseTo(1, 10);
  });

  test('weighs the origins as the 2006 amnesty did (71 : 14.5 : 2.8)', () => {
    const p = params();
    expect([p['uzbekistan.share'], p['kyrgyzstan.share'], p['tajikistan.share']]).toEqual([71, 14.5, 2.8]);
  });

  test('is read from scenarios/bases/ of the package', () => {
    expect(readFileSync(new URL('../../scenarios/bases/kazakhstan-2008.yaml', import.meta.url), 'utf8')).toBe(
      baseText('kazakhstan-2008'),
    );
  });
});

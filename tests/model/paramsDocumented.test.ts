import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { checkValue } from '../../sim/model/params/checkValue.js';
import { catalogue, TEMPLATE_DEFS as PARAMS } from '../../sim/model/params/catalogue.js';
import { compilePlaces, DEFAULT_PLACES } from '../../sim/model/params/places.js';

/**
 * The model's documentation keeps up with the code: every parameter is
 * documented and sourced, every `regimes` citation can be looked up in
 * sim/model/SOURCES.md, and sim/model/ODD.md covers every rule.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

/** Files under `dir` (relative to the repository root) whose names end with one of `endings`. */
function filesUnder(dir: string, endings: readonly string[]): string[] {
  const found: string[] = [];
  const walk = (path: string): void => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (endings.some((end) => entry.name.endsWith(end))) found.push(relative(ROOT, full));
    }
  };
  walk(join(ROOT, dir));
  return found.sort();
}

/**
 * Keys of the regimes digest cited in a text: `regimes RU3`, `regimes RU38, RU34`,
 * `regimes KZ8–KZ9` (a range of one prefix, expanded), `regimes S44`.
 */
function regimesKeys(text: string): string[] {
  const keys = new Set<string>();
  const citation = /regimes ([A-Z]+\d+(?:\s*(?:,|–|-|and)\s*[A-Z]+\d+)*)/g;
  for (const [, list] of text.matchAll(citation)) {
    const items = [...list.matchAll(/([A-Z]+)(\d+)|[–-]/g)];
    for (let k = 0; k < items.length; k++) {
      const [whole, prefix, number] = items[k];
      if (whole === '–' || whole === '-') continue;
      keys.add(whole);
      const dash = items[k + 1]?.[0];
      const next = items[k + 2];
      if ((dash === '–' || dash === '-') && next?.[1] === prefix) {
        for (let n = Number(number) + 1; n < Number(next[2]); n++) keys.add(`${prefix}${n}`);
      }
    }
  }
  return [...keys].sort();
}

const SEED_CITATION = /\b00[0-4] L\d+/;
const REGIMES_CITATION = /regimes [A-Z]+\d+/;

describe('every parameter in the registry', () => {
  test.each(PARAMS.map((p) => [p.name, p] as const))('%s has a unit, a meaning and a group', (_name, p) => {
    expect(p.unit.trim()).not.toBe('');
    expect(p.meaning.trim()).not.toBe('');
    expect(p.group.trim()).not.toBe('');
  });

  test.each(PARAMS.map((p) => [p.name, p.source] as const))(
    '%s cites a seed line, a regimes key, or says "assumption"',
    (_name, source) => {
      const cited = /\bassumption\b/.test(source) || SEED_CITATION.test(source) || REGIMES_CITATION.test(source);
      expect(cited, `source "${source}"`).toBe(true);
    },
  );

  test.each(PARAMS.map((p) => [p.name, p] as const))('%s has a default that passes checkValue', (_name, p) => {
    expect(checkValue(p, p.default)).toBeNull();
  });

  test('full names are unique over the places of a scenario', () => {
    const names = catalogue(compilePlaces(DEFAULT_PLACES)).map((p) => p.name);
    const repeated = names.filter((name, k) => names.indexOf(name) !== k);
    expect(repeated).toEqual([]);
  });
});

describe('SOURCES.md', () => {
  const sources = read('sim/model/SOURCES.md');
  const listed = (key: string): boolean => new RegExp(`^\\| ${key} \\|`, 'm').test(sources);

  test('reads citations as expected', () => {
    expect(regimesKeys('regimes RU38, RU34; 002')).toEqual(['RU34', 'RU38']);
    expect(regimesKeys('regimes KZ8–KZ9 and regimes RU27–RU29, S44')).toEqual(['KZ8', 'KZ9', 'RU27', 'RU28', 'RU29', 'S44']);
    expect(regimesKeys('regimes KZ11: 310,853–567,250 KZT; 003 L2084–2089')).toEqual(['KZ11']);
  });

  test('lists the five seed documents', () => {
    for (const seed of ['000', '001', '002', '003', '004']) expect(sources).toMatch(new RegExp(`^\\| ${seed} \\|`, 'm'));
  });

  test('has a row for every regimes key the parameter registry cites', () => {
    const keys = regimesKeys(PARAMS.map((p) => p.source).join('\n'));
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.filter((key) => !listed(key))).toEqual([]);
  });

  test('has a row for every regimes key cited in the model code, its documentation and the scenario files', () => {
    const files = [
      ...filesUnder('sim/model', ['.ts', '.md']).filter((f) => !f.endsWith('SOURCES.md')),
      ...filesUnder('scenarios', ['.yaml', '.yml']),
    ];
    const missing = files.flatMap((file) => regimesKeys(read(file)).filter((key) => !listed(key)).map((key) => `${file}: ${key}`));
    expect(missing).toEqual([]);
  });
});

describe('ODD.md', () => {
  const odd = read('sim/model/ODD.md');

  test.each(filesUnder('sim/model/rules', ['.ts']).map((f) => [f.split(/[\\/]/).pop()!]))('describes the rule file %s', (file) => {
    expect(odd).toContain(file);
  });

  test('has the sections of the ODD protocol', () => {
    for (const heading of [
      'Purpose and patterns',
      'Entities, state variables and scales',
      'Process overview and scheduling',
      'Design concepts',
      'Initialisation',
      'Input data',
      'Submodels',
      'Assumptions and known simplifications',
      'Calibration targets',
    ]) {
      expect(odd).toMatch(new RegExp(`^## \\d+\\. ${heading}$`, 'm'));
    }
  });
});

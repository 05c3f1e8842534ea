import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadScenarioFile } from '../../sim/scenario/loadScenarioFile.js';
import { packageRoot } from '../../sim/scenario/packageRoot.js';

const FOLDER = join(packageRoot(), 'scenarios');
const SHIPPED = readdirSync(FOLDER)
  .filter((name) => name.endsWith('.yaml'))
  .sort();
/** Largest number of agents a shipped run may simulate (potential migrants ÷ scale). */
const MAX_AGENTS = 30_000;
/** A seed line range (`003 L2155`) or a row of the dated digest of rules (`regimes RU27`). */
const CITATION = /\b00[0-4] L\d+|\bregimes [A-Z]+\d+/;

/** The comment block a file opens with, without the leading `#`. */
function openingComment(text: string): string {
  const lines = text.split('\n');
  const end = lines.findIndex((line) => !line.startsWith('#'));
  return lines
    .slice(0, end === -1 ? lines.length : end)
    .map((line) => line.replace(/^#\s?/, ''))
    .join('\n');
}

test('scenarios/ ships scenario files', () => {
  expect(SHIPPED.length).toBeGreaterThanOrEqual(2);
});

describe.each(SHIPPED)('the shipped scenario %s', (name) => {
  const path = join(FOLDER, name);
  const text = () => readFileSync(path, 'utf8');

  test('loads without error', () => {
    expect(() => loadScenarioFile(path)).not.toThrow();
  });

  test('opens with a comment block', () => {
    expect(text().split('\n')[0]).toMatch(/^#/);
  });

  test('has a name, a description and a question', () => {
    const scenario = loadScenarioFile(path);
    expect(scenario.name.trim()).not.toBe('');
    expect(scenario.description.trim()).not.toBe('');
    expect(scenario.question.trim()).not.toBe('');
  });

  test('compares at least two options, each named in the opening comment', () => {
    const scenario = loadScenarioFile(path);
    expect(scenario.options.length).toBeGreaterThanOrEqual(2);
    const comment = openingComment(text());
    for (const option of scenario.options) expect(comment, option.name).toContain(option.name);
  });

  test('cites at least one source in its opening comment', () => {
    expect(openingComment(text())).toMatch(CITATION);
  });

  test(`simulates at most ${MAX_AGENTS.toLocaleString('en')} agents per run`, () => {
    for (const option of loadScenarioFile(path).options) {
      const agents = (option.params['population.potential_migrants'] as number) / (option.params.scale as number);
      expect(agents, option.name).toBeLessThanOrEqual(MAX_AGENTS);
    }
  });

  test('is documented in scenarios/README.md', () => {
    expect(readFileSync(join(FOLDER, 'README.md'), 'utf8')).toContain(name);
  });
});

import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { listShippedScenarios, loadScenarioFile } from '../../sim/scenario/loadScenarioFile.js';
import { packageRoot } from '../../sim/scenario/packageRoot.js';
import { ScenarioError } from '../../sim/scenario/scenarioError.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
/** How the loader names a file: relative to the working folder. */
const shown = (name: string) => relative(process.cwd(), join(FIXTURES, name));

function formattedError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return (error as ScenarioError).format();
  }
  throw new Error('no error was thrown');
}

describe('loading a scenario file from disk', () => {
  test('a missing file is reported at line 1, column 1', () => {
    const path = shown('nowhere.yaml');
    expect(formattedError(() => loadScenarioFile(path))).toBe(`${path}:1:1: file not found`);
  });

  test('a base path is resolved next to the scenario and may chain to a shipped base', () => {
    const scenario = loadScenarioFile(shown('uses-local-base.yaml'));
    expect(scenario.base).toBe('local-base.yaml');
    expect(scenario.options[0].params.scale).toBe(20);
    expect(scenario.options[0].params.currency).toBe('KZT');
    expect(scenario.uncertain['police.corruption']).toEqual([0.2, 0.8]);
  });

  test('a problem in a base is reported with the base file\'s path and line', () => {
    expect(formattedError(() => loadScenarioFile(shown('uses-broken-base.yaml')))).toBe(
      `${shown('broken-base.yaml')}:4:22: police.corruption: 2 is above the maximum 1 (share)`,
    );
  });

  test('an absolute path works as well as a relative one', () => {
    expect(loadScenarioFile(join(FIXTURES, 'uses-local-base.yaml')).name).toBe('Uses a local base');
  });
});

describe('listing scenarios', () => {
  test('lists the YAML files of a folder sorted by file name, with their descriptive fields', () => {
    const folder = join(FIXTURES, 'list');
    expect(listShippedScenarios(folder)).toEqual([
      { file: join(folder, 'a-first.yaml'), name: 'First', description: '', question: '' },
      {
        file: join(folder, 'b-second.yaml'),
        name: 'Second',
        description: 'The second scenario',
        question: 'Does the list keep file order?',
      },
      { file: join(folder, 'c-broken.yaml'), name: 'c-broken', description: '', question: '' },
    ]);
  });

  test('by default lists the package\'s scenarios folder, which holds only files', () => {
    for (const entry of listShippedScenarios()) {
      expect(entry.file.startsWith(join(packageRoot(), 'scenarios'))).toBe(true);
      expect(entry.file.endsWith('.yaml')).toBe(true);
    }
  });

  test('the package root is the folder holding package.json', () => {
    expect(packageRoot()).toBe(fileURLToPath(new URL('../../', import.meta.url)).replace(/[\\/]$/, ''));
  });
});

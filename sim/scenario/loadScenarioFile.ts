import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { MAX_FILE_BYTES } from './inputLimits.js';
import { packageRoot } from './packageRoot.js';
import { parseScenario } from './parseScenario.js';
import { ScenarioError } from './scenarioError.js';
import { readScenarioSummary, type ScenarioSummary } from './scenarioSummary.js';
import { isBasePath, type BaseLoader, type ResolvedScenario, type SourceText } from './scenarioTypes.js';

/**
 * Reads and resolves a scenario file. Shipped base names are looked up in
 * `<package root>/scenarios/bases/`, base paths relative to the folder of
 * the file naming them.
 *
 * @throws ScenarioError for a missing file or any problem in it or its bases.
 */
export function loadScenarioFile(path: string): ResolvedScenario {
  const text = readText(path);
  if (text === undefined) {
    throw new ScenarioError([{ file: path, line: 1, col: 1, message: 'file not found' }]);
  }
  return parseScenario(text, path, loadBaseFile, shippedBaseNames());
}

/** Finds a base for parseScenario on the local disk. */
export const loadBaseFile: BaseLoader = (ref, fromFile) => {
  let path: string;
  if (isBasePath(ref)) path = resolve(dirname(fromFile), ref);
  else if (shippedBaseNames().includes(ref)) path = join(basesFolder(), `${ref}.yaml`);
  else return undefined;
  const text = readText(path);
  return text === undefined ? undefined : { file: displayPath(path), text };
};

/** Names of the bases in scenarios/bases/, sorted. */
export function shippedBaseNames(): string[] {
  return yamlFilesIn(basesFolder()).map((file) => basename(file, '.yaml'));
}

/** The shipped scenarios (scenarios/*.yaml), sorted by file name; `file` is an absolute path. */
export function listShippedScenarios(
  folder = join(packageRoot(), 'scenarios'),
): (ScenarioSummary & { file: string })[] {
  return yamlFilesIn(folder).map((name) => {
    const file = join(folder, name);
    return { file, ...readScenarioSummary(readText(file) ?? '', basename(name, '.yaml')) };
  });
}

/** A shipped base's file and text, for reading a base on its own. */
export function readShippedBase(name: string): SourceText | undefined {
  return loadBaseFile(name, basesFolder());
}

function basesFolder(): string {
  return join(packageRoot(), 'scenarios', 'bases');
}

function yamlFilesIn(folder: string): string[] {
  try {
    return readdirSync(folder)
      .filter((name) => name.endsWith('.yaml'))
      .sort();
  } catch {
    return [];
  }
}

/** The file's text, or its first MAX_FILE_BYTES + 1 bytes: enough for the parser to refuse it without reading it all. */
function readText(path: string): string | undefined {
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return undefined;
    if (stat.size <= MAX_FILE_BYTES) return readFileSync(path, 'utf8');
    const head = Buffer.alloc(MAX_FILE_BYTES + 1);
    const fd = openSync(path, 'r');
    try {
      readSync(fd, head, 0, head.length, 0);
    } finally {
      closeSync(fd);
    }
    return head.toString('utf8');
  } catch {
    return undefined;
  }
}

/** Paths under the working folder read better relative; others stay absolute. */
function displayPath(path: string): string {
  const fromCwd = relative(process.cwd(), path);
  return fromCwd.startsWith('..') || isAbsolute(fromCwd) ? path : fromCwd;
}

/** A shipped base read as a scenario with one option that changes nothing (its places and values). */
export function resolveShippedBase(name: string): ResolvedScenario {
  const text = `name: ${JSON.stringify(name)}\nbase: ${JSON.stringify(name)}\noptions:\n  - name: base\n`;
  return parseScenario(text, `${name}.yaml`, loadBaseFile, shippedBaseNames());
}

import type { ParamValue } from '../../sim/model/params/paramDef.js';
import {
  parseScenario,
  type BaseLoader,
  type ResolvedEvent,
  type ResolvedScenario,
} from '../../sim/scenario/index.js';

/** A YAML file bundled into the page: its name without `.yaml`, and its text. */
export interface NamedText {
  readonly name: string;
  readonly text: string;
}

/** A scenario the page can offer: shipped with the page or imported by the user. */
export interface LibraryEntry {
  /** Key of the entry in the scenario list (the file name without `.yaml`, or `imported-N`). */
  readonly key: string;
  readonly scenario: ResolvedScenario;
  /** The opening comment block of the file: its question, options and sources. */
  readonly notes: string;
  readonly imported: boolean;
  /** The text of the scenario's base file, when it is a bundled base (for the sources of its values). */
  readonly baseText?: string;
}

/**
 * A base loader over the bases bundled into the page. In the browser only
 * the shipped bases exist, so a base given by path is not found (and
 * parseScenario reports it).
 */
export function bundledBaseLoader(bases: readonly NamedText[]): BaseLoader {
  return (ref) => {
    const base = bases.find((candidate) => candidate.name === ref);
    return base === undefined ? undefined : { file: `scenarios/bases/${base.name}.yaml`, text: base.text };
  };
}

/**
 * Reads a scenario text with the bundled bases.
 *
 * @throws ScenarioError for any problem in the file or its bases.
 */
export function readScenario(text: string, file: string, bases: readonly NamedText[]): ResolvedScenario {
  return parseScenario(
    text,
    file,
    bundledBaseLoader(bases),
    bases.map((base) => base.name),
  );
}

/**
 * The comment block at the top of a YAML file, without the `#` marks:
 * every line up to the first line that is neither a comment nor blank.
 */
export function openingComment(text: string): string {
  const lines: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed.startsWith('#')) lines.push(trimmed.replace(/^# ?/, ''));
    else if (trimmed === '') lines.push('');
    else break;
  }
  return lines.join('\n').trim();
}

/**
 * The values and timeline a scenario's base chain alone gives (registry
 * defaults < bases), by resolving a scenario that only names the base.
 * Exported settings are written as differences from these.
 */
export function resolveBase(
  base: string,
  bases: readonly NamedText[],
): { params: Record<string, ParamValue>; events: ResolvedEvent[] } {
  const text = `name: base\nbase: ${JSON.stringify(base)}\noptions:\n  - name: base\n`;
  const resolved = readScenario(text, 'base', bases);
  return { params: resolved.options[0].params, events: resolved.options[0].events };
}

/** The shipped scenarios, each read with the bundled bases; a file that fails to read is reported, not hidden. */
export function shippedLibrary(
  scenarios: readonly NamedText[],
  bases: readonly NamedText[],
): { entries: LibraryEntry[]; problems: string[] } {
  const entries: LibraryEntry[] = [];
  const problems: string[] = [];
  for (const file of scenarios) {
    try {
      const scenario = readScenario(file.text, `scenarios/${file.name}.yaml`, bases);
      // The page runs a scenario's options, not sweeps; a sweep file would show its options at one point only.
      if (scenario.sweep) continue;
      const baseText = bases.find((base) => base.name === scenario.base)?.text;
      entries.push({ key: file.name, scenario, notes: openingComment(file.text), imported: false, ...(baseText === undefined ? {} : { baseText }) });
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  return { entries, problems };
}

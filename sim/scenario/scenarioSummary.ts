import { parseDocument } from 'yaml';

/** What `migsim list` shows about a scenario. */
export interface ScenarioSummary {
  readonly name: string;
  readonly description: string;
  readonly question: string;
}

/**
 * Reads only the descriptive fields of a scenario, without resolving or
 * checking it, so that one broken file does not hide the others in a list.
 * `fallbackName` is used when the file has no readable name.
 */
export function readScenarioSummary(text: string, fallbackName: string): ScenarioSummary {
  let content: unknown;
  try {
    const doc = parseDocument(text, { prettyErrors: false });
    content = doc.errors.length === 0 ? doc.toJS() : undefined;
  } catch {
    // toJS refuses excessive aliases; such a file has no summary to show.
    content = undefined;
  }
  const fields = typeof content === 'object' && content !== null ? (content as Record<string, unknown>) : {};
  const textOf = (value: unknown): string => (typeof value === 'string' ? value : '');
  return {
    name: textOf(fields.name) || fallbackName,
    description: textOf(fields.description),
    question: textOf(fields.question),
  };
}

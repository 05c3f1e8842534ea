import { clip, escapeControl } from './escapeControl.js';
import { MAX_MESSAGE_CHARS } from './inputLimits.js';
import { listShippedScenarios, loadScenarioFile } from './loadScenarioFile.js';
import { ScenarioError } from './scenarioError.js';

/**
 * The text of `migsim list`: two lines per scenario file of `folder` (its
 * path and name, then its question), and for a file that does not load,
 * INVALID and its first problem instead. Each file is checked on its own,
 * so a broken one hides none of the others. Text from the files is escaped.
 */
export function listScenarios(folder?: string): { text: string; invalid: number } {
  let invalid = 0;
  let text = '';
  for (const s of listShippedScenarios(folder)) {
    let problem: string | undefined;
    try {
      loadScenarioFile(s.file);
    } catch (error) {
      invalid++;
      problem = error instanceof ScenarioError ? error.format().split('\n', 1)[0] : escapeControl(error instanceof Error ? error.message : String(error));
    }
    const first = `${escapeControl(s.file).padEnd(28)} ${problem === undefined ? escapeControl(s.name) : 'INVALID'}`;
    const second = problem === undefined ? escapeControl(s.question || s.description) : problem;
    text += `${clip(first, MAX_MESSAGE_CHARS)}\n${' '.repeat(29)}${clip(second, MAX_MESSAGE_CHARS)}\n`;
  }
  return { text, invalid };
}

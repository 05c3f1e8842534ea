import { clip, escapeControl } from './escapeControl.js';
import { MAX_MESSAGE_CHARS, MAX_PROBLEMS_SHOWN } from './inputLimits.js';

/** One problem found in a scenario or base file, at a 1-based line and column. */
export interface ScenarioProblem {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly message: string;
}

/**
 * Every problem found while reading a scenario and its bases. Reading goes on
 * after the first problem so that one run shows the author all of them.
 */
export class ScenarioError extends Error {
  readonly problems: readonly ScenarioProblem[];

  constructor(problems: readonly ScenarioProblem[]) {
    const sorted = sortProblems(problems);
    super(formatProblems(sorted));
    this.name = 'ScenarioError';
    this.problems = sorted;
  }

  /**
   * One `FILE:LINE:COL: message` line per problem, for the first
   * MAX_PROBLEMS_SHOWN; then one line, at the next problem, counting the rest.
   */
  format(): string {
    return formatProblems(this.problems);
  }
}

/**
 * `FILE:LINE:COL: message` with control characters escaped and the line
 * cut to MAX_MESSAGE_CHARS, so that text copied from a file can neither act
 * on the terminal nor flood it.
 */
export function formatProblem(p: ScenarioProblem): string {
  return clip(escapeControl(`${p.file}:${p.line}:${p.col}: ${p.message}`), MAX_MESSAGE_CHARS);
}

function formatProblems(problems: readonly ScenarioProblem[]): string {
  const shown = problems.slice(0, MAX_PROBLEMS_SHOWN).map(formatProblem);
  const rest = problems.length - shown.length;
  if (rest > 0) {
    const next = problems[MAX_PROBLEMS_SHOWN];
    shown.push(formatProblem({ ...next, message: `and ${rest} more ${rest === 1 ? 'problem' : 'problems'} from here on (only the first ${MAX_PROBLEMS_SHOWN} are shown)` }));
  }
  return shown.join('\n');
}

/** Groups problems by file (in order of first appearance), then by position. */
function sortProblems(problems: readonly ScenarioProblem[]): ScenarioProblem[] {
  const fileOrder = new Map<string, number>();
  for (const p of problems) if (!fileOrder.has(p.file)) fileOrder.set(p.file, fileOrder.size);
  return [...problems].sort(
    (a, b) => fileOrder.get(a.file)! - fileOrder.get(b.file)! || a.line - b.line || a.col - b.col,
  );
}

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
    super(sorted.map(formatProblem).join('\n'));
    this.name = 'ScenarioError';
    this.problems = sorted;
  }

  /** One `FILE:LINE:COL: message` line per problem. */
  format(): string {
    return this.problems.map(formatProblem).join('\n');
  }
}

export function formatProblem(p: ScenarioProblem): string {
  return `${p.file}:${p.line}:${p.col}: ${p.message}`;
}

/** Groups problems by file (in order of first appearance), then by position. */
function sortProblems(problems: readonly ScenarioProblem[]): ScenarioProblem[] {
  const fileOrder = new Map<string, number>();
  for (const p of problems) if (!fileOrder.has(p.file)) fileOrder.set(p.file, fileOrder.size);
  return [...problems].sort(
    (a, b) => fileOrder.get(a.file)! - fileOrder.get(b.file)! || a.line - b.line || a.col - b.col,
  );
}

import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document, Node, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { ScenarioProblem } from './scenarioError.js';

/** A YAML node after following aliases: a scalar, mapping or list. */
export type ValueNode = Scalar | YAMLMap | YAMLSeq;

/**
 * One parsed YAML file, able to turn a node into a `FILE:LINE:COL` problem.
 * Syntax errors are reported on construction; callers check `syntaxOk`
 * before reading the content.
 */
export class YamlSource {
  readonly doc: Document.Parsed;
  readonly syntaxOk: boolean;
  private readonly lineCounter = new LineCounter();

  constructor(
    readonly file: string,
    readonly text: string,
    private readonly problems: ScenarioProblem[],
  ) {
    // Duplicate keys are reported by readMapping, with the first key's line.
    this.doc = parseDocument(text, { lineCounter: this.lineCounter, prettyErrors: false, uniqueKeys: false });
    for (const error of this.doc.errors) this.reportAt(error.pos[0], `YAML syntax error: ${error.message}`);
    this.syntaxOk = this.doc.errors.length === 0;
  }

  /** The top-level node, or null for an empty file. */
  root(): ValueNode | null {
    return this.resolve(this.doc.contents);
  }

  /** Follows an alias to the node it names; null for a missing value. */
  resolve(node: unknown): ValueNode | null {
    if (isAlias(node)) return node.resolve(this.doc) ?? null;
    return isScalar(node) || isMap(node) || isSeq(node) ? node : null;
  }

  /** Records a problem at a node, or at the start of the file without one. */
  report(node: Node | null | undefined, message: string): void {
    this.reportAt(node?.range?.[0] ?? 0, message);
  }

  /** 1-based line of a node, for messages that point back to it. */
  lineOf(node: Node): number {
    return this.position(node.range?.[0] ?? 0).line;
  }

  private reportAt(offset: number, message: string): void {
    const { line, col } = this.position(offset);
    this.problems.push({ file: this.file, line, col, message });
  }

  private position(offset: number): { line: number; col: number } {
    const pos = this.lineCounter.linePos(offset);
    return pos.line > 0 ? pos : { line: 1, col: 1 };
  }
}

/** How a value reads in a "got ..." message. */
export function describeNode(node: ValueNode | null): string {
  if (node === null) return 'nothing';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  const value: unknown = node.value;
  return typeof value === 'string' ? `"${value}"` : String(value);
}

import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit } from 'yaml';
import type { Alias, Document, Node, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { MAX_ALIASES, MAX_FILE_BYTES } from './inputLimits.js';
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
  /** Anchored nodes by name, in file order, so that an alias resolves without walking the document. */
  private readonly anchors = new Map<string, { offset: number; node: Node }[]>();

  constructor(
    readonly file: string,
    readonly text: string,
    private readonly problems: ScenarioProblem[],
  ) {
    if (longerThan(text, MAX_FILE_BYTES)) {
      // Refused unread: parsing and reporting on megabytes of garbage would take long and say nothing useful.
      this.doc = parseDocument('', { lineCounter: this.lineCounter });
      this.reportAt(0, `file is larger than ${MAX_FILE_BYTES} bytes, the most a scenario or base file may have`);
      this.syntaxOk = false;
      return;
    }
    // Duplicate keys are reported by readMapping, with the first key's line.
    this.doc = parseDocument(text, { lineCounter: this.lineCounter, prettyErrors: false, uniqueKeys: false });
    for (const error of this.doc.errors) this.reportAt(error.pos[0], `YAML syntax error: ${error.message}`);
    this.syntaxOk = this.doc.errors.length === 0 && this.indexAnchors();
  }

  /** Records every anchor once; false (with a problem) when the file has more aliases than allowed. */
  private indexAnchors(): boolean {
    let aliases = 0;
    let excess: Alias | undefined;
    visit(this.doc, {
      Alias: (_, alias) => {
        aliases++;
        if (aliases === MAX_ALIASES + 1) excess = alias;
      },
      Node: (_, node) => {
        if (!node.anchor) return;
        const list = this.anchors.get(node.anchor) ?? [];
        list.push({ offset: node.range?.[0] ?? 0, node });
        this.anchors.set(node.anchor, list);
      },
    });
    if (excess) this.report(excess, `${aliases} YAML aliases (*name); a file may have at most ${MAX_ALIASES}`);
    return excess === undefined;
  }

  /** The top-level node, or null for an empty file. */
  root(): ValueNode | null {
    return this.resolve(this.doc.contents);
  }

  /** Follows an alias to the node it names; null for a missing value. */
  resolve(node: unknown): ValueNode | null {
    if (isAlias(node)) return this.resolveAlias(node);
    return isScalar(node) || isMap(node) || isSeq(node) ? node : null;
  }

  /** An alias names the nearest anchor of that name before it (YAML 1.2, 7.1). */
  private resolveAlias(alias: Alias): ValueNode | null {
    const at = alias.range?.[0] ?? 0;
    const candidates = this.anchors.get(alias.source) ?? [];
    // Anchors are indexed in file order: the last one before the alias is found by bisection.
    let low = 0;
    let high = candidates.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (candidates[mid].offset < at) low = mid + 1;
      else high = mid;
    }
    const found = low > 0 ? candidates[low - 1].node : undefined;
    // An alias to an alias is not valid YAML, so one step is enough.
    return isScalar(found) || isMap(found) || isSeq(found) ? found : null;
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
  if (typeof value === 'number' && !Number.isFinite(value)) return Number.isNaN(value) ? '.nan (not a number)' : `${value > 0 ? '' : '-'}.inf (infinity)`;
  return typeof value === 'string' ? `"${value}"` : String(value);
}

/** Whether text takes more than `bytes` in UTF-8, counted without Node's Buffer: this reader also runs in the browser. */
function longerThan(text: string, bytes: number): boolean {
  // No UTF-16 unit takes more than 3 bytes in UTF-8, so a short text needs no counting.
  if (text.length * 3 <= bytes) return false;
  return new TextEncoder().encode(text).length > bytes;
}

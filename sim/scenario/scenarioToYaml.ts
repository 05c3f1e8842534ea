import { Document, isMap, isSeq } from 'yaml';
import type { ParamValue } from '../model/params/paramDef.js';

export interface DraftEvent {
  readonly month: number;
  readonly set: Readonly<Record<string, ParamValue>>;
}

export interface DraftOption {
  readonly name: string;
  readonly set?: Readonly<Record<string, ParamValue>>;
  readonly at?: readonly DraftEvent[];
}

/** A scenario as edited on the web page, before it is written out. */
export interface ScenarioDraft {
  readonly name: string;
  readonly base: string;
  readonly options: readonly DraftOption[];
  readonly description?: string;
  readonly question?: string;
  readonly seed?: number;
  readonly replicates?: number;
  readonly years?: number;
  readonly set?: Readonly<Record<string, ParamValue>>;
  readonly timeline?: readonly DraftEvent[];
  /** Written as `#` lines at the top: the question and sources. */
  readonly comment?: string;
}

/**
 * Writes a draft as scenario YAML that parseScenario reads back to the same
 * values. Empty parts are left out; events are written one per line.
 */
export function scenarioToYaml(draft: ScenarioDraft): string {
  const plain = withoutEmpty({
    name: draft.name,
    description: draft.description,
    question: draft.question,
    base: draft.base,
    seed: draft.seed,
    replicates: draft.replicates,
    years: draft.years,
    set: draft.set,
    timeline: draft.timeline,
    options: draft.options.map((option) => withoutEmpty({ name: option.name, set: option.set, at: option.at })),
  });
  const doc = new Document(plain);
  if (draft.comment) doc.commentBefore = draft.comment.split('\n').map((line) => ` ${line}`).join('\n');
  flowEvents(doc.get('timeline'));
  const options = doc.get('options');
  if (isSeq(options)) for (const option of options.items) if (isMap(option)) flowEvents(option.get('at'));
  return doc.toString({ lineWidth: 0 });
}

function flowEvents(events: unknown): void {
  if (!isSeq(events)) return;
  for (const event of events.items) if (isMap(event)) event.flow = true;
}

/** Drops undefined fields and empty `set`/`timeline`/`at`, which add nothing. */
function withoutEmpty(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => {
      if (value === undefined) return false;
      if (Array.isArray(value)) return value.length > 0;
      return !(typeof value === 'object' && value !== null && Object.keys(value).length === 0);
    }),
  );
}

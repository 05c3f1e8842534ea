import type { ParamValue } from '../../sim/model/params/paramDef.js';
import { scenarioToYaml, type DraftEvent, type ResolvedEvent, type ResolvedScenario } from '../../sim/scenario/index.js';
import { sameValue } from './levers.js';

/** What the page exports: one setting of a scenario, with the run settings chosen on the page. */
export interface ExportRequest {
  readonly scenario: ResolvedScenario;
  /** The scenario file's opening comment (question, options, sources), kept in the export. */
  readonly notes: string;
  /** Name of the option the levers started from. */
  readonly optionName: string;
  /** Parameters changed on the page, for the file's comment. */
  readonly changed: readonly string[];
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly events: readonly ResolvedEvent[];
  /** Values and timeline of the scenario's base chain alone (scenarioLibrary.resolveBase). */
  readonly base: { readonly params: Readonly<Record<string, ParamValue>>; readonly events: readonly ResolvedEvent[] };
  readonly seed: number;
  readonly replicates: number;
}

/** Every parameter whose value differs from the base's, in the order of the setting's names. */
export function differencesFromBase(
  params: Readonly<Record<string, ParamValue>>,
  base: Readonly<Record<string, ParamValue>>,
): Record<string, ParamValue> {
  const set: Record<string, ParamValue> = {};
  for (const name of Object.keys(params)) if (!sameValue(params[name], base[name])) set[name] = params[name];
  return set;
}

/** The setting's events without those its base chain already brings (which the base applies again). */
function ownEvents(events: readonly ResolvedEvent[], baseEvents: readonly ResolvedEvent[]): DraftEvent[] {
  const left = [...baseEvents];
  const own: DraftEvent[] = [];
  for (const event of events) {
    const k = left.findIndex((b) => b.month === event.month && JSON.stringify(b.set) === JSON.stringify(event.set));
    if (k >= 0) left.splice(k, 1);
    else own.push({ month: event.month, set: { ...event.set } });
  }
  return own;
}

/**
 * A scenario file for the setting: the same base, `set:` with every
 * parameter that differs from the base's resolved value, the option's own
 * timeline events, and the page's seed, replicates and horizon, under a
 * single option. `migsim run` on it runs what the page ran for the setting.
 */
export function exportYaml(request: ExportRequest): string {
  const { scenario } = request;
  const settingName = request.changed.length === 0 ? request.optionName : `${request.optionName} + changes`;
  const changes = request.changed.length === 0 ? 'none' : request.changed.join(', ');
  const comment = [
    ...(request.notes ? [request.notes, ''] : []),
    `Settings exported from the migsim teaching page: scenario "${scenario.name}",`,
    `option "${request.optionName}", changed on the page: ${changes}.`,
    'Values the page changed carry no source of their own.',
  ].join('\n');
  return scenarioToYaml({
    name: `${scenario.name}: ${settingName}`,
    description: `${request.optionName} from "${scenario.name}"${request.changed.length === 0 ? '' : `, with changes to ${changes}`}`,
    question: scenario.question || undefined,
    base: scenario.base,
    seed: request.seed,
    replicates: request.replicates,
    years: scenario.years,
    set: differencesFromBase(request.params, request.base.params),
    timeline: ownEvents(request.events, request.base.events),
    options: [{ name: settingName }],
    comment,
  });
}

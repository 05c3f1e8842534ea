import type { ParamValue } from '../../sim/model/params/paramDef.js';
import { scenarioToYaml, type DraftEvent, type ResolvedEvent, type ResolvedScenario } from '../../sim/scenario/index.js';
import { sameValue } from './levers.js';

/** One setting the page exports: its name, the option it starts from, and what it simulates. */
export interface ExportSetting {
  readonly name: string;
  /** Name of the option the levers started from. */
  readonly optionName: string;
  /** Levers changed on the page (parameter names), for the file's comment. */
  readonly changed: readonly string[];
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly events: readonly ResolvedEvent[];
}

/** What the page exports: one setting, or the two settings of a comparison, with the run settings chosen on the page. */
export interface ExportRequest {
  readonly scenario: ResolvedScenario;
  /** The scenario file's opening comment (question, options, sources), kept in the export. */
  readonly notes: string;
  readonly settings: readonly ExportSetting[];
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
 * A scenario file for the settings: the same base, and one option per
 * setting whose `set:` holds every parameter that differs from the base's
 * resolved value and whose `at:` holds the setting's own timeline events,
 * with the page's seed, replicates and horizon. `migsim run` on it runs
 * what the page ran, and compares the settings on the same seeds.
 */
export function exportYaml(request: ExportRequest): string {
  const { scenario } = request;
  const comment = [
    ...(request.notes ? [request.notes, ''] : []),
    `Settings exported from the migsim teaching page: scenario "${scenario.name}".`,
    ...request.settings.map(
      (setting) => `Option "${setting.name}": from "${setting.optionName}", changed on the page: ${setting.changed.length === 0 ? 'none' : setting.changed.join(', ')}.`,
    ),
    'Values the page changed carry no source of their own.',
  ].join('\n');
  const names = request.settings.map((s) => s.name);
  return scenarioToYaml({
    name: request.settings.length === 1 ? `${scenario.name}: ${names[0]}` : `${scenario.name}: ${names.join(' vs ')}`,
    description: `Exported from "${scenario.name}": ${names.join('; ')}`,
    question: scenario.question || undefined,
    base: scenario.base,
    seed: request.seed,
    replicates: request.replicates,
    years: scenario.years,
    options: request.settings.map((setting) => ({
      name: setting.name,
      set: differencesFromBase(setting.params, request.base.params),
      at: ownEvents(setting.events, request.base.events),
    })),
    comment,
  });
}

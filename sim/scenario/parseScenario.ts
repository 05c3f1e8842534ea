import { isMap } from 'yaml';
import { expandValues } from '../model/params/catalogue.js';
import { DEFAULT_PLACES } from '../model/params/places.js';
import { paramCatalogue, type ParamCatalogue } from './paramCatalogue.js';
import { readPlaces } from './readPlaces.js';
import { horizonWeeks, monthToWeek } from '../model/time.js';
import { isAutoReplicates, readAutoReplicates } from './autoReplicates.js';
import { readRunSetting, readText, requireKey } from './readFields.js';
import { readSweep } from './readSweep.js';
import { readUncertain } from './readUncertain.js';
import { readEvents, type PendingEvent } from './readEvents.js';
import { readMapping } from './readMapping.js';
import { readOptions, type PendingOption } from './readOptions.js';
import { readParamSet } from './readParamSet.js';
import { resolveBaseChain, type BaseLayer } from './resolveBaseChain.js';
import { ScenarioError, type ScenarioProblem } from './scenarioError.js';
import type { BaseLoader, ResolvedOption, ResolvedScenario } from './scenarioTypes.js';
import { YamlSource } from './yamlSource.js';
import type { ParamValue } from '../model/params/paramDef.js';

export const SCENARIO_KEYS = [
  'name',
  'description',
  'question',
  'base',
  'places',
  'seed',
  'replicates',
  'years',
  'set',
  'timeline',
  'options',
  'sweep',
  'sensitivity',
] as const;

/**
 * Reads a scenario file and its chain of bases into fully resolved options.
 * Pure: bases are fetched through `loadBase`, so this also runs in a browser.
 * `shippedBases` only serves the message for an unknown base name.
 *
 * @throws ScenarioError listing every problem found, in every file read.
 */
export function parseScenario(
  text: string,
  file: string,
  loadBase: BaseLoader,
  shippedBases: readonly string[] = [],
): ResolvedScenario {
  const problems: ScenarioProblem[] = [];
  const src = new YamlSource(file, text, problems);
  if (!src.syntaxOk) throw new ScenarioError(problems);
  const root = src.root();
  const entries = readMapping(src, root, SCENARIO_KEYS, 'scenario');
  if (!entries || !isMap(root)) throw new ScenarioError(problems);

  const name = readText(src, requireKey(src, entries, 'name', root, 'scenario'), 'name', true);
  const description = readText(src, entries.get('description'), 'description') ?? '';
  const question = readText(src, entries.get('question'), 'question') ?? '';
  const seed = readRunSetting(src, entries.get('seed'), 'seed');
  const replicatesEntry = entries.get('replicates');
  const auto = isAutoReplicates(replicatesEntry) ? readAutoReplicates(src, replicatesEntry!) : undefined;
  const replicates = auto ? auto.max : isAutoReplicates(replicatesEntry) ? undefined : readRunSetting(src, replicatesEntry, 'replicates');
  const years = readRunSetting(src, entries.get('years'), 'years');

  const baseEntry = requireKey(src, entries, 'base', root, 'scenario');
  const base = readText(src, baseEntry, 'base', true);
  const layers =
    base !== undefined && baseEntry?.value
      ? resolveBaseChain(base, baseEntry.value, src, { loadBase, shippedBases, problems })
      : [];
  const placesSpec = readPlaces(src, entries.get('places')?.value ?? null, layers.at(-1)?.places) ?? DEFAULT_PLACES;
  const params = paramCatalogue(placesSpec);
  const set = readParamSet(src, entries.get('set')?.value ?? null, 'set', params);
  const timeline = readEvents(src, entries.get('timeline')?.value ?? null, 'timeline', false, params);
  const options = readOptions(src, requireKey(src, entries, 'options', root, 'scenario'), params);
  const sweep = readSweep(src, entries.get('sweep')?.value ?? null, params);
  const sensitivityEntry = entries.get('sensitivity');
  const sensitivity = sensitivityEntry ? readUncertain(src, sensitivityEntry.value, params, 'sensitivity') : undefined;

  if (years !== undefined) {
    checkHorizon([...layers.flatMap((layer) => layer.events), ...timeline, ...options.flatMap((o) => o.at)], years);
  }
  if (problems.length > 0 || name === undefined || base === undefined) throw new ScenarioError(problems);

  const fitted = [...layers].reverse().find((layer) => layer.fitted !== undefined)?.fitted;
  return {
    file,
    text,
    name,
    description,
    question,
    base,
    seed: seed!,
    replicates: replicates!,
    years: years!,
    places: placesSpec,
    options: options.map((option) => resolveOption(option, layers, set, timeline, params)),
    ...(auto === undefined ? {} : { auto }),
    uncertain: Object.assign({}, ...layers.map((layer) => layer.uncertain)) as Record<string, [number, number]>,
    ...(fitted === undefined ? {} : { fitted }),
    ...(sweep === undefined ? {} : { sweep }),
    ...(sensitivity === undefined ? {} : { sensitivity }),
  };
}

/** Values apply in order default < bases (outermost first) < scenario < option. */
function resolveOption(
  option: PendingOption,
  layers: readonly BaseLayer[],
  scenarioSet: Record<string, ParamValue>,
  timeline: readonly PendingEvent[],
  catalogue: ParamCatalogue,
): ResolvedOption {
  const full = (set: Record<string, ParamValue>) => expandValues(set, catalogue.places);
  const params = Object.assign(catalogue.defaults(), ...layers.map((layer) => full(layer.set)), full(scenarioSet), full(option.set));
  // Array.prototype.sort is stable, so events in the same month keep file order.
  const events = [...layers.flatMap((layer) => layer.events), ...timeline, ...option.at]
    .sort((a, b) => a.month - b.month)
    .map((event) => ({ month: event.month, week: monthToWeek(event.month), set: full(event.set) }));
  return { name: option.name, places: catalogue.places.spec, params, events };
}

/** An event the run would never reach is a mistake, not something to drop silently. */
function checkHorizon(events: readonly PendingEvent[], years: number): void {
  const months = Number((years * 12).toFixed(6));
  for (const event of events) {
    if (event.month < years * 12 && monthToWeek(event.month) < horizonWeeks(years)) continue;
    event.src.report(
      event.monthNode,
      `${event.owner}: event at month ${event.month} is at or after the horizon (years: ${years} = ${months} months)`,
    );
  }
}

import type { ParamValue } from '../model/params/paramDef.js';
import { DEFAULT_PLACES, type PlacesSpec } from '../model/params/places.js';
import { paramCatalogue } from './paramCatalogue.js';
import { readPlaces } from './readPlaces.js';
import type { ScenarioProblem } from './scenarioError.js';
import { isBasePath, type BaseLoader } from './scenarioTypes.js';
import { readLooseText, readText } from './readFields.js';
import { readEvents, type PendingEvent } from './readEvents.js';
import { readMapping } from './readMapping.js';
import { readParamSet } from './readParamSet.js';
import { readUncertain } from './readUncertain.js';
import { didYouMean } from './suggestName.js';
import { YamlSource, type ValueNode } from './yamlSource.js';

export const BASE_KEYS = ['name', 'description', 'base', 'places', 'set', 'timeline', 'uncertain', 'fitted'] as const;

/** What one base file contributes. */
export interface BaseLayer {
  readonly ref: string;
  readonly file: string;
  readonly set: Record<string, ParamValue>;
  readonly events: PendingEvent[];
  readonly uncertain: Record<string, [number, number]>;
  readonly fitted?: string;
  /** Places declared by this file and its bases (undefined: none declared yet). */
  readonly places?: PlacesSpec;
}

export interface BaseContext {
  readonly loadBase: BaseLoader;
  readonly shippedBases: readonly string[];
  readonly problems: ScenarioProblem[];
}

/**
 * Loads the base `ref` and the bases it chains to. Returns the layers
 * outermost first (the order in which their values apply); problems in a
 * base file are reported against that file.
 */
export function resolveBaseChain(
  ref: string,
  refNode: ValueNode,
  from: YamlSource,
  context: BaseContext,
  chain: readonly string[] = [from.file],
): BaseLayer[] {
  const found = context.loadBase(ref, from.file);
  if (!found) {
    from.report(refNode, missingBaseMessage(ref, context.shippedBases));
    return [];
  }
  const cycleStart = chain.indexOf(found.file);
  if (cycleStart >= 0) {
    from.report(refNode, `base cycle: ${[...chain.slice(cycleStart), found.file].join(' → ')}`);
    return [];
  }
  const src = new YamlSource(found.file, found.text, context.problems);
  if (!src.syntaxOk) return [];
  const entries = readMapping(src, src.root(), BASE_KEYS, 'base file');
  if (!entries) return [];

  readText(src, entries.get('name'), 'name', true);
  readText(src, entries.get('description'), 'description');
  const innerEntry = entries.get('base');
  const innerRef = readText(src, innerEntry, 'base', true);
  const inner =
    innerRef !== undefined && innerEntry?.value
      ? resolveBaseChain(innerRef, innerEntry.value, src, context, [...chain, found.file])
      : [];
  const places = readPlaces(src, entries.get('places')?.value ?? null, inner.at(-1)?.places);
  const params = paramCatalogue(places ?? DEFAULT_PLACES);
  const layer: BaseLayer = {
    ref,
    file: found.file,
    set: readParamSet(src, entries.get('set')?.value ?? null, 'set', params),
    events: readEvents(src, entries.get('timeline')?.value ?? null, `timeline of base "${ref}"`, false, params),
    uncertain: readUncertain(src, entries.get('uncertain')?.value ?? null, params),
    fitted: readLooseText(src, entries.get('fitted'), 'fitted'),
    ...(places ? { places } : {}),
  };
  return [...inner, layer];
}

function missingBaseMessage(ref: string, shippedBases: readonly string[]): string {
  if (isBasePath(ref)) return `base file "${ref}" not found; a path is relative to the folder of the file that names it`;
  const shipped = shippedBases.length > 0 ? `; shipped bases: ${shippedBases.join(', ')}` : '';
  return `unknown base "${ref}"${shipped}${didYouMean(ref, shippedBases)}`;
}

import { catalogue, defaultsOf, toDef } from '../model/params/catalogue.js';
import type { ParamDef, ParamValue } from '../model/params/paramDef.js';
import { compilePlaces, type Places, type PlacesSpec } from '../model/params/places.js';
import { TEMPLATES } from '../model/params/registry.js';
import { didYouMean } from './suggestName.js';

/**
 * The parameters a file may name, given the places declared so far: every
 * place's parameters by full name, and destination-country parameters by
 * their short name, which stands for every destination country.
 */
export interface ParamCatalogue {
  readonly places: Places;
  readonly defs: readonly ParamDef[];
  lookup(name: string): ParamDef | undefined;
  /** A hint for an unknown name: a near name, the flat form of a group, or the places that exist. */
  unknownHint(name: string): string;
  defaults(): Record<string, ParamValue>;
}

/** Catalogues of the places seen last, newest last: a file, its base and its options mostly share one set of places. */
const recent: { key: string; catalogue: ParamCatalogue }[] = [];
const RECENT_KEPT = 8;

/** The catalogue of these places, built once for each set of places among the last few asked for. */
export function paramCatalogue(spec: PlacesSpec): ParamCatalogue {
  const key = JSON.stringify(spec);
  const k = recent.findIndex((entry) => entry.key === key);
  if (k >= 0) return recent[k].catalogue;
  // Built from a copy, so that the catalogue kept does not share the caller's object.
  const built = buildCatalogue(JSON.parse(key) as PlacesSpec);
  recent.push({ key, catalogue: built });
  if (recent.length > RECENT_KEPT) recent.shift();
  return built;
}

function buildCatalogue(spec: PlacesSpec): ParamCatalogue {
  const places = compilePlaces(spec);
  const defs = catalogue(places);
  const byName = new Map<string, ParamDef>(defs.map((d) => [d.name, d]));
  for (const t of TEMPLATES) {
    if (t.scope !== 'destination') continue;
    byName.set(t.name, toDef(t, '', 'every destination country'));
  }
  const names = [...byName.keys()];
  const shortNames = TEMPLATES.filter((t) => t.scope === 'global' || t.scope === 'destination').map((t) => t.name);
  const placeNames = new Set([...places.origins, ...places.originRegions, ...places.destinations, ...places.regions]);
  return {
    places,
    defs,
    lookup: (name) => byName.get(name),
    unknownHint(name) {
      // A well-formed name of a place that is not declared says so before any near name is suggested.
      const parts = name.split('.');
      const templateOf = (rest: string[], scopes: readonly string[]) => TEMPLATES.some((t) => scopes.includes(t.scope) && t.name === rest.join('.'));
      if (parts.length >= 2 && !placeNames.has(parts[0]) && templateOf(parts.slice(1), ['origin', 'destination'])) {
        return `; "${parts[0]}" is not a place of this scenario (declared: ${describePlaces(places)})`;
      }
      if (parts.length >= 3 && templateOf(parts.slice(2), ['originRegion', 'region', 'pair'])) {
        const unknown = parts.slice(0, 2).find((part) => !placeNames.has(part));
        if (unknown) return `; "${unknown}" is not a place of this scenario (declared: ${describePlaces(places)})`;
        return `; "${parts[1]}" is not a region of ${parts[0]}, nor is "${parts[0]}.${parts[1]}" a pair of an origin and a destination country`;
      }
      // Names without a place first: a bare "annual" means "quota.annual", not one country's copy of it.
      const near = didYouMean(name, shortNames) || didYouMean(name, names);
      if (near) return near;
      const inGroup = names.find((param) => param.startsWith(`${name}.`));
      return inGroup ? `; parameters are written as flat dotted names, e.g. "${inGroup}"` : '';
    },
    // A fresh object each time: callers add their own values to it.
    defaults: () => defaultsOf(defs),
  };
}

function describePlaces(places: Places): string {
  const list = (countries: readonly string[], regions: Readonly<Record<string, readonly string[]>>) =>
    countries.map((c) => `${c} (${regions[c].join(', ')})`).join(', ');
  return `origins ${list(places.origins, places.spec.origins)}; destinations ${list(places.destinations, places.spec.destinations)}`;
}

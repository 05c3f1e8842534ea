/**
 * Places are data: a base file declares the origin countries with their
 * regions and the destination countries with theirs. The model knows no
 * place by name; every per-place parameter is generated from a template of
 * the registry for each place a scenario declares (params/catalogue.ts).
 */

/** As written in a file: country → its regions, in file order. */
export interface PlacesSpec {
  readonly origins: Readonly<Record<string, readonly string[]>>;
  readonly destinations: Readonly<Record<string, readonly string[]>>;
}

/** Places compiled to indices: every array is in declaration order. */
export interface Places {
  readonly spec: PlacesSpec;
  readonly origins: readonly string[];
  /** Origin regions over all origins; originOf[k] is the origin of region k. */
  readonly originRegions: readonly string[];
  readonly originOf: Uint8Array;
  readonly destinations: readonly string[];
  /** Destination regions over all countries; countryOf[r] is the country of region r. */
  readonly regions: readonly string[];
  readonly countryOf: Uint8Array;
  /** First region index of each country, and one past the last (length countries + 1). */
  readonly countryStart: Int32Array;
}

/**
 * The places of a chain of files that declares none: those of the
 * `russia-2025` base (three origin countries with their regions, Russia's
 * three regions).
 */
export const DEFAULT_PLACES: PlacesSpec = {
  origins: {
    kyrgyzstan: ['osh', 'jalal_abad', 'batken', 'chui', 'bishkek', 'naryn_talas_issyk_kul'],
    uzbekistan: ['fergana_valley', 'samarkand', 'kashkadarya_surkhandarya', 'khorezm', 'tashkent_and_west'],
    tajikistan: ['khatlon', 'sughd', 'districts_of_republican_subordination', 'dushanbe_gbao'],
  },
  destinations: { russia: ['moscow', 'st_petersburg', 'yekaterinburg'] },
};

/** Names a place may have: lower-case words joined by underscores (they become parts of parameter names). */
export const PLACE_NAME = /^[a-z][a-z0-9_]*$/;

/** Largest numbers of places; indices are kept in bytes. */
export const MAX_PLACES = 250;

/**
 * Checks a places spec: names well formed and unique over all places (a
 * parameter name must say which place it belongs to), at least one origin
 * and one destination, every country with at least one region.
 * Returns the problems as messages (empty when it is valid).
 */
export function placesProblems(spec: PlacesSpec, reserved: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const check = (name: string, what: string): void => {
    if (!PLACE_NAME.test(name)) problems.push(`${what} "${name}": a place name is lower-case letters, digits and underscores, starting with a letter`);
    else if (reserved.has(name)) problems.push(`${what} "${name}": the name is a parameter group; choose another`);
    else if (seen.has(name)) problems.push(`${what} "${name}" is declared twice; every place needs its own name`);
    seen.add(name);
  };
  for (const [side, countries] of [['origin', spec.origins], ['destination', spec.destinations]] as const) {
    const names = Object.keys(countries);
    if (names.length === 0) problems.push(`places: at least one ${side} country is needed`);
    let regions = 0;
    for (const country of names) {
      check(country, `${side} country`);
      if (countries[country].length === 0) problems.push(`${side} country "${country}" has no regions`);
      for (const region of countries[country]) check(region, `region of ${country}`);
      regions += countries[country].length;
    }
    if (names.length > MAX_PLACES || regions > MAX_PLACES) problems.push(`places: at most ${MAX_PLACES} ${side} countries and regions`);
  }
  return problems;
}

/** Indices of a valid places spec. */
export function compilePlaces(spec: PlacesSpec): Places {
  const origins = Object.keys(spec.origins);
  const destinations = Object.keys(spec.destinations);
  const originRegions = origins.flatMap((o) => spec.origins[o]);
  const originOf = Uint8Array.from(origins.flatMap((o, k) => spec.origins[o].map(() => k)));
  const regions = destinations.flatMap((d) => spec.destinations[d]);
  const countryOf = Uint8Array.from(destinations.flatMap((d, k) => spec.destinations[d].map(() => k)));
  const countryStart = new Int32Array(destinations.length + 1);
  for (let c = 0; c < destinations.length; c++) countryStart[c + 1] = countryStart[c] + spec.destinations[destinations[c]].length;
  return { spec, origins, originRegions, originOf, destinations, regions, countryOf, countryStart };
}

/** Places added by a later layer extend those of earlier ones (new countries and new regions of known countries). */
export function mergePlaces(base: PlacesSpec, added: Partial<PlacesSpec>): PlacesSpec {
  const merge = (a: Readonly<Record<string, readonly string[]>>, b: Readonly<Record<string, readonly string[]>> | undefined) => {
    const out: Record<string, string[]> = {};
    for (const [k, v] of Object.entries(a)) out[k] = [...v];
    for (const [k, v] of Object.entries(b ?? {})) out[k] = [...(out[k] ?? []), ...v.filter((r) => !(out[k] ?? []).includes(r))];
    return out;
  };
  return { origins: merge(base.origins, added.origins), destinations: merge(base.destinations, added.destinations) };
}

/** Sectors of migrant work; agriculture is seasonal. */
export const SECTORS = ['construction', 'agriculture', 'trade', 'services', 'domestic'] as const;
export type Sector = (typeof SECTORS)[number];
export const AGRICULTURE = SECTORS.indexOf('agriculture');

/** Permit regimes, set per pair of origin and destination country. */
export const REGIMES = ['employer-tied', 'worker-tied', 'free-movement'] as const;
export type Regime = (typeof REGIMES)[number];
export const REGIME_CODE = { 'employer-tied': 0, 'worker-tied': 1, 'free-movement': 2 } as const;

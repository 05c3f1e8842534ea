import type { ParamDef, ParamValue } from './paramDef.js';
import type { Places, PlacesSpec } from './places.js';
import { TEMPLATES, type Scope, type Template } from './registry.js';

/**
 * The full names of a scope's parameters for each of its places, in
 * declaration order: `[place label, name prefix]`.
 */
export function placesOfScope(scope: Scope, places: Places): [string, string][] {
  const { spec } = places;
  switch (scope) {
    case 'global':
      return [['', '']];
    case 'origin':
      return places.origins.map((o) => [o, `${o}.`]);
    case 'originRegion':
      return places.origins.flatMap((o) => spec.origins[o].map((r): [string, string] => [`${o}/${r}`, `${o}.${r}.`]));
    case 'destination':
      return places.destinations.map((d) => [d, `${d}.`]);
    case 'region':
      return places.destinations.flatMap((d) => spec.destinations[d].map((r): [string, string] => [`${d}/${r}`, `${d}.${r}.`]));
    case 'pair':
      return places.origins.flatMap((o) => places.destinations.map((d): [string, string] => [`${o}→${d}`, `${o}.${d}.`]));
  }
}

/**
 * Every parameter of a scenario with these places: the global ones, then
 * one copy of each place template per place. This is the list a scenario's
 * names are checked against and the reference `migsim params` prints.
 */
export function catalogue(places: Places): ParamDef[] {
  const defs: ParamDef[] = [];
  const order: Scope[] = ['global', 'origin', 'originRegion', 'pair', 'destination', 'region'];
  for (const scope of order) {
    for (const [place, prefix] of placesOfScope(scope, places)) {
      for (const t of TEMPLATES) if (t.scope === scope) defs.push(toDef(t, prefix, place));
    }
  }
  return defs;
}

/** A template as the definition of one place's parameter (the scope is implied by the place). */
export function toDef(t: Template, prefix: string, place: string): ParamDef {
  return {
    group: t.group,
    name: prefix + t.name,
    kind: t.kind,
    default: t.default,
    unit: t.unit,
    meaning: t.meaning,
    source: t.source,
    ...(t.min === undefined ? {} : { min: t.min }),
    ...(t.max === undefined ? {} : { max: t.max }),
    ...(t.values === undefined ? {} : { values: t.values }),
    ...(t.nullable === undefined ? {} : { nullable: t.nullable }),
    ...(t.fixedAtStart === undefined ? {} : { fixedAtStart: t.fixedAtStart }),
    template: t.name,
    place,
  };
}

/** Every parameter of these places at its default. */
export function defaultsFor(places: Places): Record<string, ParamValue> {
  return defaultsOf(catalogue(places));
}

/** Each of these parameters at its default, in a new object. */
export function defaultsOf(defs: readonly ParamDef[]): Record<string, ParamValue> {
  return Object.fromEntries(defs.map((d) => [d.name, d.default]));
}

/**
 * A destination-country parameter written without its country
 * (`quota.annual`) stands for that parameter in every destination country.
 * Returns the full names it sets, or undefined when `name` is not such a shorthand.
 */
export function expandShorthand(name: string, places: Places): string[] | undefined {
  return DESTINATION_TEMPLATES.has(name) ? places.destinations.map((d) => `${d}.${name}`) : undefined;
}

/** Names of the destination-country templates, which a shorthand may name. */
const DESTINATION_TEMPLATES: ReadonlySet<string> = new Set(TEMPLATES.filter((t) => t.scope === 'destination').map((t) => t.name));

/** Applies shorthands: each becomes its full names; full names are kept as they are. */
export function expandValues(values: Readonly<Record<string, ParamValue>>, places: Places): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  for (const [name, value] of Object.entries(values)) {
    const full = expandShorthand(name, places);
    if (full) for (const f of full) out[f] = value;
    else out[name] = value;
  }
  return out;
}

/**
 * The places a full set of values was made for, read back from its names
 * (every origin has `<origin>.share`, every origin region
 * `<origin>.<region>.share`, every destination `<country>.permit.monthly_fee`,
 * every destination region `<country>.<region>.jobs_share`), in the order
 * the names come. Undefined when the values name no places (defaults only).
 */
export function placesOfValues(values: Readonly<Record<string, ParamValue>>): PlacesSpec | undefined {
  const origins: Record<string, string[]> = {};
  const destinations: Record<string, string[]> = {};
  const names = Object.keys(values);
  for (const name of names) {
    const parts = name.split('.');
    if (parts.length === 2 && parts[1] === 'share') origins[parts[0]] ??= [];
    if (parts.length === 3 && parts[1] === 'permit' && parts[2] === 'monthly_fee') destinations[parts[0]] ??= [];
  }
  for (const name of names) {
    const parts = name.split('.');
    if (parts.length !== 3) continue;
    if (parts[2] === 'share' && origins[parts[0]]) origins[parts[0]].push(parts[1]);
    if (parts[2] === 'jobs_share' && destinations[parts[0]]) destinations[parts[0]].push(parts[1]);
  }
  const complete = (side: Record<string, string[]>) => Object.keys(side).length > 0 && Object.values(side).every((r) => r.length > 0);
  return complete(origins) && complete(destinations) ? { origins, destinations } : undefined;
}

/** Every template as a definition under its template name (the registry as documentation). */
export const TEMPLATE_DEFS: readonly ParamDef[] = TEMPLATES.map((t) => toDef(t, '', ''));

/** The template a full or short parameter name comes from (the longest template name it ends with), if any. */
export function templateOf(name: string): Template | undefined {
  let found: Template | undefined;
  for (const t of TEMPLATES) {
    if ((name === t.name || name.endsWith(`.${t.name}`)) && (!found || t.name.length > found.name.length)) found = t;
  }
  return found;
}

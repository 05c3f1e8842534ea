import { catalogue, expandValues, placesOfScope } from './catalogue.js';
import type { ParamValue, ParamValues } from './paramDef.js';
import { compilePlaces, DEFAULT_PLACES, REGIME_CODE, SECTORS, type Places, type PlacesSpec, type Regime } from './places.js';
import { fieldName, TEMPLATES_BY_SCOPE, type Scope, type ScopeValues, type Template } from './registry.js';

export type GlobalParams = ScopeValues<'global'>;
export type OriginParams = ScopeValues<'origin'>;
export type OriginRegionParams = ScopeValues<'originRegion'>;
export type RegionParams = ScopeValues<'region'>;

/** A destination country's rules, plus its sector mix and wages as arrays by sector. */
export interface DestinationParams extends ScopeValues<'destination'> {
  readonly sectorShare: Float64Array;
  readonly sectorWage: Float64Array;
}

/** The rules for citizens of one origin in one destination; `regimeCode` is REGIME_CODE of `regime`. */
export interface PairParams extends ScopeValues<'pair'> {
  readonly regimeCode: number;
}

/**
 * Parameters in the shape the rules read: the global values in `g`, and one
 * record per place, indexed as in `places`. Pairs are indexed
 * `origin * destinations + destination`. Money stays in the scenario's
 * currency per real person; counts of real people (quota) stay real.
 */
export interface ModelParams {
  readonly places: Places;
  readonly g: GlobalParams;
  readonly origin: readonly OriginParams[];
  readonly originRegion: readonly OriginRegionParams[];
  readonly dest: readonly DestinationParams[];
  readonly region: readonly RegionParams[];
  readonly pair: readonly PairParams[];
}

/**
 * Turns a full or partial set of parameter values into ModelParams for the
 * given places. Missing names take their defaults; a name that is not a
 * parameter of these places, or a value of the wrong kind, throws (values
 * from scenario files are checked with line numbers before they get here).
 */
export function compileParams(values: ParamValues, spec: PlacesSpec = DEFAULT_PLACES): ModelParams {
  const places = compilePlaces(spec);
  const all = expandValues(values, places);
  const known = new Set(catalogue(places).map((d) => d.name));
  for (const name of Object.keys(all)) if (!known.has(name)) throw new Error(`unknown parameter "${name}" for these places`);
  const scope = <S extends Scope>(s: S): ScopeValues<S>[] => placesOfScope(s, places).map(([, prefix]) => compileScope(s, prefix, all) as ScopeValues<S>);
  const dest = scope('destination').map((d, c): DestinationParams => {
    const prefix = `${places.destinations[c]}.`;
    return {
      ...d,
      sectorShare: Float64Array.from(SECTORS, (s) => numberOf(`${prefix}labour.sector_share.${s}`, d)),
      sectorWage: Float64Array.from(SECTORS, (s) => numberOf(`${prefix}labour.wage.${s}`, d)),
    };
  });
  return {
    places,
    g: scope('global')[0],
    origin: scope('origin'),
    originRegion: scope('originRegion'),
    dest,
    region: scope('region'),
    pair: scope('pair').map((p) => ({ ...p, regimeCode: REGIME_CODE[p.regime as Regime] })),
  };
}

/**
 * One record per scope with every field, in the registry's order, of the
 * kind its values take (numbers as non-integers, so that their field holds
 * any number). Compiled records are copies of it with their values written
 * in, so every world's records share one shape and the model's code,
 * optimised for the records of one world, still fits the next world's: a
 * record built key by key is a slow dictionary, and one spread from such a
 * dictionary gets a shape of its own each time.
 */
const SHAPES = new Map<Scope, Record<string, number | boolean | string>>();
function shapeOf(scope: Scope): Record<string, number | boolean | string> {
  let shape = SHAPES.get(scope);
  if (shape === undefined) {
    const built: Record<string, number | boolean | string> = {};
    for (const t of TEMPLATES_BY_SCOPE[scope]) built[fieldName(t.name)] = t.kind === 'boolean' ? false : t.kind === 'enum' ? '' : 0.5;
    shape = { ...built };
    SHAPES.set(scope, shape);
  }
  return shape;
}

function compileScope(scope: Scope, prefix: string, values: Readonly<Record<string, ParamValue>>): Record<string, number | boolean | string> {
  const out = { ...shapeOf(scope) };
  for (const t of TEMPLATES_BY_SCOPE[scope]) {
    const name = prefix + t.name;
    out[fieldName(t.name)] = convert(t, name, name in values ? values[name] : t.default);
  }
  return out;
}

/** Checks a value's kind strictly: a misspelt boolean or an enum outside its values is an error, never a silent default. */
function convert(t: Template, name: string, value: ParamValue): number | boolean | string {
  switch (t.kind) {
    case 'boolean':
      if (typeof value !== 'boolean') throw new Error(`parameter ${name} must be true or false, got ${String(value)}`);
      return value;
    case 'enum':
      if (typeof value !== 'string' || !t.values!.includes(value)) throw new Error(`parameter ${name} must be one of ${t.values!.join(', ')}, got ${String(value)}`);
      return value;
    default:
      if (value === null && t.nullable) return NaN;
      if (typeof value !== 'number' || Number.isNaN(value)) throw new Error(`parameter ${name} must be a number, got ${String(value)}`);
      return value;
  }
}

function numberOf(name: string, compiled: ScopeValues<'destination'>): number {
  const field = fieldName(name.slice(name.indexOf('.') + 1)) as keyof ScopeValues<'destination'>;
  return compiled[field] as number;
}

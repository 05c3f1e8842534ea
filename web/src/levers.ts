import { checkValue } from '../../sim/model/params/checkValue.js';
import type { ParamDef, ParamValue } from '../../sim/model/params/paramDef.js';
import { catalogue, placesOfValues } from '../../sim/model/params/catalogue.js';
import { compilePlaces, DEFAULT_PLACES } from '../../sim/model/params/places.js';

/** How a lever is drawn: a list, a number box, a slider, a tick box, or a number box with a "no quota" tick. */
export type LeverControl = 'select' | 'number' | 'range' | 'checkbox' | 'quota';

/** One policy setting the page lets students change. */
export interface Lever {
  /** The parameter's registry name, written as `data-param` on its control. */
  readonly param: string;
  /** Heading of the group the lever is shown under. */
  readonly group: string;
  readonly label: string;
  readonly control: LeverControl;
  /** The parameter's definition: unit, meaning, source, range. */
  readonly def: ParamDef;
  readonly min?: number;
  readonly max?: number;
  readonly step?: number;
}

const PLACE_NAMES: Record<string, string> = {
  kyrgyzstan: 'Kyrgyzstan',
  uzbekistan: 'Uzbekistan',
  tajikistan: 'Tajikistan',
  moscow: 'Moscow',
  st_petersburg: 'St Petersburg',
  yekaterinburg: 'Yekaterinburg',
  almaty: 'Almaty',
  astana: 'Astana',
  shymkent: 'Shymkent',
  russia: 'Russia',
  kazakhstan: 'Kazakhstan',
};

/** A place name for people to read. */
export function placeName(place: string): string {
  return PLACE_NAMES[place] ?? place;
}

function lever(
  defs: ReadonlyMap<string, ParamDef>,
  param: string,
  group: string,
  label: string,
  control: LeverControl,
  range: { min?: number; max?: number; step?: number } = {},
): Lever {
  const def = defs.get(param);
  if (def === undefined) throw new Error(`lever "${label}" names no parameter: ${param}`);
  return { param, group, label, control, def, min: range.min ?? def.min, max: range.max ?? def.max, ...(range.step === undefined ? {} : { step: range.step }) };
}

/**
 * The levers for a setting, for each destination country: permit regime
 * and registration deadline for each origin country that sends migrants,
 * digital registration for each region with jobs, and the national
 * settings (quota, fees, police, control registry, amnesty). `params` are
 * the setting's values, whose names declare the places and which widen
 * slider ranges that would not reach the current value.
 */
export function leversFor(params: Readonly<Record<string, ParamValue>>): Lever[] {
  const places = compilePlaces(placesOfValues(params) ?? DEFAULT_PLACES);
  const defs = new Map(catalogue(places).map((d) => [d.name, d]));
  const origins = places.origins.filter((o) => Number(params[`${o}.share`]) > 0);
  const sliderMax = (param: string, max: number): number => Math.max(max, Number(params[param]) || 0);
  const several = places.destinations.length > 1;
  const levers: Lever[] = [];
  for (const d of places.destinations) {
    const country = placeName(d);
    const inCountry = (label: string) => (several ? `${label} (${country})` : label);
    const regions = places.spec.destinations[d].filter((r) => Number(params[`${d}.${r}.jobs_share`]) > 0);
    const add = (template: string, group: string, label: string, control: LeverControl, range?: { min?: number; max?: number; step?: number }) =>
      levers.push(lever(defs, `${d}.${template}`, group, inCountry(label), control, range));
    for (const o of origins) levers.push(lever(defs, `${o}.${d}.regime`, 'Permits', inCountry(`Permit regime: ${placeName(o)}`), 'select'));
    add('quota.annual', 'Permits', 'Yearly quota of work permits', 'quota', { step: 1000 });
    add('permit.monthly_fee', 'Fees', 'Monthly fee of a worker-tied permit', 'number', { step: 100 });
    add('permit.initial_cost', 'Fees', 'One-off cost of a worker-tied permit', 'number', { step: 500 });
    add('registration.fee', 'Fees', 'Registration fee', 'number', { step: 100 });
    for (const o of origins) levers.push(lever(defs, `${o}.${d}.registration_days`, 'Registration', inCountry(`Days to register: ${placeName(o)}`), 'number', { step: 1 }));
    for (const r of regions) levers.push(lever(defs, `${d}.${r}.digital_registration`, 'Registration', `Digital registration in ${placeName(r)}`, 'checkbox'));
    add('police.capacity', 'Police', 'Police capacity', 'range', { min: 0, max: sliderMax(`${d}.police.capacity`, 3), step: 0.1 });
    add('police.corruption', 'Police', 'Police corruption', 'range', { min: 0, max: 1, step: 0.05 });
    add('registry.enabled', 'Control registry', 'Control registry in force', 'checkbox');
    add('registry.delisting', 'Control registry', 'Delisting after regularising', 'checkbox');
    add('amnesty.open', 'Amnesty', 'Amnesty window open', 'checkbox');
    add('amnesty.kind', 'Amnesty', 'Kind of amnesty', 'select');
  }
  return levers;
}

/**
 * Reads what a student typed into a number box: a finite number the
 * parameter accepts, or a message. An empty box is not zero.
 */
export function parseLeverNumber(def: ParamDef, text: string): { value: number } | { error: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { error: 'enter a number' };
  const value = Number(trimmed);
  const problem = checkValue(def, value);
  return problem === null ? { value } : { error: problem };
}

/** Whether two parameter values are the same (numbers, text, booleans or null). */
export function sameValue(a: ParamValue | undefined, b: ParamValue | undefined): boolean {
  return a === b || (typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b));
}

/** The levers whose value differs from the option's, in lever order. */
export function changedLevers(
  levers: readonly Lever[],
  values: Readonly<Record<string, ParamValue>>,
  option: Readonly<Record<string, ParamValue>>,
): string[] {
  return levers.filter((l) => l.param in values && !sameValue(values[l.param], option[l.param])).map((l) => l.param);
}

import { checkValue } from '../../sim/model/params/checkValue.js';
import type { ParamDef, ParamValue } from '../../sim/model/params/paramDef.js';
import { catalogue, placesOfValues } from '../../sim/model/params/catalogue.js';
import { compilePlaces, DEFAULT_PLACES } from '../../sim/model/params/places.js';
import type { MessageKey } from './i18n/en.js';
import type { Country, ScenarioUse } from './places.js';

/** How a lever is drawn: a list, a number box, a slider, a tick box, or a number box with a "no quota" tick. */
export type LeverControl = 'select' | 'number' | 'range' | 'checkbox' | 'quota';

export type LeverGroup = 'permits' | 'fees' | 'registration' | 'police' | 'registry' | 'amnesty';

/** One policy setting the page lets students change. */
export interface Lever {
  /** The parameter's registry name, written as `data-param` on its control (out of sight). */
  readonly param: string;
  readonly group: LeverGroup;
  /** Catalogue keys of its label and explanation; `place` fills their placeholder. */
  readonly label: MessageKey;
  readonly explain: MessageKey;
  /** The origin or region the lever is about, if any. */
  readonly place?: string;
  readonly control: LeverControl;
  /** The parameter's definition: unit, range, allowed values. */
  readonly def: ParamDef;
  readonly min?: number;
  readonly max?: number;
  readonly step?: number;
}

/**
 * A kind of lever. `param` may hold `{country}`, `{origin}` and `{region}`,
 * giving one lever per destination country (and origin, or region of that
 * country) the scenario uses. A lever is offered where `relevant` holds for
 * the country (always, when absent), or whenever an option of the scenario
 * changes the parameter: a lever a scenario turns is always shown.
 */
interface LeverSpec {
  readonly param: string;
  readonly group: LeverGroup;
  readonly label: MessageKey;
  readonly explain: MessageKey;
  readonly control: LeverControl;
  readonly relevant?: (use: ScenarioUse, country: Country) => boolean;
  readonly step?: number;
  readonly min?: number;
  readonly max?: number;
}

const usesWorkerTied = (use: ScenarioUse, c: Country): boolean => use.regimesIn[c]?.has('worker-tied') ?? false;
/** An amnesty legalises people working irregularly for an employer; the sources describe it under employer-tied permits (003 L2155–2209). */
const usesEmployerTied = (use: ScenarioUse, c: Country): boolean => use.regimesIn[c]?.has('employer-tied') ?? false;

/** Every lever the page knows, in the order it shows them. */
export const LEVER_SPECS: readonly LeverSpec[] = [
  { param: '{origin}.{country}.regime', group: 'permits', label: 'lever.regime', explain: 'lever.regime.explain', control: 'select' },
  {
    param: '{country}.quota.annual',
    group: 'permits',
    label: 'lever.quota',
    explain: 'lever.quota.explain',
    control: 'quota',
    step: 1000,
    relevant: (use, c) => use.hasQuota(c) || usesEmployerTied(use, c),
  },
  { param: '{country}.permit.monthly_fee', group: 'fees', label: 'lever.monthlyFee', explain: 'lever.monthlyFee.explain', control: 'number', step: 100, relevant: usesWorkerTied },
  { param: '{country}.permit.initial_cost', group: 'fees', label: 'lever.initialCost', explain: 'lever.initialCost.explain', control: 'number', step: 500, relevant: usesWorkerTied },
  { param: '{country}.registration.fee', group: 'fees', label: 'lever.registrationFee', explain: 'lever.registrationFee.explain', control: 'number', step: 100 },
  { param: '{origin}.{country}.registration_days', group: 'registration', label: 'lever.registrationDays', explain: 'lever.registrationDays.explain', control: 'number', step: 1 },
  { param: '{country}.{region}.digital_registration', group: 'registration', label: 'lever.digital', explain: 'lever.digital.explain', control: 'checkbox', relevant: (use, c) => use.hasDigital(c) },
  { param: '{country}.police.capacity', group: 'police', label: 'lever.policeCapacity', explain: 'lever.policeCapacity.explain', control: 'range', min: 0, max: 3, step: 0.1 },
  { param: '{country}.police.corruption', group: 'police', label: 'lever.policeCorruption', explain: 'lever.policeCorruption.explain', control: 'range', min: 0, max: 1, step: 0.05 },
  { param: '{country}.sanction.removal_share', group: 'police', label: 'lever.removalShare', explain: 'lever.removalShare.explain', control: 'range', min: 0, max: 1, step: 0.01 },
  { param: '{country}.sanction.ban_days', group: 'police', label: 'lever.banDays', explain: 'lever.banDays.explain', control: 'number', step: 30 },
  { param: '{country}.registry.enabled', group: 'registry', label: 'lever.registryEnabled', explain: 'lever.registryEnabled.explain', control: 'checkbox', relevant: (use, c) => use.hasRegistry(c) },
  { param: '{country}.registry.delisting', group: 'registry', label: 'lever.registryDelisting', explain: 'lever.registryDelisting.explain', control: 'checkbox', relevant: (use, c) => use.hasRegistry(c) },
  { param: '{country}.amnesty.open', group: 'amnesty', label: 'lever.amnestyOpen', explain: 'lever.amnestyOpen.explain', control: 'checkbox', relevant: usesEmployerTied },
  { param: '{country}.amnesty.kind', group: 'amnesty', label: 'lever.amnestyKind', explain: 'lever.amnestyKind.explain', control: 'select', relevant: usesEmployerTied },
  { param: '{country}.amnesty.validity_days', group: 'amnesty', label: 'lever.amnestyValidity', explain: 'lever.amnestyValidity.explain', control: 'number', step: 30, relevant: (use, c) => use.varied.has(`${c}.amnesty.open`) },
];

function makeLever(spec: LeverSpec, def: ParamDef, place: string | undefined, startValue: ParamValue): Lever {
  // A slider reaches at least the option's value, so the lever never shows a value it cannot hold.
  const max = spec.control === 'range' ? Math.max(spec.max ?? def.max ?? 1, Number(startValue) || 0) : def.max;
  return {
    param: def.name,
    group: spec.group,
    label: spec.label,
    explain: spec.explain,
    ...(place === undefined ? {} : { place }),
    control: spec.control,
    def,
    min: spec.min ?? def.min,
    max,
    ...(spec.step === undefined ? {} : { step: spec.step }),
  };
}

/**
 * The levers for a scenario: the one place that decides which levers a
 * scenario shows, from what its options use (its places and their
 * countries, regimes, what the options vary). `start` gives the values that
 * widen slider ranges. A lever's `place` is the origin or region it is
 * about, else the country when the scenario has several.
 */
export function leversFor(use: ScenarioUse, start: Readonly<Record<string, ParamValue>>): Lever[] {
  const defs = new Map(catalogue(compilePlaces(placesOfValues(start) ?? DEFAULT_PLACES)).map((d) => [d.name, d]));
  const several = use.countries.length > 1;
  const levers: Lever[] = [];
  for (const spec of LEVER_SPECS) {
    for (const country of use.countries) {
      const fill = (origin = '', region = '') => spec.param.replace('{country}', country).replace('{origin}', origin).replace('{region}', region);
      const add = (param: string, place: string | undefined) => {
        const def = defs.get(param);
        if (def === undefined) throw new Error(`lever ${spec.label} names no parameter: ${param}`);
        if (use.varied.has(param) || (spec.relevant?.(use, country) ?? true)) levers.push(makeLever(spec, def, place, start[param]));
      };
      if (spec.param.includes('{origin}')) for (const origin of use.origins) add(fill(origin), origin);
      else if (spec.param.includes('{region}')) for (const region of use.regions.filter((r) => use.countryOf[r] === country)) add(fill('', region), region);
      else add(fill(), several ? country : undefined);
    }
  }
  return levers;
}

/** Why a typed number is refused, as a catalogue key and its values. */
export type LeverProblem = { readonly key: MessageKey; readonly values?: Readonly<Record<string, number>> };

/**
 * Reads what a student typed into a number box: a finite number the
 * parameter accepts, or a problem. An empty box is not zero.
 */
export function parseLeverNumber(def: ParamDef, text: string): { value: number } | { error: LeverProblem } {
  const trimmed = text.trim();
  if (trimmed === '') return { error: { key: 'rules.enterNumber' } };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { error: { key: 'rules.enterNumber' } };
  if (checkValue(def, value) === null) return { value };
  if (def.kind === 'integer' && !Number.isInteger(value)) return { error: { key: 'rules.wholeNumber' } };
  if (def.min !== undefined && def.max !== undefined) return { error: { key: 'rules.outOfRange', values: { min: def.min, max: def.max } } };
  if (def.min !== undefined) return { error: { key: 'rules.atLeast', values: { min: def.min } } };
  return { error: { key: 'rules.enterNumber' } };
}

/** Whether two parameter values are the same (numbers, text, booleans or null). */
export function sameValue(a: ParamValue | undefined, b: ParamValue | undefined): boolean {
  return a === b || (typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b));
}

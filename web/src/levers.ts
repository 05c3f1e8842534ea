import { checkValue } from '../../sim/model/params/checkValue.js';
import type { ParamDef, ParamValue } from '../../sim/model/params/paramDef.js';
import { paramDef } from '../../sim/model/params/registry.js';
import type { MessageKey } from './i18n/en.js';
import { REGION_COUNTRY, type Country, type ScenarioUse } from './places.js';

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
 * A kind of lever. `param` may hold `{origin}` or `{region}`, giving one
 * lever per origin or region the scenario uses. A lever is offered when the
 * scenario's destination countries include one of `countries` (or any, when
 * absent) and `relevant` holds, or whenever an option of the scenario
 * changes the parameter: a lever a scenario turns is always shown.
 */
interface LeverSpec {
  readonly param: string;
  readonly group: LeverGroup;
  readonly label: MessageKey;
  readonly explain: MessageKey;
  readonly control: LeverControl;
  readonly countries?: readonly Country[];
  readonly relevant?: (use: ScenarioUse) => boolean;
  readonly step?: number;
  readonly min?: number;
  readonly max?: number;
}

const usesWorkerTied = (use: ScenarioUse): boolean => use.regimes.has('worker-tied');

/** Every lever the page knows, in the order it shows them. */
export const LEVER_SPECS: readonly LeverSpec[] = [
  { param: 'origin.{origin}.regime', group: 'permits', label: 'lever.regime', explain: 'lever.regime.explain', control: 'select' },
  {
    param: 'quota.annual',
    group: 'permits',
    label: 'lever.quota',
    explain: 'lever.quota.explain',
    control: 'quota',
    step: 1000,
    relevant: (use) => use.hasQuota || use.regimes.has('employer-tied'),
  },
  { param: 'permit.monthly_fee', group: 'fees', label: 'lever.monthlyFee', explain: 'lever.monthlyFee.explain', control: 'number', step: 100, relevant: usesWorkerTied },
  { param: 'permit.initial_cost', group: 'fees', label: 'lever.initialCost', explain: 'lever.initialCost.explain', control: 'number', step: 500, relevant: usesWorkerTied },
  { param: 'registration.fee', group: 'fees', label: 'lever.registrationFee', explain: 'lever.registrationFee.explain', control: 'number', step: 100 },
  { param: 'origin.{origin}.registration_days', group: 'registration', label: 'lever.registrationDays', explain: 'lever.registrationDays.explain', control: 'number', step: 1 },
  { param: 'region.{region}.digital_registration', group: 'registration', label: 'lever.digital', explain: 'lever.digital.explain', control: 'checkbox', countries: ['russia'] },
  { param: 'police.capacity', group: 'police', label: 'lever.policeCapacity', explain: 'lever.policeCapacity.explain', control: 'range', min: 0, max: 3, step: 0.1 },
  { param: 'police.corruption', group: 'police', label: 'lever.policeCorruption', explain: 'lever.policeCorruption.explain', control: 'range', min: 0, max: 1, step: 0.05 },
  { param: 'sanction.removal_share', group: 'police', label: 'lever.removalShare', explain: 'lever.removalShare.explain', control: 'range', min: 0, max: 1, step: 0.01 },
  { param: 'sanction.ban_days', group: 'police', label: 'lever.banDays', explain: 'lever.banDays.explain', control: 'number', step: 30 },
  { param: 'registry.enabled', group: 'registry', label: 'lever.registryEnabled', explain: 'lever.registryEnabled.explain', control: 'checkbox', countries: ['russia'] },
  { param: 'registry.delisting', group: 'registry', label: 'lever.registryDelisting', explain: 'lever.registryDelisting.explain', control: 'checkbox', countries: ['russia'] },
  { param: 'amnesty.open', group: 'amnesty', label: 'lever.amnestyOpen', explain: 'lever.amnestyOpen.explain', control: 'checkbox', countries: ['kazakhstan'] },
  { param: 'amnesty.kind', group: 'amnesty', label: 'lever.amnestyKind', explain: 'lever.amnestyKind.explain', control: 'select', countries: ['kazakhstan'] },
  { param: 'amnesty.validity_days', group: 'amnesty', label: 'lever.amnestyValidity', explain: 'lever.amnestyValidity.explain', control: 'number', step: 30, countries: ['kazakhstan'], relevant: (use) => use.varied.has('amnesty.open') },
];

function makeLever(spec: LeverSpec, param: string, place: string | undefined, startValue: ParamValue): Lever {
  const def = paramDef(param);
  if (def === undefined) throw new Error(`lever ${spec.label} names no parameter: ${param}`);
  // A slider reaches at least the option's value, so the lever never shows a value it cannot hold.
  const max = spec.control === 'range' ? Math.max(spec.max ?? def.max ?? 1, Number(startValue) || 0) : def.max;
  return {
    param,
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
 * scenario shows, from what its options use (origins, regions and their
 * countries, regimes, what the options vary). `start` gives the values that
 * widen slider ranges.
 */
export function leversFor(use: ScenarioUse, start: Readonly<Record<string, ParamValue>>): Lever[] {
  const levers: Lever[] = [];
  for (const spec of LEVER_SPECS) {
    const inCountry = spec.countries === undefined || spec.countries.some((c) => use.countries.includes(c));
    const offered = (param: string, placeCountry?: Country): boolean =>
      use.varied.has(param) ||
      (inCountry && (placeCountry === undefined || spec.countries === undefined || spec.countries.includes(placeCountry)) && (spec.relevant?.(use) ?? true));
    if (spec.param.includes('{origin}')) {
      for (const origin of use.origins) {
        const param = spec.param.replace('{origin}', origin);
        if (offered(param)) levers.push(makeLever(spec, param, origin, start[param]));
      }
    } else if (spec.param.includes('{region}')) {
      for (const region of use.regions) {
        const param = spec.param.replace('{region}', region);
        if (offered(param, REGION_COUNTRY[region as keyof typeof REGION_COUNTRY])) levers.push(makeLever(spec, param, region, start[param]));
      }
    } else if (offered(spec.param)) levers.push(makeLever(spec, spec.param, undefined, start[spec.param]));
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

import { ORIGINS, REGIONS } from '../../sim/model/params/places.js';
import type { ParamValue } from '../../sim/model/params/paramDef.js';
import type { ResolvedOption } from '../../sim/scenario/index.js';

/** Destination countries the page can name. */
export const COUNTRIES = ['russia', 'kazakhstan'] as const;
export type Country = (typeof COUNTRIES)[number];

/**
 * The country of each destination region. The model keeps one destination
 * country per world for now and has no table of it, so the page keeps this
 * one; when places become data in the model, this is the one table to
 * replace with the model's.
 */
export const REGION_COUNTRY: Readonly<Record<(typeof REGIONS)[number], Country>> = {
  moscow: 'russia',
  st_petersburg: 'russia',
  yekaterinburg: 'russia',
  almaty: 'kazakhstan',
  astana: 'kazakhstan',
  shymkent: 'kazakhstan',
};

/** What a scenario actually uses, read from its options' values and timelines. */
export interface ScenarioUse {
  /** Origin countries that send migrants in some option. */
  readonly origins: readonly string[];
  /** Destination regions with jobs in some option. */
  readonly regions: readonly string[];
  /** Countries of those regions, in COUNTRIES order. */
  readonly countries: readonly Country[];
  readonly currency: string;
  /** Permit regimes some origin is under, at the start or after an event, in some option. */
  readonly regimes: ReadonlySet<string>;
  /** Parameters whose value differs between options or that a timeline event sets. */
  readonly varied: ReadonlySet<string>;
  /** Whether some option has a quota at some time. */
  readonly hasQuota: boolean;
}

/** Every value a parameter takes in an option: at the start and after each event that sets it. */
export function valuesOver(option: ResolvedOption, param: string): ParamValue[] {
  return [option.params[param], ...option.events.filter((e) => param in e.set).map((e) => e.set[param])];
}

export function scenarioUse(options: readonly ResolvedOption[]): ScenarioUse {
  const some = (param: string, test: (value: ParamValue) => boolean): boolean =>
    options.some((option) => valuesOver(option, param).some(test));
  const origins = ORIGINS.filter((o) => some(`origin.${o}.share`, (v) => Number(v) > 0));
  const regions = REGIONS.filter((r) => some(`region.${r}.jobs_share`, (v) => Number(v) > 0));
  const countries = [...new Set(regions.map((r) => REGION_COUNTRY[r]))].sort((a, b) => COUNTRIES.indexOf(a) - COUNTRIES.indexOf(b));
  const regimes = new Set<string>();
  for (const o of origins) for (const option of options) for (const v of valuesOver(option, `origin.${o}.regime`)) regimes.add(String(v));
  const varied = new Set<string>();
  for (const option of options) {
    for (const event of option.events) for (const param of Object.keys(event.set)) varied.add(param);
    for (const [param, value] of Object.entries(option.params)) if (value !== options[0].params[param]) varied.add(param);
  }
  return {
    origins,
    regions,
    countries,
    currency: String(options[0]?.params.currency ?? ''),
    regimes,
    varied,
    hasQuota: some('quota.annual', (v) => v !== null),
  };
}

import type { ParamValue } from '../../sim/model/params/paramDef.js';
import type { ResolvedOption } from '../../sim/scenario/index.js';

/** A destination country's name, as the scenario's places declare it. */
export type Country = string;

/** What a scenario actually uses, read from its places and its options' values and timelines. */
export interface ScenarioUse {
  /** Origin countries that send migrants in some option. */
  readonly origins: readonly string[];
  /** Destination regions with jobs in some option, over all countries, and the country of each. */
  readonly regions: readonly string[];
  readonly countryOf: Readonly<Record<string, Country>>;
  /** Destination countries with jobs in some option, in the order the places declare them. */
  readonly countries: readonly Country[];
  readonly currency: string;
  /** Permit regimes some origin is under in some country, at the start or after an event, in some option. */
  readonly regimes: ReadonlySet<string>;
  /** Regimes in each country. */
  readonly regimesIn: Readonly<Record<Country, ReadonlySet<string>>>;
  /** Parameters whose value differs between options or that a timeline event sets. */
  readonly varied: ReadonlySet<string>;
  /** Whether some option gives the country a quota at some time, keeps its control registry on, or runs digital registration in a region. */
  readonly hasQuota: (country: Country) => boolean;
  readonly hasRegistry: (country: Country) => boolean;
  readonly hasDigital: (country: Country) => boolean;
}

/** Every value a parameter takes in an option: at the start and after each event that sets it. */
export function valuesOver(option: ResolvedOption, param: string): ParamValue[] {
  return [option.params[param], ...option.events.filter((e) => param in e.set).map((e) => e.set[param])];
}

export function scenarioUse(options: readonly ResolvedOption[]): ScenarioUse {
  const some = (param: string, test: (value: ParamValue) => boolean): boolean =>
    options.some((option) => valuesOver(option, param).some(test));
  const places = options[0]?.places ?? { origins: {}, destinations: {} };
  const origins = Object.keys(places.origins).filter((o) => some(`${o}.share`, (v) => Number(v) > 0));
  const countryOf: Record<string, Country> = {};
  const regions: string[] = [];
  for (const [country, list] of Object.entries(places.destinations)) {
    for (const region of list) {
      if (!some(`${country}.${region}.jobs_share`, (v) => Number(v) > 0)) continue;
      regions.push(region);
      countryOf[region] = country;
    }
  }
  const countries = Object.keys(places.destinations).filter((c) => regions.some((r) => countryOf[r] === c));
  const regimes = new Set<string>();
  const regimesIn: Record<Country, Set<string>> = {};
  for (const c of countries) {
    regimesIn[c] = new Set();
    for (const o of origins) for (const option of options) for (const v of valuesOver(option, `${o}.${c}.regime`)) regimesIn[c].add(String(v));
    for (const r of regimesIn[c]) regimes.add(r);
  }
  const varied = new Set<string>();
  for (const option of options) {
    for (const event of option.events) for (const param of Object.keys(event.set)) varied.add(param);
    for (const [param, value] of Object.entries(option.params)) if (value !== options[0].params[param]) varied.add(param);
  }
  return {
    origins,
    regions,
    countryOf,
    countries,
    currency: String(options[0]?.params.currency ?? ''),
    regimes,
    regimesIn,
    varied,
    hasQuota: (c) => some(`${c}.quota.annual`, (v) => v !== null),
    hasRegistry: (c) => some(`${c}.registry.enabled`, (v) => v === true),
    hasDigital: (c) => regions.some((r) => countryOf[r] === c && some(`${c}.${r}.digital_registration`, (v) => v === true)),
  };
}

/**
 * The weekly indicators of a run, in the order of the result files' columns.
 *
 * `kind` says how a replicate is summarised at the end of the horizon:
 * a `stock` by its value in the last week, a `flow` by its total over the
 * horizon (week 0, the initial state, carries no flows). Every figure is in
 * real people or money (the scenario's currency) after scaling.
 */
export const INDICATORS = [
  { name: 'abroad', kind: 'stock', unit: 'people', label: 'Migrants abroad' },
  { name: 'legal', kind: 'stock', unit: 'people', label: 'Abroad with legal status' },
  { name: 'irregular', kind: 'stock', unit: 'people', label: 'Abroad without legal status' },
  { name: 'on_registry', kind: 'stock', unit: 'people', label: 'On the control registry' },
  { name: 'detained', kind: 'stock', unit: 'people', label: 'In detention' },
  { name: 'arrivals', kind: 'flow', unit: 'people', label: 'Arrivals' },
  { name: 'returns', kind: 'flow', unit: 'people', label: 'Voluntary returns' },
  { name: 'removals', kind: 'flow', unit: 'people', label: 'Removals (deportation, expulsion)' },
  { name: 'employed_formal', kind: 'stock', unit: 'people', label: 'Employed formally' },
  { name: 'employed_informal', kind: 'stock', unit: 'people', label: 'Employed informally' },
  { name: 'vacancies_unfilled', kind: 'stock', unit: 'jobs', label: 'Vacancies unfilled' },
  { name: 'permits_issued', kind: 'flow', unit: 'permits', label: 'Work permits issued' },
  { name: 'quota', kind: 'stock', unit: 'permits/year', label: 'Yearly quota in force' },
  { name: 'bribes_count', kind: 'flow', unit: 'bribes', label: 'Bribes paid' },
  { name: 'bribes_amount', kind: 'flow', unit: 'currency', label: 'Bribes paid (amount)' },
  { name: 'fines_migrants', kind: 'flow', unit: 'currency', label: 'Fines paid by migrants' },
  { name: 'fines_employers', kind: 'flow', unit: 'currency', label: 'Fines paid by employers' },
  { name: 'broker_fees', kind: 'flow', unit: 'currency', label: 'Fees paid to brokers' },
  { name: 'fraud_victims', kind: 'flow', unit: 'people', label: 'Victims of broker fraud' },
  { name: 'wages_paid', kind: 'flow', unit: 'currency', label: 'Wages paid' },
  { name: 'wages_withheld', kind: 'flow', unit: 'currency', label: 'Wages withheld' },
  { name: 'remittances', kind: 'flow', unit: 'currency', label: 'Remittances sent home' },
  { name: 'state_revenue', kind: 'flow', unit: 'currency', label: 'State revenue from fees and fines' },
  { name: 'banned', kind: 'stock', unit: 'people', label: 'At home under a re-entry ban' },
  { name: 'passports_held', kind: 'stock', unit: 'people', label: 'Passports held by employer or broker' },
  { name: 'abuse_incidents', kind: 'flow', unit: 'incidents', label: 'Abuse incidents (withholding, passport retention, selling on)' },
  { name: 'mean_savings', kind: 'stock', unit: 'currency/person', label: 'Average savings of migrants abroad' },
  { name: 'mean_debt', kind: 'stock', unit: 'currency/person', label: 'Average debt of migrants abroad' },
  { name: 'debt_defaults', kind: 'flow', unit: 'currency', label: 'Debts written off (defaults)' },
  { name: 'relocations', kind: 'flow', unit: 'people', label: 'Moves to another region of the same country' },
  { name: 'police_checks', kind: 'flow', unit: 'checks', label: 'Police checks (street stops and people checked in raids)' },
  { name: 'cases_recorded', kind: 'flow', unit: 'cases', label: 'Cases recorded by the police (fines and detentions of migrants, fines of employers)' },
  { name: 'group_recruits', kind: 'flow', unit: 'people', label: 'Recruited by brokers in groups for employers' },
  { name: 'workers_sold', kind: 'flow', unit: 'people', label: 'Workers sold on by brokers to another employer' },
  { name: 'fakes_found', kind: 'flow', unit: 'people', label: 'Fake documents found by the police' },
] as const;

export type IndicatorName = (typeof INDICATORS)[number]['name'];
export type IndicatorKind = 'stock' | 'flow';
export const INDICATOR_NAMES: readonly IndicatorName[] = INDICATORS.map((i) => i.name);

/**
 * Column index of each indicator in a weekly row. Written out (not built
 * from INDICATORS) so that the hot loops read a fast literal object; a test
 * checks it against INDICATORS.
 */
export const COLUMN = {
  abroad: 0,
  legal: 1,
  irregular: 2,
  on_registry: 3,
  detained: 4,
  arrivals: 5,
  returns: 6,
  removals: 7,
  employed_formal: 8,
  employed_informal: 9,
  vacancies_unfilled: 10,
  permits_issued: 11,
  quota: 12,
  bribes_count: 13,
  bribes_amount: 14,
  fines_migrants: 15,
  fines_employers: 16,
  broker_fees: 17,
  fraud_victims: 18,
  wages_paid: 19,
  wages_withheld: 20,
  remittances: 21,
  state_revenue: 22,
  banned: 23,
  passports_held: 24,
  abuse_incidents: 25,
  mean_savings: 26,
  mean_debt: 27,
  debt_defaults: 28,
  relocations: 29,
  police_checks: 30,
  cases_recorded: 31,
  group_recruits: 32,
  workers_sold: 33,
  fakes_found: 34,
} as const satisfies { readonly [K in IndicatorName]: number };

/**
 * One run's indicators: `values[(week * places.length + place) * INDICATORS.length + column]`,
 * weeks 0..weeks (week 0 is the initial state), places `all` and then each
 * destination country. `quota` is NaN where no quota is in force; result
 * files write it as an empty cell.
 */
export interface IndicatorTable {
  readonly weeks: number;
  readonly places: readonly string[];
  readonly values: Float64Array;
}

/** The place names of a run's results: `all`, then each destination country. */
export function resultPlaces(destinations: readonly string[]): string[] {
  return ['all', ...destinations];
}

/**
 * An indicator unit in words for axis titles and tables, with "currency"
 * replaced by the scenario's currency code and "/" read as "per":
 * `currency/person` with RUB gives "RUB per person".
 *
 * Cost: O(length).
 */
export function unitText(unit: string, currency: string): string {
  return unit.replace(/\bcurrency\b/g, currency).replace(/\//g, ' per ');
}

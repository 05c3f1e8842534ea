/**
 * The places that experiment results (sweep.csv, sensitivity.csv) are
 * reported for. The model's indicators cover all destinations together for
 * now, so this is `all` alone; when results are split by destination
 * country, this is the one place to list them.
 */
export function resultPlaces(): readonly string[] {
  return ['all'];
}

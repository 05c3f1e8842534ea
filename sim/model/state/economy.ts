/**
 * The destination regions' markets for migrant labour: the business cycle
 * that moves each region's demand (rules/businessCycle.ts) and the wage
 * level of each region and sector (rules/wages.ts). Cells of a region and
 * sector are indexed `region * sectors + sector`.
 */
export interface Economy {
  /** The country-wide part of each destination country's cycle (a standard AR(1): mean 0, variance 1). */
  readonly national: Float64Array;
  /** Each destination region's own part of its cycle (a standard AR(1)). */
  readonly regional: Float64Array;
  /** The same parts smoothed once more with the same persistence (what demand follows, so that it moves smoothly from week to week). */
  readonly nationalSmooth: Float64Array;
  readonly regionalSmooth: Float64Array;
  /** This week's demand for migrant labour in each region, relative to its employers' jobs. */
  readonly demand: Float64Array;
  /** Log of the wage level of each region and sector relative to the sector's wage in the region's parameters. */
  readonly wageLog: Float64Array;
  /** exp(wageLog): the factor on the parameters' wage that migrants see and are paid. */
  readonly wage: Float64Array;
  /** Job seekers (migrants abroad without work) counted this week, by region and the sector they look for. */
  readonly seekers: Int32Array;
  /** Vacancies counted when wages are set (scratch space of rules/wages.ts). */
  readonly vacancies: Float64Array;
}

export function createEconomy(countries: number, regions: number, sectors: number): Economy {
  return {
    national: new Float64Array(countries),
    regional: new Float64Array(regions),
    nationalSmooth: new Float64Array(countries),
    regionalSmooth: new Float64Array(regions),
    demand: new Float64Array(regions).fill(1),
    wageLog: new Float64Array(regions * sectors),
    wage: new Float64Array(regions * sectors).fill(1),
    seekers: new Int32Array(regions * sectors),
    vacancies: new Float64Array(regions * sectors),
  };
}

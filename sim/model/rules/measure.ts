import { demand } from '../actions/employment.js';
import { COLUMN, INDICATORS } from '../indicators.js';
import { SECTORS } from '../params/places.js';
import { clearNews } from '../state/beliefs.js';
import { Flag, NO_ONE, Status } from '../state/codes.js';
import type { World } from '../world.js';

const WIDTH = INDICATORS.length;
const FLOWS = INDICATORS.flatMap((indicator, column) => (indicator.kind === 'flow' ? [column] : []));

/** Counters of one week's stocks per destination country, filled migrant by migrant (countMigrant) and turned into rows (finishMeasure). */
export const Tally = { abroad: 0, legal: 1, listed: 2, detained: 3, formal: 4, informal: 5, banned: 6, passports: 7, savings: 8, debt: 9 } as const;
const TALLY_WIDTH = Object.keys(Tally).length;
export function createTally(countries: number): Float64Array {
  return new Float64Array(countries * TALLY_WIDTH);
}

/** Number of places results are reported for: all, then each destination country. */
export function placeCount(world: World): number {
  return 1 + world.params.places.destinations.length;
}

/**
 * Summary of rule: counts the week's stocks in each destination country,
 * scales stocks and flows from agents to real people and money (× scale),
 * writes one row per place (`all`, then each country) into `rows`, and
 * clears the week's flows. Migrants at home under a ban count in the
 * country that banned them. The week's news for the villages (who is in
 * work, who was checked), for employers (their informal workers) and for
 * wages (who looks for work) is gathered on the way.
 */
export function measure(world: World, rows: Float64Array): void {
  const tally = createTally(world.params.places.destinations.length);
  for (let i = 0; i < world.migrants.count; i++) countMigrant(world, i, tally);
  finishMeasure(world, rows, tally);
}

/**
 * Forgets the news a measure gathered for the villages, for employers
 * (their informal workers) and for wages (job seekers): for a measure that
 * only makes a row (week 0) after the week's learning and wages have used
 * the same news, so that the next week does not count it twice.
 */
export function forgetMeasuredNews(world: World): void {
  clearNews(world.beliefs);
  world.employers.newsInformal.fill(0);
  world.economy.seekers.fill(0);
}

/** Adds one migrant to the week's counters. */
export function countMigrant(world: World, i: number, tally: Float64Array): void {
  const m = world.migrants;
  const status = m.status[i];
  if (status === Status.AtHome) {
    if (m.bannedUntil[i] > world.day) tally[m.bannedFrom[i] * TALLY_WIDTH + Tally.banned]++;
    return;
  }
  const region = m.region[i];
  const t = world.params.places.countryOf[region] * TALLY_WIDTH;
  tally[t + Tally.abroad]++;
  tally[t + Tally.savings] += m.savings[i];
  tally[t + Tally.debt] += m.debt[i];
  if (status === Status.Detained) tally[t + Tally.detained]++;
  const flags = m.flags[i];
  if (flags & Flag.Legal) tally[t + Tally.legal]++;
  if (flags & Flag.OnRegistry) tally[t + Tally.listed]++;
  if (flags & Flag.PassportHeld) tally[t + Tally.passports]++;
  const news = world.beliefs.news;
  const cell = m.village[i] * world.params.places.regions.length + region;
  news.present[cell]++;
  if (flags & Flag.CheckedThisWeek) {
    news.checked[cell]++;
    m.flags[i] = flags & ~Flag.CheckedThisWeek;
  }
  const e = m.employer[i];
  if (e !== NO_ONE) {
    news.employed[cell]++;
    if (flags & Flag.Formal) tally[t + Tally.formal]++;
    else {
      tally[t + Tally.informal]++;
      world.employers.newsInformal[e]++;
    }
  } else if (status === Status.Abroad) {
    world.economy.seekers[region * SECTORS.length + m.sector[i]]++;
  }
}

/** Writes the week's rows (`all`, then each country) from the counters and the week's flows, then clears the flows. */
export function finishMeasure(world: World, rows: Float64Array, tally: Float64Array): void {
  const countries = world.params.places.destinations.length;
  if (rows.length !== (countries + 1) * WIDTH) throw new Error('measure requires one row of indicators per place');
  const scale = world.params.g.scale;
  const unfilled = new Float64Array(countries);
  const emp = world.employers;
  const countryOf = world.params.places.countryOf;
  for (let e = 0; e < emp.count; e++) unfilled[countryOf[emp.region[e]]] += Math.max(0, demand(world, e) - emp.workers[e]);

  rows.fill(0);
  for (let c = 0; c < countries; c++) {
    const row = (c + 1) * WIDTH;
    const t = c * TALLY_WIDTH;
    const abroad = tally[t + Tally.abroad];
    const legal = tally[t + Tally.legal];
    for (const column of FLOWS) rows[row + column] = world.flows[c * WIDTH + column] * scale;
    rows[row + COLUMN.abroad] = abroad * scale;
    rows[row + COLUMN.legal] = legal * scale;
    rows[row + COLUMN.irregular] = (abroad - legal) * scale;
    rows[row + COLUMN.on_registry] = tally[t + Tally.listed] * scale;
    rows[row + COLUMN.detained] = tally[t + Tally.detained] * scale;
    rows[row + COLUMN.employed_formal] = tally[t + Tally.formal] * scale;
    rows[row + COLUMN.employed_informal] = tally[t + Tally.informal] * scale;
    rows[row + COLUMN.vacancies_unfilled] = unfilled[c] * scale;
    rows[row + COLUMN.quota] = world.quota[c].capReported;
    rows[row + COLUMN.banned] = tally[t + Tally.banned] * scale;
    rows[row + COLUMN.passports_held] = tally[t + Tally.passports] * scale;
    rows[row + COLUMN.mean_savings] = abroad > 0 ? tally[t + Tally.savings] / abroad : 0;
    rows[row + COLUMN.mean_debt] = abroad > 0 ? tally[t + Tally.debt] / abroad : 0;
  }
  sumPlaces(rows, tally, countries);
  world.flows.fill(0);
}

/** The `all` row: sums over countries; the quota is the sum of the caps in force (none if no country has one); averages weighted by migrants abroad. */
function sumPlaces(rows: Float64Array, tally: Float64Array, countries: number): void {
  let abroad = 0;
  let savings = 0;
  let debt = 0;
  let quota = NaN;
  for (let c = 0; c < countries; c++) {
    const row = (c + 1) * WIDTH;
    for (let column = 0; column < WIDTH; column++) rows[column] += rows[row + column];
    const cap = rows[row + COLUMN.quota];
    if (!Number.isNaN(cap)) quota = (Number.isNaN(quota) ? 0 : quota) + cap;
    abroad += tally[c * TALLY_WIDTH + Tally.abroad];
    savings += tally[c * TALLY_WIDTH + Tally.savings];
    debt += tally[c * TALLY_WIDTH + Tally.debt];
  }
  rows[COLUMN.quota] = quota;
  rows[COLUMN.mean_savings] = abroad > 0 ? savings / abroad : 0;
  rows[COLUMN.mean_debt] = abroad > 0 ? debt / abroad : 0;
}

/**
 * The clock: one step is a week, dates are day numbers from the start of
 * the reported horizon (day 0 = week 0 = 1 January). Burn-in weeks have
 * negative days. One calendar of 365.25-day years serves the farm season,
 * the quota year and timeline months alike.
 */
export const DAYS_PER_WEEK = 7;
export const WEEKS_PER_YEAR = 52;
export const DAYS_PER_YEAR = 365.25;
export const DAYS_PER_MONTH = DAYS_PER_YEAR / 12;
/** Days one monthly payment of a worker-tied permit buys (regimes RU8). */
export const PAID_MONTH_DAYS = 30;

/** Weeks in a month on average, for converting monthly money to weekly. */
export const WEEKS_PER_MONTH = 52 / 12;

/** The week in which a month of the horizon starts (month 0 = week 0). */
export function monthToWeek(month: number): number {
  return Math.floor((month * DAYS_PER_MONTH) / DAYS_PER_WEEK);
}

/** Number of weekly steps in a horizon of `years`. */
export function horizonWeeks(years: number): number {
  return Math.round(years * WEEKS_PER_YEAR);
}

/** Day of the calendar year (0 = 1 January, up to 365.25) of a day, taking day 0 as 1 January. */
export function dayOfYear(day: number): number {
  return ((day % DAYS_PER_YEAR) + DAYS_PER_YEAR) % DAYS_PER_YEAR;
}

/** Month of the calendar year (0 = January) of a day, taking day 0 as 1 January. */
export function monthOfYear(day: number): number {
  return Math.floor(dayOfYear(day) / DAYS_PER_MONTH);
}

/**
 * The week in which calendar year `year` of the horizon begins: the last
 * week that ends on or before its first day, day 365.25 × year (year 0 at
 * week 0, negative years in the burn-in). So a year opens on its 1 January
 * or less than a week before it.
 * Years are 52 weeks, or 53 about once in seven years: years 1, 2, 5 and 7
 * begin at weeks 52, 104, 260 and 365. Negative years round down the same
 * way, so year −1 begins at week −53 and the burn-in's last year has 53
 * weeks. It is monthToWeek(12 × year).
 */
export function yearStartWeek(year: number): number {
  return Math.floor((year * DAYS_PER_YEAR) / DAYS_PER_WEEK);
}

/** The calendar year of the horizon a week belongs to (the last year begun by that week). */
export function yearOfWeek(week: number): number {
  let year = Math.floor((week * DAYS_PER_WEEK) / DAYS_PER_YEAR);
  while (yearStartWeek(year + 1) <= week) year++;
  while (yearStartWeek(year) > week) year--;
  return year;
}

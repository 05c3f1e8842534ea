/**
 * The clock: one step is a week, dates are day numbers from the start of
 * the reported horizon (day 0 = week 0). Burn-in weeks have negative days.
 */
export const DAYS_PER_WEEK = 7;
export const WEEKS_PER_YEAR = 52;
export const DAYS_PER_MONTH = 365.25 / 12;
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

/** Month of the calendar year (0 = January) of a day, taking day 0 as 1 January. */
export function monthOfYear(day: number): number {
  const dayOfYear = ((day % 365.25) + 365.25) % 365.25;
  return Math.floor(dayOfYear / DAYS_PER_MONTH);
}

import { formatNumber } from './formatNumber.js';

// Narrow no-break space: the SI digit-group separator, neutral between locales.
const GROUP_SEPARATOR = '\u202f';

/**
 * A number for people to read: written by `formatNumber` (so it shows the
 * same digits as the CSV files), with the integer part grouped in threes
 * ("1 234 567.5"), NaN as an em dash, and a leading "+" on positive values
 * when `signed` is set (for differences).
 *
 * Cost: O(digits).
 */
export function displayNumber(value: number, signed = false): string {
  if (Number.isNaN(value)) return '\u2014';
  const text = formatNumber(value);
  const grouped = text.replace(/^(-?)(\d+)(?=\.|$)/, (_all, sign: string, digits: string) =>
    sign + (digits.length > 4 ? digits.replace(/\B(?=(\d{3})+$)/g, GROUP_SEPARATOR) : digits),
  );
  return signed && value > 0 ? `+${grouped}` : grouped;
}

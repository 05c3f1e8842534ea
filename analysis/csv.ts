// Fields holding any of these must be quoted (RFC 4180).
const NEEDS_QUOTES = /[",\r\n]/;
// A spreadsheet reads a cell starting with one of these as a formula (CWE-1236).
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[-+]?[0-9]+(\.[0-9]+)?$/;

/**
 * One CSV field: text that a spreadsheet would run as a formula (starting
 * with =, +, -, @, a tab or a carriage return, and not a plain number) gets
 * a leading apostrophe, so `=HYPERLINK(…)` in an option name shows as text;
 * then the field is quoted when it holds a comma, a double quote or a line
 * break, doubling any double quotes inside (RFC 4180). Numbers and other
 * text pass unchanged.
 *
 * Cost: O(length).
 */
export function csvField(field: string): string {
  const safe = FORMULA_START.test(field) && !PLAIN_NUMBER.test(field) ? `'${field}` : field;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * Joins rows of already formatted fields into CSV text: fields quoted as
 * needed (see `csvField`), separated by commas, each row ended by "\n".
 *
 * Cost: O(total length).
 */
export function csv(rows: Iterable<readonly string[]>): string {
  const lines: string[] = [];
  for (const row of rows) lines.push(row.map(csvField).join(','));
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

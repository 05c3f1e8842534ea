// Fields holding any of these must be quoted (RFC 4180).
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * Quotes one CSV field when it holds a comma, a double quote or a line break,
 * doubling any double quotes inside (RFC 4180); other fields pass unchanged.
 *
 * Cost: O(length).
 */
export function csvField(field: string): string {
  return NEEDS_QUOTES.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
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

const SIGNIFICANT_DIGITS = 6;

/**
 * Writes a number for result files, the same way everywhere, independent of
 * locale: NaN as an empty string (an empty cell); integers in full
 * ("1234567"); other values rounded to 6 significant digits with trailing
 * zeros dropped ("0.333333", "1234570", "-2.5"). Plain notation is used
 * unless a non-integer is below 1e-6 in magnitude, where exponent notation
 * is shorter ("1.5e-7"). Infinities are "Inf" and "-Inf", as R and pandas
 * read them.
 *
 * Definition: rounding is toPrecision's (round half up on the decimal
 * expansion); the rounded value is then written by String(), whose shortest
 * round-trip form is exactly the kept digits, in plain notation between 1e-6
 * and 1e21.
 *
 * Cost: O(1).
 */
export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return '';
  if (value === Infinity) return 'Inf';
  if (value === -Infinity) return '-Inf';
  if (Number.isInteger(value)) {
    // BigInt prints every digit where String() would switch to exponents; -0 becomes 0.
    return BigInt(value).toString();
  }
  return String(Number(value.toPrecision(SIGNIFICANT_DIGITS)));
}

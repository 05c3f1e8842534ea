import { distance } from 'fastest-levenshtein';

/**
 * The valid name closest to a mistyped one, or undefined when none is close
 * enough to be a plausible typo (a far-fetched suggestion misleads more than
 * none). Also catches a name given without its dotted prefix ("annual").
 */
export function nearestName(typed: string, valid: readonly string[]): string | undefined {
  const wanted = typed.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of valid) {
    const d = distance(wanted, name.toLowerCase());
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  if (best !== undefined && bestDistance <= Math.max(1, Math.floor(typed.length / 3))) return best;
  const bySuffix = valid.filter((name) => name.toLowerCase().endsWith(`.${wanted}`));
  return bySuffix.length === 1 ? bySuffix[0] : undefined;
}

/** `; did you mean "x"?` when a close name exists, otherwise an empty string. */
export function didYouMean(typed: string, valid: readonly string[]): string {
  const near = nearestName(typed, valid);
  return near === undefined ? '' : `; did you mean "${near}"?`;
}

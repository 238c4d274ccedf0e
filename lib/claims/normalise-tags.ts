/**
 * How tags are stored: trimmed, inner runs of white space made one space, lower case (so "Elections " and
 * "elections" are one tag). No imports: the claim editor normalises what it shows with the same rule.
 */
export function normaliseTag(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Normalised, without empties and duplicates, in the order given. */
export function normaliseTags(raw: readonly string[]): string[] {
  return [...new Set(raw.map(normaliseTag).filter(Boolean))];
}

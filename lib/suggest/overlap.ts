import type { Span } from './types';

/** Number of characters shared by two half-open spans (0 when disjoint). */
export function overlapLength(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/**
 * True when the spans are equal or share at least `ratio` of the shorter span's length.
 * Used both for the caller's `exclude` list and to stop one claim being proposed twice.
 */
export function mostlyOverlaps(a: Span, b: Span, ratio = 0.8): boolean {
  if (a.start === b.start && a.end === b.end) return true;
  const shorter = Math.min(a.end - a.start, b.end - b.start);
  if (shorter <= 0) return false;
  return overlapLength(a, b) >= ratio * shorter;
}

/** True when any span in `spans` mostly overlaps `span` (see {@link mostlyOverlaps}). */
export function mostlyOverlapsAny(span: Span, spans: readonly Span[], ratio = 0.8): boolean {
  return spans.some((other) => mostlyOverlaps(span, other, ratio));
}

/**
 * True when `[start, end)` lies inside one of `spans`, which must be sorted by start and must not
 * overlap each other (quotation segments are). Binary search: called once per word.
 */
export function insideSorted(spans: readonly Span[], start: number, end: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start > start) hi = mid - 1;
    else if (spans[mid].end < end) lo = mid + 1;
    else return true;
  }
  return false;
}

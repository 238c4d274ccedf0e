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

/** Index of the first item whose `start` is >= `offset` in a list sorted by start (binary search). */
export function firstStartingAt(items: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The items (sorted by start, e.g. tokens) lying inside `[start, end)`, found by binary search. */
export function itemsWithin<T extends Span>(items: readonly T[], start: number, end: number): T[] {
  const found: T[] = [];
  for (let i = firstStartingAt(items, start); i < items.length && items[i].start < end; i += 1) {
    if (items[i].end <= end) found.push(items[i]);
  }
  return found;
}

/**
 * Spans sorted by start with a running maximum of their ends, so "which spans overlap this one?"
 * costs a binary search plus the overlapping spans, not a scan of every span: detectors ask it once
 * per clause, and a scan made the suggestion pass quadratic in article length.
 */
export class SpanIndex {
  private readonly spans: Span[];
  private readonly maxEnd: number[];

  constructor(spans: readonly Span[]) {
    this.spans = [...spans].sort((a, b) => a.start - b.start);
    let max = -1;
    this.maxEnd = this.spans.map((s) => (max = Math.max(max, s.end)));
  }

  /** Spans sharing at least one character with `span`. */
  overlapping(span: Span): Span[] {
    const found: Span[] = [];
    for (let i = firstStartingAt(this.spans, span.end) - 1; i >= 0 && this.maxEnd[i] > span.start; i -= 1) {
      if (overlapLength(this.spans[i], span) > 0) found.push(this.spans[i]);
    }
    return found;
  }

  overlapsAny(span: Span): boolean {
    return this.overlapping(span).length > 0;
  }

  /** See {@link mostlyOverlaps}. */
  mostlyOverlapsAny(span: Span, ratio = 0.8): boolean {
    return this.overlapping(span).some((other) => mostlyOverlaps(span, other, ratio));
  }
}

/** A highlight range in body_text offsets. */
export type Span = { id: number; start: number; end: number };

/** A maximal stretch of text covered by the same set of claims. */
export type Segment = { start: number; end: number; ids: number[]; startsClaim: boolean };

/**
 * Splits possibly overlapping spans into non-overlapping segments, each listing every span that covers it
 * (ordered shortest first, so a click on nested claims picks the innermost). Sweep over boundaries: O(n log n).
 */
export function splitSegments(spans: readonly Span[]): Segment[] {
  const valid = spans.filter((s) => s.end > s.start);
  const points = [...new Set(valid.flatMap((s) => [s.start, s.end]))].sort((a, b) => a - b);
  const starts = new Map<number, Span[]>();
  const ends = new Map<number, Span[]>();
  for (const s of valid) {
    (starts.get(s.start) ?? starts.set(s.start, []).get(s.start)!).push(s);
    (ends.get(s.end) ?? ends.set(s.end, []).get(s.end)!).push(s);
  }
  const open = new Map<number, Span>();
  const segments: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const at = points[i];
    for (const s of ends.get(at) ?? []) open.delete(s.id);
    const opening = starts.get(at) ?? [];
    for (const s of opening) open.set(s.id, s);
    if (open.size === 0) continue;
    const ids = [...open.values()].sort((a, b) => a.end - a.start - (b.end - b.start) || a.id - b.id).map((s) => s.id);
    segments.push({ start: at, end: points[i + 1], ids, startsClaim: opening.length > 0 });
  }
  return segments;
}

/**
 * The claim a click at `offset` selects: the innermost claim covering it, or, when `current` already covers it,
 * the next one out (so repeated clicks cycle through overlapping claims).
 */
export function claimAtOffset(spans: readonly Span[], offset: number, current?: number | null): number | null {
  const covering = spans.filter((s) => s.start <= offset && offset < s.end).sort((a, b) => a.end - a.start - (b.end - b.start) || a.id - b.id);
  if (covering.length === 0) return null;
  const at = covering.findIndex((s) => s.id === current);
  return covering[(at + 1) % covering.length].id;
}

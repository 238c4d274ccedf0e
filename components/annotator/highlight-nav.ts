/** A highlight in the article, by what it marks: a claim (by id) or a suggestion (by its index in the list). */
export type MarkedSpan = { kind: 'claim' | 'suggestion'; ref: number; start: number; end: number };

/**
 * The highlight after (`step` 1) or before (-1) the caret at `offset`, in reading order, or null at either end.
 * When the caret sits at the start of `current` (the highlight it was last put on), the step is from that highlight,
 * so highlights sharing a start are each visited; otherwise forward is the first one starting at or after the caret
 * (the first press at the top of the text finds one starting there) and back the last one starting before it.
 */
export function stepHighlight(spans: readonly MarkedSpan[], offset: number, step: 1 | -1, current?: MarkedSpan | null): MarkedSpan | null {
  const ordered = [...spans].sort((a, b) => a.start - b.start || a.end - b.end || (a.kind === b.kind ? a.ref - b.ref : a.kind === 'claim' ? -1 : 1));
  const at = current && current.start === offset ? ordered.findIndex((s) => s.kind === current.kind && s.ref === current.ref) : -1;
  if (at >= 0) return ordered[at + step] ?? null;
  if (step === 1) return ordered.find((s) => s.start >= offset) ?? null;
  return ordered.findLast((s) => s.start < offset) ?? null;
}

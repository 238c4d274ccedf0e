import { describe, expect, it } from 'vitest';
import { stepHighlight, type MarkedSpan } from '@/components/annotator/highlight-nav';

const spans: MarkedSpan[] = [
  { kind: 'suggestion', ref: 0, start: 50, end: 70 },
  { kind: 'claim', ref: 7, start: 10, end: 20 },
  { kind: 'claim', ref: 8, start: 10, end: 40 },
  { kind: 'claim', ref: 9, start: 0, end: 5 },
];
const at = (ref: number) => spans.find((s) => s.ref === ref && s.kind === 'claim')!;

describe('stepHighlight', () => {
  it('goes forward in reading order, whatever order the highlights come in, starting with one at the caret', () => {
    expect(stepHighlight(spans, 0, 1)).toMatchObject({ ref: 9 });
    expect(stepHighlight(spans, 25, 1)).toMatchObject({ kind: 'suggestion', ref: 0 });
  });

  it('moves on from the highlight the caret was put on, visiting highlights that share a start one by one', () => {
    expect(stepHighlight(spans, 0, 1, at(9))).toMatchObject({ ref: 7 });
    expect(stepHighlight(spans, 10, 1, at(7))).toMatchObject({ ref: 8 });
    expect(stepHighlight(spans, 10, -1, at(8))).toMatchObject({ ref: 7 });
    expect(stepHighlight(spans, 50, 1, spans[0])).toBeNull();
  });

  it('goes back to the start of the highlight the caret is inside, then to the one before', () => {
    expect(stepHighlight(spans, 60, -1)).toMatchObject({ ref: 0 });
    expect(stepHighlight(spans, 50, -1)).toMatchObject({ ref: 8 });
    expect(stepHighlight(spans, 0, -1, at(9))).toBeNull();
  });

  it('finds nothing in an article without highlights', () => {
    expect(stepHighlight([], 5, 1)).toBeNull();
    expect(stepHighlight([], 5, -1)).toBeNull();
  });
});

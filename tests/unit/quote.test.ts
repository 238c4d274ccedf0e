import { describe, expect, it } from 'vitest';
import { CONTEXT_CHARS, describeRange, reanchor } from '@/lib/anchoring/quote';

const original =
  'Officials said 40,000 troops were moved to the border in November. ' +
  'A ministry spokesman disputed that figure on Sunday, saying only 38,500 personnel took part. ' +
  '“That’s not a training exercise,” Brisk said.';

function anchorFor(text: string, quote: string, occurrence = 0) {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(quote, start + 1);
  return describeRange(text, start, start + quote.length);
}

describe('describeRange', () => {
  it('returns the exact quote with 32 characters of context on each side', () => {
    const anchor = anchorFor(original, '38,500 personnel');
    expect(anchor.exact).toBe('38,500 personnel');
    expect(anchor.prefix).toBe(original.slice(anchor.start - CONTEXT_CHARS, anchor.start));
    expect(anchor.suffix).toBe(original.slice(anchor.end, anchor.end + CONTEXT_CHARS));
    expect(anchor.prefix).toHaveLength(32);
  });

  it('shortens context at the edges of the text', () => {
    expect(describeRange('abc', 0, 3)).toEqual({ start: 0, end: 3, exact: 'abc', prefix: '', suffix: '' });
  });

  it('does not cut an emoji in half at the edge of the context', () => {
    const text = `${'a'.repeat(10)}😀${'b'.repeat(31)}QUOTE`;
    const start = text.indexOf('QUOTE');
    const { prefix } = describeRange(text, start, start + 5);
    expect(prefix).toBe('b'.repeat(31));
  });

  it.each([
    ['an empty range', 3, 3],
    ['a reversed range', 4, 2],
    ['a negative start', -1, 2],
    ['an end past the text', 0, original.length + 1],
    ['a fractional offset', 0.5, 2],
  ])('throws a RangeError for %s', (_name, start, end) => {
    expect(() => describeRange(original, start, end)).toThrow(RangeError);
  });

  it('refuses a range that splits a surrogate pair', () => {
    expect(() => describeRange('x😀y', 0, 2)).toThrow(RangeError);
  });
});

describe('reanchor', () => {
  it('keeps the old position when the text is unchanged', () => {
    const anchor = anchorFor(original, '40,000 troops');
    expect(reanchor(original, anchor)).toEqual({ start: anchor.start, end: anchor.end, method: 'position' });
  });

  it('finds the quote again after text is inserted before it', () => {
    const anchor = anchorFor(original, '38,500 personnel');
    const edited = `UPDATED: ${original}`;
    expect(reanchor(edited, anchor)).toEqual({ start: anchor.start + 9, end: anchor.end + 9, method: 'quote' });
  });

  it('picks the occurrence of a repeated quote whose prefix and suffix match', () => {
    const text = 'In March the army said 12 brigades took part. In May the navy said 12 brigades took part.';
    const anchor = anchorFor(text, 'said 12 brigades', 1);
    // Swapping the sentences puts the other occurrence nearest the old position.
    const edited = 'In early May the navy said 12 brigades took part. In March the army said 12 brigades took part.';
    const found = reanchor(edited, anchor);
    expect(found?.method).toBe('quote');
    expect(edited.slice(found!.start - 9, found!.start)).toBe('the navy ');
  });

  it('uses closeness to the old position when context cannot tell occurrences apart', () => {
    const text = 'yes. yes. yes. yes.';
    const anchor = { start: 10, end: 13, exact: 'yes', prefix: '', suffix: '' };
    const found = reanchor(`!${text}`, anchor);
    expect(found).toEqual({ start: 11, end: 14, method: 'quote' });
  });

  it('falls back to a fuzzy match after a small edit inside the quote', () => {
    const anchor = anchorFor(original, 'disputed that figure on Sunday, saying only 38,500 personnel');
    const edited = original.replace('38,500', '38,800').replace('Officials', 'Two officials');
    const found = reanchor(edited, anchor);
    expect(found?.method).toBe('fuzzy');
    expect(edited.slice(found!.start, found!.end)).toBe('disputed that figure on Sunday, saying only 38,800 personnel');
  });

  it('prefers the fuzzy candidate whose context matches', () => {
    const base = 'Alpha report: troops number 40,000 here. Beta report: troops number 40,000 here.';
    // Pretend the claim used to sit at the very start, so position alone would choose the first candidate.
    const anchor = { ...anchorFor(base, 'troops number 40,000 here', 1), start: 0, end: 25 };
    const edited = base.replaceAll('40,000', '40,500');
    const found = reanchor(edited, anchor);
    expect(found?.method).toBe('fuzzy');
    expect(edited.slice(0, found!.start)).toMatch(/Beta report: $/);
  });

  it('orphans the claim when the quote was deleted', () => {
    const anchor = anchorFor(original, '“That’s not a training exercise,”');
    const edited = original.replace('“That’s not a training exercise,” Brisk said.', 'Brisk declined to comment.');
    expect(reanchor(edited, anchor)).toBeNull();
  });

  it('orphans the claim when the quote was rewritten beyond recognition', () => {
    const anchor = anchorFor(original, '40,000 troops were moved');
    const edited = original.replace('40,000 troops were moved', 'a large force was sent');
    expect(reanchor(edited, anchor)).toBeNull();
  });

  it('orphans an anchor with an empty quote instead of matching everywhere', () => {
    expect(reanchor(original, { start: 0, end: 0, exact: '', prefix: '', suffix: '' })).toBeNull();
  });
});

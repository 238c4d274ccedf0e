import approxSearch from 'approx-string-match';

/** Characters of context kept on each side of a quote (W3C TextQuoteSelector prefix/suffix). */
export const CONTEXT_CHARS = 32;

/** A W3C TextPositionSelector (start/end) plus TextQuoteSelector (exact/prefix/suffix) over body_text. */
export interface TextAnchor {
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
}

/** Where an anchor landed in new text, and which strategy found it. */
export interface Reanchored {
  start: number;
  end: number;
  method: 'position' | 'quote' | 'fuzzy';
}

// Weights follow hypothesis/client's match-quote: the quote itself matters most, context and
// position only separate candidates that look alike.
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;
/** Fuzzy matches must keep at least this share of the quote; below it we would rather orphan the claim. */
const MIN_QUOTE_SIMILARITY = 0.75;
/** Minimum weighted score (0..1) for a fuzzy match, so a look-alike in unrelated context is refused. */
const MIN_FUZZY_SCORE = 0.7;
/** Caps the fuzzy search cost, which grows with maxErrors / 32 * text.length. */
const MAX_SEARCH_ERRORS = 256;

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
/** True when offset `i` falls between the two halves of a surrogate pair (inside one character such as an emoji). */
export const splitsPair = (text: string, i: number) =>
  i > 0 && i < text.length && isHighSurrogate(text.charCodeAt(i - 1)) && isLowSurrogate(text.charCodeAt(i));

/**
 * Selectors for text[start, end): the exact quote and up to CONTEXT_CHARS of context each side.
 * Throws RangeError unless 0 <= start < end <= text.length on whole characters (no split surrogate pair).
 */
export function describeRange(text: string, start: number, end: number): TextAnchor {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`range ${start}..${end} is empty or outside 0..${text.length}`);
  }
  if (splitsPair(text, start) || splitsPair(text, end)) {
    throw new RangeError(`range ${start}..${end} splits a character`);
  }
  // Context edges may split an emoji; drop the half so stored context is valid Unicode.
  let prefixStart = Math.max(0, start - CONTEXT_CHARS);
  if (splitsPair(text, prefixStart)) prefixStart++;
  let suffixEnd = Math.min(text.length, end + CONTEXT_CHARS);
  if (splitsPair(text, suffixEnd)) suffixEnd--;
  return {
    start,
    end,
    exact: text.slice(start, end),
    prefix: text.slice(prefixStart, start),
    suffix: text.slice(end, suffixEnd),
  };
}

/** Length of the common run of `a` and `b` read from their ends (prefix side) or starts (suffix side). */
function agreement(a: string, b: string, fromEnd: boolean): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && (fromEnd ? a[a.length - 1 - i] === b[b.length - 1 - i] : a[i] === b[i])) i++;
  return i;
}

/** Similarity 0..1 of `expected` to the best-matching part of `actual`; 1 when nothing was expected. */
function similarity(actual: string, expected: string): number {
  if (expected.length === 0) return 1;
  if (actual.length === 0) return 0;
  const [best] = approxSearch(actual, expected, expected.length);
  return best ? 1 - best.errors / expected.length : 0;
}

function exactOccurrences(text: string, quote: string): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(quote); i !== -1; i = text.indexOf(quote, i + 1)) found.push(i);
  return found;
}

/** Among exact occurrences, prefer the one whose surroundings agree with the old context, then the nearest. */
function pickOccurrence(text: string, anchor: TextAnchor, starts: number[]): number {
  let best = starts[0];
  let bestAgreement = -1;
  let bestDistance = Infinity;
  for (const start of starts) {
    const end = start + anchor.exact.length;
    const before = text.slice(Math.max(0, start - anchor.prefix.length), start);
    const after = text.slice(end, end + anchor.suffix.length);
    const score = agreement(before, anchor.prefix, true) + agreement(after, anchor.suffix, false);
    const distance = Math.abs(start - anchor.start);
    if (score > bestAgreement || (score === bestAgreement && distance < bestDistance)) {
      best = start;
      bestAgreement = score;
      bestDistance = distance;
    }
  }
  return best;
}

function fuzzyMatch(text: string, anchor: TextAnchor): { start: number; end: number } | null {
  const { exact, prefix, suffix } = anchor;
  const maxErrors = Math.min(MAX_SEARCH_ERRORS, Math.floor(exact.length * (1 - MIN_QUOTE_SIMILARITY)));
  let best: { start: number; end: number; score: number } | null = null;
  for (const match of approxSearch(text, exact, maxErrors)) {
    const quoteScore = 1 - match.errors / exact.length;
    if (quoteScore < MIN_QUOTE_SIMILARITY) continue;
    const prefixScore = similarity(text.slice(Math.max(0, match.start - prefix.length), match.start), prefix);
    const suffixScore = similarity(text.slice(match.end, match.end + suffix.length), suffix);
    const positionScore = 1 - Math.abs(match.start - anchor.start) / Math.max(text.length, anchor.start, 1);
    const score =
      (QUOTE_WEIGHT * quoteScore + PREFIX_WEIGHT * prefixScore + SUFFIX_WEIGHT * suffixScore + POSITION_WEIGHT * positionScore) /
      (QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT);
    if (score >= MIN_FUZZY_SCORE && (!best || score > best.score)) best = { start: match.start, end: match.end, score };
  }
  return best && { start: best.start, end: best.end };
}

/**
 * Finds `anchor` in `newText`: at its old position if the quote is still there, else the best exact
 * occurrence of the quote, else the best approximate match above a minimum quality. Returns null when
 * the claim is orphaned (never a guess below the threshold).
 */
export function reanchor(newText: string, anchor: TextAnchor): Reanchored | null {
  const { start, end, exact } = anchor;
  if (exact.length === 0) return null;
  const positionValid = Number.isInteger(start) && start >= 0 && end === start + exact.length;
  if (positionValid && newText.slice(start, end) === exact) return { start, end, method: 'position' };
  const occurrences = exactOccurrences(newText, exact);
  if (occurrences.length > 0) {
    const found = pickOccurrence(newText, anchor, occurrences);
    return { start: found, end: found + exact.length, method: 'quote' };
  }
  const fuzzy = fuzzyMatch(newText, anchor);
  return fuzzy && { ...fuzzy, method: 'fuzzy' };
}

import type { Paragraph } from './sentences';
import type { Span } from './types';

/** A stretch of text between quotation marks inside one paragraph. */
export interface QuoteSegment extends Span {
  paragraph: number;
  /** False when the paragraph ends before the closing mark (the quote runs on into the next one). */
  closed: boolean;
  words: number;
}

const DOUBLE_OPEN = '“';
const DOUBLE_CLOSE = '”';
const STRAIGHT_DOUBLE = '"';
const SINGLE_OPEN = '‘';
const SINGLE_CLOSE = '’';
/** Characters after which a straight or single mark opens a quotation rather than closing one. */
const OPENING_CONTEXT = /[\s([{—–\-/:]/;
/** A ’ followed by a letter is an apostrophe (don’t, Kessaria’s), never a closing mark. */
const WORD_CHAR = /[\p{L}\p{N}]/u;
const WHITESPACE = /\s/;
const WORDS = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

function countWords(text: string): number {
  return text.match(WORDS)?.length ?? 0;
}

/**
 * Finds quotations in one paragraph. Double quotes (curly or straight) are the primary style;
 * single curly quotes count only in paragraphs without double quotes (British style), so nested
 * ‘quotes’ stay inside their outer quotation.
 */
export function findQuoteSegments(text: string, paragraph: Paragraph): QuoteSegment[] {
  const body = text.slice(paragraph.start, paragraph.end);
  const doubleStyle = body.includes(DOUBLE_OPEN) || body.includes(DOUBLE_CLOSE) || body.includes(STRAIGHT_DOUBLE);
  const singleStyle = !doubleStyle && body.includes(SINGLE_OPEN);
  if (!doubleStyle && !singleStyle) return [];

  const segments: QuoteSegment[] = [];
  let openAt = -1;
  const close = (end: number, closed: boolean) => {
    const start = paragraph.start + openAt;
    segments.push({ start, end: paragraph.start + end, paragraph: paragraph.index, closed, words: countWords(body.slice(openAt, end)) });
    openAt = -1;
  };
  for (let i = 0; i < body.length; i += 1) {
    const c = body[i];
    const before = i === 0 ? ' ' : body[i - 1];
    const after = body[i + 1] ?? ' ';
    const open = openAt >= 0;
    if (doubleStyle) {
      if (c === DOUBLE_OPEN && !open) openAt = i;
      else if (c === DOUBLE_CLOSE && open) close(i + 1, true);
      else if (c === STRAIGHT_DOUBLE && !open && OPENING_CONTEXT.test(before) && !WHITESPACE.test(after)) openAt = i;
      else if (c === STRAIGHT_DOUBLE && open) close(i + 1, true);
    } else if (c === SINGLE_OPEN && !open && OPENING_CONTEXT.test(before)) openAt = i;
    else if (c === SINGLE_CLOSE && open && !WORD_CHAR.test(after)) close(i + 1, true);
  }
  if (openAt >= 0) close(body.length, false);
  return segments;
}

import { Parser } from 'htmlparser2';
import { MAX_ELEMENTS, MAX_NESTING_DEPTH } from './limits';

const TOO_DEEP = `The document is nested more than ${MAX_NESTING_DEPTH} levels deep (the nesting depth limit); flatten it or import the text only.`;
const TOO_MANY = `The document has more than ${MAX_ELEMENTS.toLocaleString('en')} HTML elements (the element count limit); split it or import the text only.`;

/** Thrown inside the tokenizer's callbacks to stop at the first element past a limit. */
class LimitReached {
  constructor(readonly message: string) {}
}

/**
 * Checks HTML against the nesting depth and element count limits with htmlparser2's streaming tokenizer:
 * one linear pass without recursion, so it runs before (and instead of) the parse that would overflow or
 * crawl. Returns the message naming the broken limit, or null when the document is within both.
 */
export function htmlStructureProblem(html: string): string | null {
  let depth = 0;
  let elements = 0;
  const parser = new Parser(
    {
      onopentag() {
        depth++;
        elements++;
        if (depth > MAX_NESTING_DEPTH) throw new LimitReached(TOO_DEEP);
        if (elements > MAX_ELEMENTS) throw new LimitReached(TOO_MANY);
      },
      // Void and implicitly closed elements get a close event too, so depth stays balanced.
      onclosetag() {
        depth--;
      },
    },
    { decodeEntities: false },
  );
  try {
    parser.write(html);
    parser.end();
  } catch (error) {
    if (error instanceof LimitReached) return error.message;
    throw error;
  }
  return null;
}

const isListMarker = (line: string, at: number): number => {
  // Bullet "-", "+", "*" or ordered "1." / "1)" followed by a space, a tab or the line's end; returns its length.
  let end = at;
  if ('-+*'.includes(line[at])) end = at + 1;
  else {
    while (end < line.length && end - at < 9 && line[end] >= '0' && line[end] <= '9') end++;
    if (end === at || (line[end] !== '.' && line[end] !== ')')) return 0;
    end++;
  }
  return end === line.length || line[end] === ' ' || line[end] === '\t' ? end - at : 0;
};

/**
 * Checks Markdown's block nesting before marked parses it (marked recurses once per level): per line, the
 * `>` quote markers and list markers at its start, plus one level per two columns of indentation (a tab is four).
 * Linear in the input. Returns the message naming the limit when a line nests deeper than MAX_NESTING_DEPTH, else null.
 */
export function markdownStructureProblem(markdown: string): string | null {
  for (const line of markdown.split('\n')) {
    let markers = 0;
    let columns = 0;
    for (let i = 0; i < line.length;) {
      const c = line[i];
      if (c === ' ') columns++;
      else if (c === '\t') columns += 4;
      else if (c === '>') markers++;
      else {
        const marker = isListMarker(line, i);
        if (marker === 0) break;
        markers++;
        i += marker;
        continue;
      }
      i++;
    }
    if (markers + Math.floor(columns / 2) > MAX_NESTING_DEPTH) return TOO_DEEP;
  }
  return null;
}

import { Invalid } from '@/lib/errors';
import { splitsPair } from '@/lib/anchoring/quote';

/**
 * Throws Invalid naming `start` or `end` when it falls inside a character (between the halves of a UTF-16
 * surrogate pair, e.g. in an emoji): such a range cannot be quoted, so it is the caller's mistake, not a 500.
 */
export function assertWholeCharacters(text: string, start: number, end: number): void {
  for (const [field, offset] of [
    ['start', start],
    ['end', end],
  ] as const) {
    if (splitsPair(text, offset)) {
      throw Invalid(`${field} (${offset}) falls inside a character; move it before or after it.`, { [field]: 'Inside a character.' });
    }
  }
}

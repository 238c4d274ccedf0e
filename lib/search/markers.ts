/**
 * Private-use characters FTS5 wraps around matched terms. They are plain text, so a snippet can be split
 * into React nodes without ever being parsed as HTML.
 */
export const HIT_OPEN = '\uE000';
export const HIT_CLOSE = '\uE001';

/** Splits marked text into alternating plain and matched parts (`hit: true`); a marker only switches highlighting on or off. */
export function splitHits(text: string): { text: string; hit: boolean }[] {
  const parts: { text: string; hit: boolean }[] = [];
  let hit = false;
  let buf = '';
  for (const ch of text) {
    if (ch === HIT_OPEN || ch === HIT_CLOSE) {
      if (buf) parts.push({ text: buf, hit });
      buf = '';
      hit = ch === HIT_OPEN;
      continue;
    }
    buf += ch;
  }
  if (buf) parts.push({ text: buf, hit });
  return parts;
}

/** The text with markers removed. */
export function stripHits(text: string): string {
  return text.replaceAll(HIT_OPEN, '').replaceAll(HIT_CLOSE, '');
}

/**
 * The CPU-heavy work that runs in worker threads (lib/workers/pool.ts): pure functions of plain data, no database.
 * Loaded by lib/workers/worker.mjs; errors a user can act on come back as values, since class identity
 * does not survive the thread boundary.
 */
import { convertArticle, ConversionError, type ArticleFormat, type ConvertedArticle } from '@/lib/articles/convert';
import { describeRange, reanchor, type TextAnchor } from '@/lib/anchoring/quote';
import { suggestClaimsWithPeople, type PersonMention, type Span, type Suggestion } from '@/lib/suggest';

/** Does nothing: the pool runs it once so its threads load this module before any budget starts. */
export function warmUp(): null {
  return null;
}

/** A conversion the user must fix: the field to blame and why. */
export type Refusal = { refused: { field: 'content' | 'format'; message: string } };

/** Converts an import (see convertArticle); a ConversionError, or a stack overflow the limits missed, is a Refusal. */
export function convert(input: { format: ArticleFormat; content: string; title: string | null }): ConvertedArticle | Refusal {
  try {
    return convertArticle(input);
  } catch (error) {
    if (error instanceof ConversionError) return { refused: { field: error.field, message: error.message } };
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      return { refused: { field: 'content', message: 'The document is nested too deeply to import; flatten it or import the text only.' } };
    }
    throw error;
  }
}

/** Suggestions for an article's text minus the spans already claimed, and the people it mentions (see suggestClaimsWithPeople). */
export function suggest(input: { text: string; exclude: Span[] }): { items: Suggestion[]; people: PersonMention[] } {
  return suggestClaimsWithPeople(input.text, { exclude: input.exclude });
}

/** Where each claim lands in new article text (how it was found, its new anchor), in the order given; null when orphaned. */
export function reanchorAll(input: { text: string; anchors: TextAnchor[] }) {
  return input.anchors.map((anchor) => {
    const found = reanchor(input.text, anchor);
    return found && { method: found.method, anchor: describeRange(input.text, found.start, found.end) };
  });
}

import { findAssertions } from './assertions';
import { findNumberFreeClaims } from './checkworthy';
import { findEvents } from './events';
import { collectMentions } from './collect-mentions';
import { SpanIndex, insideSorted } from './overlap';
import { findQuoteSegments } from './quote-marks';
import { findQuotes } from './quotes';
import { parseText } from './sentences';
import { findTurns } from './turns';
import { findStatistics } from './statistics';
import type { Span, Suggestion } from './types';

export type { Span, Suggestion, SuggestionType } from './types';
export { splitSentences } from './sentences';

/** Options for {@link suggestClaims}. */
export interface SuggestOptions {
  /**
   * Spans already claimed in the article; a suggestion equal to one, or overlapping it by at
   * least 80% of the shorter span, is dropped.
   * @default []
   */
  exclude?: Span[];
}

/**
 * Proposes check-worthy spans in an article's plain body text: direct quotations and attributed
 * assertions (type 'quote', with speaker), statistics, and events. Pure and deterministic;
 * results are sorted by start and satisfy `text === body.slice(start, end)`.
 */
export function suggestClaims(text: string, options: SuggestOptions = {}): Suggestion[] {
  return suggestClaimsWithPeople(text, options).items;
}

/** A person or described source the article mentions, with the span of its first mention. */
export type PersonMention = Span & { name: string };

/**
 * {@link suggestClaims} plus every person and described source the article mentions (`people`, in text
 * order), from the same single pass, so an editor can credit a suggestion to anyone named in the text.
 */
export function suggestClaimsWithPeople(text: string, options: SuggestOptions = {}): { items: Suggestion[]; people: PersonMention[] } {
  const parsed = parseText(text);
  const segments = parsed.paragraphs.flatMap((p) => (p.furniture ? [] : findQuoteSegments(text, p)));
  const tracker = collectMentions(parsed, (t) => insideSorted(segments, t.start, t.end));

  const turns = findTurns(parsed, tracker);
  const quotes = findQuotes(parsed, segments, tracker, turns);
  // a quotation that contains a figure is a quote; the same span is not also a statistic
  const quoteIndex = new SpanIndex(quotes);
  const statistics = findStatistics(parsed, tracker, turns).filter((s) => !quoteIndex.mostlyOverlapsAny(s));
  const assertions = findAssertions(parsed, tracker, new SpanIndex([...quotes, ...statistics]), quotes);
  const numberFree = findNumberFreeClaims(parsed, tracker, turns, new SpanIndex([...quotes, ...statistics, ...assertions]));
  const events = findEvents(parsed, new SpanIndex([...quotes, ...statistics, ...assertions, ...numberFree]));

  const exclude = new SpanIndex(options.exclude ?? []);
  const items = [...quotes, ...statistics, ...assertions, ...numberFree, ...events]
    .filter((s) => !exclude.mostlyOverlapsAny(s))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  return { items, people: tracker.listPeople() };
}

/** Claim types the suggestion engine can propose (a subset of the app's claim types). */
export type SuggestionType = 'statistic' | 'quote' | 'event' | 'other';

/** A half-open character range `[start, end)` in an article's body text. */
export interface Span {
  start: number;
  end: number;
}

/** One proposed check-worthy span; `text === body.slice(start, end)` always holds. */
export interface Suggestion extends Span {
  text: string;
  type: SuggestionType;
  /** Who is credited, as written in the article ("Michael Kofman", "a senior official"), or null. */
  speaker: string | null;
  /**
   * The mention of the speaker in the body text that `speaker` was taken from (for a pronoun, the
   * name it was resolved to), so an editor can see and correct it; null when there is no speaker.
   */
  speakerStart: number | null;
  speakerEnd: number | null;
  /** Short human-readable explanation shown next to the suggestion. */
  reason: string;
}

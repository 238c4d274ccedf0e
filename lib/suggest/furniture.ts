/**
 * Page furniture: lines a scraper leaves around an article (headline rows, timestamps, bylines,
 * section headings, share/copyright footers) and datelines that open the first paragraph.
 * Nothing in them is a claim, so the engine neither suggests nor learns speakers from them.
 */

/** Scraped header row: ` date 2021-12-19 Headline ... 1:55`. */
const SCRAPED_HEADER = /^\s*date\s+\d{4}-\d{2}-\d{2}\b/i;
/** Footer and chrome phrases that never occur in reporting prose. */
const FURNITURE_PHRASES =
  /^(?:share this|follow us|copyright|this story has been updated)\b|^(?:read more|related|watch|listen|see also)\s*:|©|all rights reserved|\bpage \d+ of \d+\b/i;
/** Timestamp rows: "Updated 4:12 PM ET", "Published 8:05 AM EST, Thu March 2". */
const TIMESTAMP_LINE = /^(?:updated|published|posted|last updated)\s+(?:\d|on\b|at\b|\p{Lu}\p{Ll}{2}\b)/iu;
/** Contact and credit lines: "Contact Marisol Ortega at ...", "Daniel Reyes reported from Washington." */
const CREDIT_LINE = /^(?:contact(?: \p{Lu}[\p{L}'’-]+){1,3} at\b|(?:\p{Lu}[\p{L}.'’-]+ ){1,3}(?:reported from|contributed reporting)\b)/u;
/** Numbered or labelled section headings: "1. What happens next", "Part 2: ...", "Section 3. ...". */
const SECTION_HEADING = /^(?:(?:part|section|chapter|step)\s+\d+|\d{1,2})[.:)]\s+\S/i;
/** Sentence-final punctuation, optionally followed by closing quotes or brackets. */
const ENDS_LIKE_PROSE = /[.!?:][”’"')\]]*$/;
/** Headings and bylines are short (a headline with a quotation in it may run to 20 words); prose paragraphs rarely are. */
const MAX_HEADING_WORDS = 20;

/** Dateline in parentheses: "(CNN) ", "(Wire Service) ". */
const PAREN_DATELINE = /^\([A-Z][\w .&'’-]{0,40}\)\s*(?:[—–-]{1,2}\s*)?/;
/** Capitalised place dateline: "HARBOR CITY — ", "PINE COUNTY, Ore. - ", "LONDON (Reuters) - ". */
const CAPS_DATELINE = /^[A-Z][A-Z.'’ -]{2,40}(?:,\s*[A-Z][a-z]{1,6}\.?)?\s*(?:\([^)]{1,30}\)\s*)?[—–-]{1,2}\s+/;

/** True when a paragraph (one line of body text) is page furniture rather than reporting. */
export function isFurniture(paragraph: string): boolean {
  const line = paragraph.trim();
  if (line === '') return true;
  const patterns = [SCRAPED_HEADER, FURNITURE_PHRASES, TIMESTAMP_LINE, CREDIT_LINE, SECTION_HEADING];
  if (patterns.some((pattern) => pattern.test(line))) return true;
  const words = line.split(/\s+/).length;
  return words <= MAX_HEADING_WORDS && !ENDS_LIKE_PROSE.test(line);
}

/** Length of a dateline at the start of a paragraph ("HARBOR CITY — "), or 0 when there is none. */
export function datelineLength(paragraph: string): number {
  const match = PAREN_DATELINE.exec(paragraph) ?? CAPS_DATELINE.exec(paragraph);
  return match ? match[0].length : 0;
}

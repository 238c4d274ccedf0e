import type { Token } from './sentences';
import type { Span } from './types';

/** Digits as a figure, with optional currency, %, magnitude or hyphenated unit: $1.2, 12%, 4,000-mile. */
const NUMERIC_TOKEN = /^[$€£¥]?\d[\d,]*(?:\.\d+)?(?:%|k|m|bn|tn)?(?:-[\p{L}-]+)?$/iu;
/** Clock times ("1:55", "23:40") are never claims. */
const CLOCK_TIME = /^\d{1,2}:\d{2}(?::\d{2})?$/;
/** Phone numbers in contact lines. */
const PHONE_NUMBER = /^\(?\d{3}\)?[-.]\d{3,4}(?:-\d{4})?$/;
/** Digit groups with a leading zero are phone numbers or codes ("0800 555 0199"), never amounts. */
const LEADING_ZERO = /^0\d{2,}$/;
/** Two small numbers joined by a dash: a score. */
const SCORELINE = /^\d{1,3}[-–]\d{1,3}$/;
/** Words next to a score that make it one ("a 24-19 win", "led 9-6"), not a range ("10-15 people"). */
const RESULT_WORDS = new Set([
  'win',
  'victory',
  'defeat',
  'loss',
  'draw',
  'lead',
  'led',
  'won',
  'lost',
  'beat',
  'drew',
  'trailed',
  'leading',
  'trailing',
]);
/** A four-digit year standing alone. */
const YEAR = /^(?:1[89]|20)\d\d$/;
/** Words after a number that make it a time of day ("9 a.m.", "three o'clock"). */
const TIME_SUFFIXES = new Set(['a.m.', 'p.m.', 'am', 'pm', 'a.m', 'p.m', 'gmt', 'bst', 'et', 'est', 'edt', 'pst', 'utc', "o'clock", 'o’clock']);
/** Amounts written as words that compromise does not tag as values. */
const QUANTITY_WORDS = new Set(['dozen', 'dozens', 'hundreds', 'thousands', 'millions', 'billions', 'half']);
/** Ordinals that are fractions after "a"/"two" or before "of" ("a third of them"). */
const FRACTION_WORDS = new Set(['half', 'third', 'thirds', 'quarter', 'quarters', 'fifth', 'fifths', 'tenth', 'tenths']);
const FRACTION_LEADS = new Set(['a', 'one', 'two', 'three', 'four']);
/** Labels whose number is an identifier, not a quantity ("Section 3", "No. 2", "Route 9"). */
const LABEL_WORDS = new Set([
  'section',
  'part',
  'chapter',
  'article',
  'page',
  'title',
  'route',
  'step',
  'no',
  'number',
  'item',
  'figure',
  'table',
  'room',
  'flight',
  'episode',
  'season',
  'phase',
  'grade',
  'highway',
  'interstate',
  'district',
  'channel',
  'platform',
  'gate',
  'terminal',
  'unit',
  'ward',
  'bus',
  'line',
]);
/** Street words: a number before "Ferris Lane" or "Quay Street" is a house number. */
const STREET_WORDS = new Set([
  'street',
  'st',
  'road',
  'rd',
  'lane',
  'avenue',
  'ave',
  'drive',
  'boulevard',
  'way',
  'square',
  'quay',
  'close',
  'crescent',
  'terrace',
  'place',
]);
/** Hedges that belong to the figure ("more than 50", "up to 900"). */
const QUALIFIERS = new Set([
  'more than',
  'less than',
  'fewer than',
  'up to',
  'as many as',
  'as much as',
  'at least',
  'about',
  'nearly',
  'roughly',
  'almost',
  'around',
  'over',
  'under',
  'some',
  'just',
  'only',
  'approximately',
  'an estimated',
  'tens of',
]);
/** "three of them": the number counts people already in the story. */
const GROUP_PRONOUNS = new Set(['them', 'us', 'you', 'those', 'these']);
/** Units of a length of time ("for nineteen years"). */
const DURATION_WORDS = new Set(['years', 'decades', 'months', 'weeks']);
const SPAN_LEADS = new Set(['for', 'after', 'over']);
const VAGUE_LEADS = new Set(['several', 'few', 'some', 'many']);
/** After "the", a spelled-out number counts something only when a plural noun follows ("the two branches", not "the three still disagree"). */
const countedNoun = (token: Token | undefined) => !!token && (token.tags.has('Plural') || token.tags.has('Unit')) && !token.tags.has('Pronoun');
/** Words "one"/"a" alone are articles far more often than counts. */
const WEAK_NUMBERS = new Set(['one', 'a', 'an']);

/** What a number-like token is: a quantity, a date tied to an event, or nothing checkable. */
export type FigureKind = 'figure' | 'date' | null;

const capitalised = (token: Token | undefined) => !!token && /^\p{Lu}/u.test(token.text);
/** Month names, capitalised, in case the tagger read "March" or "May" as a verb. */
const MONTH =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$/i;
const isMonth = (token: Token | undefined) => !!token && (token.tags.has('Month') || (capitalised(token) && MONTH.test(token.text)));

/** Classifies `tokens[i]`; times, phone numbers, labels, ages and model numbers give null. */
export function classifyFigure(tokens: readonly Token[], i: number): FigureKind {
  const token = tokens[i];
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  const numeric = NUMERIC_TOKEN.test(token.text);
  if (!numeric && !token.tags.has('Value') && !QUANTITY_WORDS.has(token.normal)) return null;
  if (CLOCK_TIME.test(token.text) || token.tags.has('Time') || PHONE_NUMBER.test(token.text)) return null;
  // "a 24-19 win", "led 9-6 at the break": a scoreline is the result being reported, not a figure to check
  if (SCORELINE.test(token.text) && (RESULT_WORDS.has(next?.normal ?? '') || RESULT_WORDS.has(prev?.normal ?? ''))) return null;
  // "the first half", "in the second half": a period of play; "fly-half": a position
  if (token.normal === 'half' && (prev?.tags.has('Ordinal') || prev?.post === '-')) return null;
  if ([prev, token, next].some((t) => t && LEADING_ZERO.test(t.text))) return null;
  if (next && TIME_SUFFIXES.has(next.text.toLowerCase())) return null;
  // COVID-19, F-35: a number glued to a capitalised code
  if (prev && prev.post === '-' && capitalised(prev) && !prev.tags.has('Value')) return null;
  if (prev && capitalised(prev) && LABEL_WORDS.has(prev.normal.replace(/\./g, ''))) return null;
  // "at 14 Ferris Lane": an address
  if (numeric && capitalised(next) && [tokens[i + 2], tokens[i + 3]].some((t) => capitalised(t) && STREET_WORDS.has(t!.normal.replace(/\./g, ''))))
    return null;
  if (token.tags.has('Ordinal') && !token.tags.has('Fraction')) {
    const fraction = FRACTION_WORDS.has(token.normal) && (FRACTION_LEADS.has(prev?.normal ?? '') || next?.normal === 'of');
    return fraction ? 'figure' : null;
  }
  if (WEAK_NUMBERS.has(token.normal) && next?.normal !== 'in') return null;
  // "three of them sat down", "the three still disagree": a spelled-out count of the people in the story
  if (!numeric && ((next?.normal === 'of' && GROUP_PRONOUNS.has(tokens[i + 2]?.normal ?? '')) || (prev?.normal === 'the' && !countedNoun(next))))
    return null;
  // "a crane operator for nineteen years", "closed after ninety years": a span written in words is background
  if (!numeric && SPAN_LEADS.has(prev?.normal ?? '') && DURATION_WORDS.has(next?.normal ?? '')) return null;
  // "several hundred supporters": a crowd's size guessed, not counted
  if (!numeric && VAGUE_LEADS.has(prev?.normal ?? '')) return null;
  if (token.tags.has('Year') || (numeric && YEAR.test(token.text))) return 'date';
  if (isMonth(prev) || isMonth(next)) return 'date';
  // "Luis Garza, 41, a father of two": an age in apposition
  if (numeric && Number(token.text) < 120 && prev?.post.includes(',') && token.post.includes(',') && capitalised(prev)) return null;
  return 'figure';
}

const isNumberWord = (token: Token | undefined) => !!token && (token.tags.has('Value') || NUMERIC_TOKEN.test(token.text));
const endsPhrase = (token: Token) => /[,;:.!?]/.test(token.post);
/** A word that can belong to the unit after a number ("U.S. troops", "state-owned banks"). */
const unitWord = (token: Token) => (token.tags.has('Noun') || token.tags.has('Adjective') || token.tags.has('Unit')) && !token.tags.has('Pronoun');
const MAX_UNIT_WORDS = 3;

/** The figure with its hedge and unit, for the suggestion's reason: "more than 11,000 signatures". */
export function figurePhrase(tokens: readonly Token[], i: number): Span {
  let from = i;
  for (let back = 1; back <= 3 && i - back >= 0; back += 1) {
    const words = tokens
      .slice(i - back, i)
      .map((t) => t.normal)
      .join(' ');
    if (QUALIFIERS.has(words)) from = i - back;
  }
  if (isMonth(tokens[from - 1])) from -= 1;
  if (FRACTION_WORDS.has(tokens[i].normal) && FRACTION_LEADS.has(tokens[from - 1]?.normal ?? '')) from -= 1;
  let to = i;
  // the number itself: "$1.2 billion", "Seventy-one", "tens of thousands", "18 to 11"
  while (to + 1 < tokens.length && !endsPhrase(tokens[to])) {
    const next = tokens[to + 1];
    if (isNumberWord(next) || isMonth(next)) to += 1;
    else if (next.normal === 'per' && tokens[to + 2]?.normal === 'cent') to += 2;
    else if (['of', 'to', 'in'].includes(next.normal) && isNumberWord(tokens[to + 2])) to += 2;
    else break;
  }
  // its unit: up to three words, ending at the first plural noun or unit
  for (let extra = 0; extra < MAX_UNIT_WORDS && to + 1 < tokens.length && !endsPhrase(tokens[to]); extra += 1) {
    const next = tokens[to + 1];
    // plural nouns right after a number are sometimes tagged as verbs ("nine seats", "112 votes")
    const pluralAfterNumber = to === i && /s$/.test(next.normal) && !next.tags.has('Preposition');
    if ((!unitWord(next) && !pluralAfterNumber && tokens[to].post !== '-') || QUALIFIERS.has(next.normal)) break;
    to += 1;
    if (pluralAfterNumber || next.tags.has('Plural') || next.tags.has('Unit') || next.tags.has('Duration')) break;
  }
  return { start: tokens[from].start, end: tokens[to].end };
}

import nlp from 'compromise';
import { datelineLength, isFurniture } from './furniture';
import { ATTRIBUTION_VERBS } from './speakers';
import type { Span } from './types';

/** A word as tokenised and tagged by compromise, with absolute offsets into the source text. */
export interface Token extends Span {
  /** The word as written, without surrounding punctuation. */
  text: string;
  /** Lower-cased, compromise-normalised form ("said", "u.s."). */
  normal: string;
  /** Punctuation and whitespace before / after the word ("“", ",” "). */
  pre: string;
  post: string;
  tags: ReadonlySet<string>;
}

/** One line of body text (body_text joins paragraphs with "\n\n"). */
export interface Paragraph extends Span {
  index: number;
  /** Where reporting starts, after a dateline such as "HARBOR CITY — ". */
  contentStart: number;
  furniture: boolean;
}

/** A sentence inside one paragraph; `start`/`end` include opening quotes and final punctuation. */
export interface Sentence extends Span {
  paragraph: number;
  tokens: Token[];
}

/** The shared analysis every detector works from. */
export interface ParsedText {
  text: string;
  paragraphs: Paragraph[];
  sentences: Sentence[];
}

/** One line = one paragraph; blank lines only separate. */
const PARAGRAPH_LINE = /[^\n]+/g;
/** Text ending a sentence: final punctuation (possibly inside an abbreviation) then a space. */
const SENTENCE_FINAL = /[.!?]\s+$/;
/** Longest attribution after a closed quotation that still belongs to its sentence. */
const MAX_ATTRIBUTION_TAIL = 8;
/** Sentence-final punctuation inside a closing quotation mark, then a space: “… this one.” */
const CLOSED_QUOTED_SENTENCE = /^[.!?][”"’]\s+$/;
/** An opening quotation mark right before a word. */
const OPENING_QUOTE = /[“‘"]$/;
/** Leading punctuation kept with a sentence: the non-space tail of a token's `pre`. */
const LEADING_PUNCT = /\S*$/;
/** Trailing punctuation kept with a sentence: the non-space head of a token's `post`. */
const TRAILING_PUNCT = /^\S*/;
/**
 * compromise's default pipeline without `postTagger` and `chunks`: the post-tagger alone costs
 * about 40 ms per 2,000 words, which would blow the 50 ms budget, and the pre-tagger's lexicon
 * and suffix tags (Value, Person, PastTense, Date...) are all the detectors need.
 */
const TAGGING_STEPS = ['index', 'id', 'freeze', 'lexicon', 'preTagger', 'contractionTwo', 'unfreeze'];

/**
 * compromise does not break after an abbreviation before a quotation ("at 9:50 p.m. ‘I waited"):
 * sentence-final punctuation followed by an opening mark and a capital starts a new sentence.
 */
function opensQuotedSentence(previous: Token, token: Token, rest: readonly Token[]): boolean {
  if (!/^\p{Lu}/u.test(token.text)) return false;
  if (SENTENCE_FINAL.test(previous.text + previous.post) && OPENING_QUOTE.test(token.pre)) return true;
  // nor after a quotation that ends its sentence (“… this one.” Reid said the warnings …), unless
  // what follows is only its attribution (“And did they?” Petrov asked.)
  return CLOSED_QUOTED_SENTENCE.test(previous.post) && !isShortAttribution(rest);
}

/** "Petrov asked." / "Reid said on Monday.": a few words with a verb of saying, then the sentence ends. */
function isShortAttribution(rest: readonly Token[]): boolean {
  const end = rest.findIndex((t) => /[.!?]/.test(t.post));
  const tail = rest.slice(0, end < 0 ? rest.length : end + 1);
  return tail.length <= MAX_ATTRIBUTION_TAIL && tail.some((t) => ATTRIBUTION_VERBS.has(t.normal));
}

function findParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  for (const match of text.matchAll(PARAGRAPH_LINE)) {
    const line = match[0];
    const lead = line.length - line.trimStart().length;
    const start = match.index + lead;
    const end = match.index + line.trimEnd().length;
    if (end <= start) continue;
    const body = text.slice(start, end);
    paragraphs.push({
      index: paragraphs.length,
      start,
      end,
      contentStart: start + datelineLength(body),
      furniture: isFurniture(body),
    });
  }
  return paragraphs;
}

/** How far past a term's expected place its text is looked for when offsets drift. */
const SEARCH_SLACK = 64;

/** Walks compromise's terms with a cursor; pre + text + post reproduces the input exactly. */
function toTokens(
  text: string,
  terms: ReadonlyArray<{ text: string; pre: string; post: string; normal: string; tags?: Set<string> }>,
  cursor: number,
) {
  const tokens: Token[] = [];
  for (const term of terms) {
    let start = cursor + term.pre.length;
    if (text.slice(start, start + term.text.length) !== term.text) {
      // look only a little ahead: an unbounded search per stray term made long articles quadratic
      const window = text.slice(cursor, cursor + term.pre.length + term.text.length + SEARCH_SLACK);
      const found = window.indexOf(term.text);
      if (found >= 0) start = cursor + found;
    }
    const end = start + term.text.length;
    cursor = end + term.post.length;
    // contractions expand into an extra word with no text of its own ("don’t" -> do + not)
    if (term.text === '') continue;
    tokens.push({ text: term.text, normal: term.normal, pre: term.pre, post: term.post, start, end, tags: term.tags ?? new Set() });
  }
  return { tokens, cursor };
}

function buildSentence(tokens: Token[], paragraph: Paragraph): Sentence | null {
  const inside = tokens.filter((token) => token.end > paragraph.contentStart);
  if (inside.length === 0) return null;
  const first = inside[0];
  const last = inside[inside.length - 1];
  const lead = LEADING_PUNCT.exec(first.pre)?.[0].length ?? 0;
  const trail = TRAILING_PUNCT.exec(last.post)?.[0].length ?? 0;
  return {
    start: Math.max(first.start - lead, paragraph.contentStart),
    end: Math.min(last.end + trail, paragraph.end),
    paragraph: paragraph.index,
    tokens: inside,
  };
}

/**
 * Tokenises and tags `text` once with compromise and groups the words into paragraphs and
 * sentences with exact offsets. Deterministic and offline. `tag: false` skips tagging (tokens
 * then carry no tags), for callers that only need boundaries.
 */
export function parseText(text: string, { tag = true }: { tag?: boolean } = {}): ParsedText {
  const paragraphs = findParagraphs(text);
  const tokenized = nlp.tokenize(text);
  const doc = tag ? tokenized.compute(TAGGING_STEPS) : tokenized;
  const sentences: Sentence[] = [];
  let cursor = 0;
  let p = 0;
  for (const terms of doc.docs) {
    const walked = toTokens(text, terms, cursor);
    cursor = walked.cursor;
    // compromise already breaks at newlines; grouping by paragraph is a safety net
    let group: Token[] = [];
    const flush = () => {
      const paragraph = paragraphs[p];
      const sentence = group.length && paragraph ? buildSentence(group, paragraph) : null;
      if (sentence) sentences.push(sentence);
      group = [];
    };
    for (const [index, token] of walked.tokens.entries()) {
      while (p < paragraphs.length - 1 && token.start >= paragraphs[p].end) {
        flush();
        p += 1;
      }
      if (group.length && opensQuotedSentence(group[group.length - 1], token, walked.tokens.slice(index, index + MAX_ATTRIBUTION_TAIL + 1))) flush();
      group.push(token);
    }
    flush();
  }
  return { text, paragraphs, sentences };
}

/** Splits `text` into sentences with offsets (`text === input.slice(start, end)`); no tagging. */
export function splitSentences(text: string): Array<Span & { text: string }> {
  return parseText(text, { tag: false }).sentences.map(({ start, end }) => ({ start, end, text: text.slice(start, end) }));
}

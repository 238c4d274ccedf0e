import { searchToken, type Phrase } from './fts-query';
import { HIT_CLOSE, HIT_OPEN } from './markers';

/*
 * FTS5's highlight() and snippet() in TypeScript, for PostgreSQL. ts_headline is not used: it splits text with
 * PostgreSQL's parser, not the index's words ("1.3bn" is 1.3 and bn there, "50%" is 50), so numbers would go
 * unmarked, and outside HighlightAll it drops anything that looks like an HTML tag from the text it returns.
 * These functions split text as the index does (runs of letters, digits and %) and mark the same words as SQLite.
 */

type Token = { start: number; end: number; word: string };
type Hit = { phrase: number; first: number; last: number };

const WORD = /[\p{L}\p{N}\p{M}%]+/gu;

function tokenize(text: string): Token[] {
  return [...text.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length, word: searchToken(m[0]) }));
}

/** Every place a phrase of `groups` occurs, by token position, in text order. */
function findHits(tokens: Token[], groups: Phrase[][]): Hit[] {
  const phrases = groups.flat().map((p) => ({ words: p.tokens.map(searchToken), prefix: p.prefix }));
  const hits: Hit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    phrases.forEach(({ words, prefix }, phrase) => {
      const n = words.length;
      const matches = words.every((w, k) => {
        const t = tokens[i + k]?.word;
        return t !== undefined && (prefix && k === n - 1 ? t.startsWith(w) : t === w);
      });
      if (matches) hits.push({ phrase, first: i, last: i + n - 1 });
    });
  }
  return hits;
}

/** Hits merged into marked runs of tokens: overlapping or nested matches become one run, as in FTS5. */
function runsOf(hits: Hit[]): { first: number; last: number }[] {
  const runs: { first: number; last: number }[] = [];
  for (const h of [...hits].sort((a, b) => a.first - b.first)) {
    const run = runs.at(-1);
    if (run && h.first <= run.last) run.last = Math.max(run.last, h.last);
    else runs.push({ first: h.first, last: h.last });
  }
  return runs;
}

/** `text` from token `from` to token `to` with markers around hits; the text before and after is kept at the ends. */
function render(text: string, tokens: Token[], hits: Hit[], from: number, to: number): string {
  let out = '';
  let at = from === 0 ? 0 : tokens[from].start;
  for (const run of runsOf(hits)) {
    if (run.last < from || run.first > to) continue;
    const open = tokens[Math.max(run.first, from)].start;
    const close = tokens[Math.min(run.last, to)].end;
    out += `${text.slice(at, open)}${HIT_OPEN}${text.slice(open, close)}${HIT_CLOSE}`;
    at = close;
  }
  return out + text.slice(at, to === tokens.length - 1 ? text.length : tokens[to].end);
}

/** The whole text with every match of `groups` between HIT_OPEN and HIT_CLOSE (FTS5 highlight()). */
export function highlightHits(text: string, groups: Phrase[][]): string {
  const tokens = tokenize(text);
  if (tokens.length === 0) return text;
  return render(text, tokens, findHits(tokens, groups), 0, tokens.length - 1);
}

/**
 * Score of the window of `size` tokens from `start`: 1000 per distinct phrase in it, 1 per repeat (as FTS5).
 * `hits` are in token order, so only the hits inside the window are visited.
 */
function windowScore(hits: Hit[], start: number, size: number): { score: number; first: number; last: number } {
  let lo = 0;
  let hi = hits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (hits[mid].first < start) lo = mid + 1;
    else hi = mid;
  }
  const seen = new Set<number>();
  let score = 0;
  let first = -1;
  let last = -1;
  for (let i = lo; i < hits.length && hits[i].first < start + size; i++) {
    const h = hits[i];
    score += seen.has(h.phrase) ? 1 : 1000;
    seen.add(h.phrase);
    if (first < 0) first = h.first;
    last = h.last + 1; // one past the phrase, as FTS5 counts it
  }
  return { score, first, last };
}

/**
 * The best window of at most `size` tokens, with markers, and `ellipsis` where text was cut (FTS5 snippet()): the
 * window with the most distinct phrases, centred on its hits, or starting at a sentence start nearby when that
 * holds as many.
 */
export function snippetHits(text: string, groups: Phrase[][], size: number, ellipsis = '…'): string {
  const tokens = tokenize(text);
  if (tokens.length === 0) return text;
  const hits = findHits(tokens, groups);
  // The sentence each token is in, by its first token: a token after ". " or ": " starts one (FTS5's sentence finder).
  const sentenceOf: number[] = [];
  tokens.forEach((t, i) => {
    const starts = i === 0 || /[.:][ \t\r\n]+$/.test(text.slice(tokens[i - 1].end, t.start));
    sentenceOf.push(starts ? i : sentenceOf[i - 1]);
  });
  let best = 0;
  let bestScore = 0;
  for (const h of hits) {
    const { score, first, last } = windowScore(hits, h.first, size);
    if (score > bestScore) {
      bestScore = score;
      best = Math.max(0, Math.min(first - Math.floor((size - (last - first)) / 2), tokens.length - size));
    }
    const sentence = sentenceOf[h.first];
    if (tokens.length > size && sentence < h.first) {
      const bonus = windowScore(hits, sentence, size).score + (sentence === 0 ? 120 : 100);
      if (bonus > bestScore) {
        bestScore = bonus;
        best = sentence;
      }
    }
  }
  const to = Math.min(best + size, tokens.length) - 1;
  const body = render(text, tokens, hits, best, to);
  return `${best > 0 ? ellipsis : ''}${body}${to < tokens.length - 1 ? ellipsis : ''}`;
}

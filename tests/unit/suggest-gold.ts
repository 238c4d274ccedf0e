import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Suggestion } from '@/lib/suggest';
import { overlapLength } from '@/lib/suggest/overlap';

/*
 * Gold annotations for the suggestion engine and the scoring used by suggest-quality.test.ts.
 *
 * Two fixture formats live in tests/fixtures/suggest:
 *  - NAME.txt + NAME.gold.json (the first five articles): quotes and statistics by exact text.
 *  - NAME.annotated.txt: the article with inline marks, stripped before the engine sees it:
 *      {q|Speaker|...}  a direct quotation (with its attribution sentence) and who said it ("-" = nobody)
 *      {c|...}          a check-worthy sentence without digits (comparison, record, cause/trend, vote, reported speech)
 *      {s|...}          a check-worthy statement with a figure
 *    splits.json gives each annotated article a style and a split (tune | held-out).
 *
 * Matching rule: a prediction matches a gold item when their spans overlap by at least 50% of the
 * LONGER span; each gold item and each prediction is matched at most once (greedy, best overlap first).
 * Speaker accuracy is measured over matched quotes: case-insensitive, leading a/an/the dropped; right when
 * one contains the other ("Kofman" is accepted for "Michael Kofman").
 */

export const FIXTURES = path.resolve(__dirname, '../fixtures/suggest');

export interface Span {
  start: number;
  end: number;
}
export interface GoldItem extends Span {
  kind: 'quote' | 'claim' | 'statistic';
  text: string;
  speaker: string | null;
}
export interface AnnotatedArticle {
  name: string;
  style: string;
  split: 'tune' | 'held-out';
  body: string;
  gold: GoldItem[];
}

const MARK_KINDS = { q: 'quote', c: 'claim', s: 'statistic' } as const;
const OPEN_MARK = /\{([qcs])\|(?:([^|{}]+)\|)?/y;

/** Strips `{q|Speaker|…}`, `{c|…}` and `{s|…}` marks, returning the plain body and the gold spans in it. */
function parseAnnotated(source: string): { body: string; gold: GoldItem[] } {
  let body = '';
  const gold: GoldItem[] = [];
  let open: Omit<GoldItem, 'end' | 'text'> | null = null;
  for (let i = 0; i < source.length;) {
    OPEN_MARK.lastIndex = i;
    const mark = source[i] === '{' ? OPEN_MARK.exec(source) : null;
    if (mark) {
      if (open) throw new Error(`nested mark at ${i}`);
      const kind = MARK_KINDS[mark[1] as keyof typeof MARK_KINDS];
      if (kind === 'quote' && !mark[2]) throw new Error(`quote without speaker at ${i}`);
      open = { kind, start: body.length, speaker: kind === 'quote' && mark[2] !== '-' ? mark[2] : null };
      i += mark[0].length;
    } else if (source[i] === '}' && open) {
      gold.push({ ...open, end: body.length, text: body.slice(open.start) });
      open = null;
      i += 1;
    } else {
      body += source[i];
      i += 1;
    }
  }
  if (open) throw new Error('unclosed mark');
  return { body, gold };
}

export function loadAnnotated(): AnnotatedArticle[] {
  const splits = JSON.parse(readFileSync(path.join(FIXTURES, 'splits.json'), 'utf8')) as Record<
    string,
    { style: string; split: 'tune' | 'held-out' }
  >;
  return readdirSync(FIXTURES)
    .filter((file) => file.endsWith('.annotated.txt'))
    .sort()
    .map((file) => {
      const name = file.replace(/\.annotated\.txt$/, '');
      if (!splits[name]) throw new Error(`${name} has no style/split in splits.json`);
      return { name, ...splits[name], ...parseAnnotated(readFileSync(path.join(FIXTURES, file), 'utf8')) };
    });
}

function matches(a: Span, b: Span): boolean {
  return overlapLength(a, b) >= 0.5 * Math.max(a.end - a.start, b.end - b.start);
}

/** Greedy one-to-one matching, largest overlap first. */
export function matchPairs<G extends Span, P extends Span>(gold: G[], predicted: P[]): Array<[G, P]> {
  const candidates: Array<{ g: number; p: number; overlap: number }> = [];
  gold.forEach((g, gi) => predicted.forEach((p, pi) => matches(g, p) && candidates.push({ g: gi, p: pi, overlap: overlapLength(g, p) })));
  candidates.sort((a, b) => b.overlap - a.overlap);
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  const pairs: Array<[G, P]> = [];
  for (const c of candidates) {
    if (usedG.has(c.g) || usedP.has(c.p)) continue;
    usedG.add(c.g);
    usedP.add(c.p);
    pairs.push([gold[c.g], predicted[c.p]]);
  }
  return pairs;
}

const normaliseSpeaker = (s: string) =>
  s
    .toLowerCase()
    .replace(/^(?:the|a|an)\s+/, '')
    .trim();

export function speakerAgrees(predicted: string | null, gold: string | null): boolean {
  if (predicted === null || gold === null) return predicted === gold;
  const p = normaliseSpeaker(predicted);
  const g = normaliseSpeaker(gold);
  return p.length > 0 && (p.includes(g) || g.includes(p));
}

/** A suggestion of a direct quotation (as opposed to reported speech, also typed 'quote'). */
const QUOTATION_MARK = /[“”"‘]/;
const isDirectQuote = (s: Suggestion) => s.type === 'quote' && QUOTATION_MARK.test(s.text);

export interface Tally {
  quoteGold: number;
  quotePredicted: number;
  quoteMatched: number;
  quotePrecisionRight: number;
  speakerRight: number;
  claimGold: number;
  claimMatched: number;
  predicted: number;
  notCheckWorthy: number;
}

const emptyTally = (): Tally => ({
  quoteGold: 0,
  quotePredicted: 0,
  quoteMatched: 0,
  quotePrecisionRight: 0,
  speakerRight: 0,
  claimGold: 0,
  claimMatched: 0,
  predicted: 0,
  notCheckWorthy: 0,
});

/** The quoted part of a span: first opening mark to last closing mark (the whole span when it has none). */
function quotedCore(body: string, span: Span): Span {
  const text = body.slice(span.start, span.end);
  const open = text.search(/[“"‘]/);
  const close = Math.max(text.lastIndexOf('”'), text.lastIndexOf('"'), text.lastIndexOf('’'));
  return open >= 0 && close > open ? { start: span.start + open, end: span.start + close + 1 } : span;
}

const coveredBy = (span: Span, others: Span[]) => others.reduce((n, o) => n + overlapLength(span, o), 0);

/**
 * Scores one article's suggestions against its gold items into `tally`; returns readable misses.
 * Quotes are compared by their quoted parts, so annotators and the engine may differ on how much
 * of the surrounding sentence, or how many quotation sentences, one item takes: a gold quotation is
 * found when one predicted quotation covers at least half of it (that prediction's speaker is scored),
 * and a predicted quotation is right when gold quotations cover at least half of it.
 * Number-free claims use the 50%-of-the-longer-span rule against predictions of any type.
 */
function score(article: AnnotatedArticle, predicted: Suggestion[], tally: Tally): string[] {
  const { body } = article;
  const misses: string[] = [];
  const quotesGold = article.gold.filter((g) => g.kind === 'quote').map((g) => ({ g, core: quotedCore(body, g) }));
  const quotesPredicted = predicted.filter(isDirectQuote).map((p) => ({ p, core: quotedCore(body, p) }));
  tally.quoteGold += quotesGold.length;
  tally.quotePredicted += quotesPredicted.length;
  for (const { g, core } of quotesGold) {
    const best = quotesPredicted.map((q) => ({ q, overlap: overlapLength(core, q.core) })).sort((a, b) => b.overlap - a.overlap)[0];
    if (!best || best.overlap < 0.5 * (core.end - core.start)) {
      misses.push(`missed quote: ${g.text.slice(0, 70)}`);
      continue;
    }
    tally.quoteMatched += 1;
    if (speakerAgrees(best.q.p.speaker, g.speaker)) tally.speakerRight += 1;
    else misses.push(`speaker: got ${best.q.p.speaker} want ${g.speaker}: ${g.text.slice(0, 60)}`);
  }
  const goldCores = quotesGold.map((q) => q.core);
  const rightQuotes = new Set(quotesPredicted.filter((q) => coveredBy(q.core, goldCores) >= 0.5 * (q.core.end - q.core.start)).map((q) => q.p));
  tally.quotePrecisionRight += rightQuotes.size;
  for (const { p } of quotesPredicted) if (!rightQuotes.has(p)) misses.push(`extra quote: ${p.text.slice(0, 70)}`);
  const claimsGold = article.gold.filter((g) => g.kind === 'claim');
  const claimPairs = matchPairs(claimsGold, predicted);
  tally.claimGold += claimsGold.length;
  tally.claimMatched += claimPairs.length;
  for (const g of claimsGold) if (!claimPairs.some(([pg]) => pg === g)) misses.push(`missed claim: ${g.text.slice(0, 70)}`);
  tally.predicted += predicted.length;
  // a direct quotation is judged by its quoted part above; anything else by the 50% rule against every gold item
  const others = article.gold.filter((g) => g.kind !== 'quote');
  for (const p of predicted) {
    if (rightQuotes.has(p) || (isDirectQuote(p) ? others : article.gold).some((g) => matches(g, p))) continue;
    tally.notCheckWorthy += 1;
    misses.push(`not check-worthy (${p.type}, ${p.reason}): ${p.text.slice(0, 70)}`);
  }
  return misses;
}

export interface Figures {
  quoteRecall: number;
  quotePrecision: number;
  speakerAccuracy: number;
  claimRecall: number;
  notCheckWorthyShare: number;
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

export function figures(t: Tally): Figures {
  return {
    quoteRecall: ratio(t.quoteMatched, t.quoteGold),
    quotePrecision: ratio(t.quotePrecisionRight, t.quotePredicted),
    speakerAccuracy: ratio(t.speakerRight, t.quoteMatched),
    claimRecall: ratio(t.claimMatched, t.claimGold),
    notCheckWorthyShare: ratio(t.notCheckWorthy, t.predicted),
  };
}

/** Tallies per style, per split, per split and style ("held-out/style:debate") and 'all', with the misses of each article. */
export function evaluateAnnotated(articles: AnnotatedArticle[], suggest: (body: string) => Suggestion[]) {
  const groups = new Map<string, Tally>();
  const misses = new Map<string, string[]>();
  const tallyOf = (key: string) => groups.get(key) ?? groups.set(key, emptyTally()).get(key)!;
  for (const article of articles) {
    const predicted = suggest(article.body);
    for (const key of [`style:${article.style}`, `split:${article.split}`, `${article.split}/style:${article.style}`, 'all'])
      score(article, predicted, tallyOf(key));
    misses.set(article.name, score(article, predicted, emptyTally()));
  }
  return { groups, misses };
}

/** The figures as an aligned text table, one row per group. */
export function formatTable(groups: Map<string, Tally>): string {
  const head = 'group                              quotes  recall  precision  speaker  claims  claim-recall  preds  not-check-worthy';
  const rows = [...groups].map(([key, t]) => {
    const f = figures(t);
    const cells = [
      key.padEnd(34),
      String(t.quoteGold).padStart(6),
      f.quoteRecall.toFixed(2).padStart(7),
      f.quotePrecision.toFixed(2).padStart(10),
      f.speakerAccuracy.toFixed(2).padStart(8),
      String(t.claimGold).padStart(7),
      f.claimRecall.toFixed(2).padStart(13),
      String(t.predicted).padStart(6),
      f.notCheckWorthyShare.toFixed(2).padStart(17),
    ];
    return cells.join(' ');
  });
  return [head, ...rows].join('\n');
}

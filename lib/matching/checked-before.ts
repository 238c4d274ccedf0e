import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { NotFound } from '@/lib/errors';
import { claimFeatures } from './claim-features';
import { matchFeatures, type MatchDetail } from './find-matches';

/** A sentence of an article that states a claim already verified in another article. */
export type CheckedBefore = { start: number; end: number; text: string; match: MatchDetail };

// Sentences end at . ! ? (with closing quotes) or a line break; good enough for markers, no NLP pass needed.
const SENTENCE = /[^\s][^\n]*?(?:[.!?]+[”"’)]*(?=\s|$)|(?=\n)|$)/g;
/** Sentences shorter than this rarely state a checkable claim and match too loosely. */
const MIN_WORDS = 5;
// A smaller full-text budget and fewer candidates than one claim's matches: an article has about 100 sentences
// and the whole pass must take under 100 ms (see bench/benches/matches.ts). At 100k claims, 2,000 words: budget 1500
// and 15 candidates took 120 ms CPU (p50), 600 and 8 took 89 ms, marking the same sentences.
const PASS_BUDGET = 600;
const PASS_CANDIDATES = 8;
/**
 * Sentences one pass compares at most (about 35,000 words): each costs ~0.7 ms CPU at 100k claims, and a
 * 200,000-word article's 10,000 sentences took 19 s. Longer articles are compared up to here, and the panel says so.
 */
export const PASS_SENTENCES = 2_000;
/** Work between two turns of the event loop: on SQLite the queries never wait, so the pass must hand back the thread. */
const SLICE_MS = 10;

/** The marked sentences, and how many of the article's sentences were compared (all unless past PASS_SENTENCES). */
export type CheckedBeforePass = { sentences: CheckedBefore[]; checked: number; total: number };

/** Sentence spans of `text` with at least MIN_WORDS words. */
export function sentenceSpans(text: string): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  for (const m of text.matchAll(SENTENCE)) {
    if (m[0].split(/\s+/).length >= MIN_WORDS) out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return out;
}

/**
 * The "checked before" pass: sentences of `text` whose best match among verified claims the actor may see
 * (in other articles than `articleId`) is labelled `same`.
 */
export async function checkedBeforeInText(actor: Actor, text: string, articleId?: number): Promise<CheckedBeforePass> {
  const out: CheckedBefore[] = [];
  const spans = sentenceSpans(text);
  const checked = spans.slice(0, PASS_SENTENCES);
  let slice = performance.now();
  // One sentence at a time: each is a few cached counts and one indexed query. Four at once on PostgreSQL was no
  // faster at 100k claims (the database's CPU is the limit) and would hold four pooled connections per pass.
  for (const s of checked) {
    // Other requests are served between slices instead of waiting for the whole pass.
    if (performance.now() - slice > SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      slice = performance.now();
    }
    const [best] = await matchFeatures(
      actor,
      { text: s.text, features: claimFeatures(s.text), limit: 1 },
      { verifiedOnly: true, excludeArticleId: articleId, budget: PASS_BUDGET, candidates: PASS_CANDIDATES },
    );
    if (best?.relation === 'same') out.push({ ...s, match: best });
  }
  return { sentences: out, checked: checked.length, total: spans.length };
}

/** checkedBeforeInText over an article's text. Throws NotFound for an unknown article. */
export async function findCheckedBefore({ actor, articleId }: { actor: Actor; articleId: number }): Promise<CheckedBeforePass> {
  assertCan(actor, 'article:read');
  const [article] = await getDb().select({ text: articles.bodyText }).from(articles).where(eq(articles.id, articleId));
  if (!article) throw NotFound('Article');
  return checkedBeforeInText(actor, article.text, articleId);
}

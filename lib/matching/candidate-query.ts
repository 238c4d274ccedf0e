import { stemmer } from 'stemmer';
import { sql } from 'drizzle-orm';
import type { ClaimStatus } from '@/db/schema';
import type { DbOrTx } from '@/lib/review/record-event';
import { isStopWord } from './claim-features';

/** How many full-text hits are re-ranked; more finds reworded claims further down bm25, at a cost per hit. */
export const CANDIDATES = 40;
/** Query words used for retrieval: the longest content words carry the most meaning and cost the least. */
const MAX_TERMS = 10;

/** A claim the full-text index proposed, with what the re-ranker and the response need. */
export type Candidate = {
  id: number;
  articleId: number;
  articleTitle: string;
  publishedAt: string | null;
  articleCreatedAt: number;
  claimText: string;
  claimant: string;
  status: ClaimStatus;
  authorId: number;
  familyId: number | null;
  verdictLabel: string | null;
};

/**
 * An FTS5 OR-query of stem prefixes ("vehicl"* matches vehicle and vehicles) over the claim's content words,
 * or null when it has none. Every term is quoted, so claim text can never be FTS syntax.
 */
export function candidateQuery(text: string): string | null {
  const words = (text.toLowerCase().match(/\p{L}[\p{L}\p{N}]*/gu) ?? []).filter((w) => w.length > 2 && !isStopWord(w));
  const terms = [...new Set(words.map((w) => stemmer(w).replace(/[^\p{L}\p{N}]/gu, '')))]
    .filter((t) => t.length > 2)
    .sort((a, b) => b.length - a.length)
    .slice(0, MAX_TERMS);
  return terms.length ? `{claim_text exact} : (${terms.map((t) => `"${t}"*`).join(' OR ')})` : null;
}

/**
 * The best bm25 hits for `match` with their article and verdict, optionally only verified claims.
 * Ranking happens inside the FTS table before the join, as in searchClaims (joining first carries every hit).
 */
export function loadCandidates(db: DbOrTx, match: string, options: { verifiedOnly?: boolean; limit?: number } = {}): Candidate[] {
  const verified = options.verifiedOnly ? sql`where c.status = 'verified'` : sql``;
  // Over-fetch for the verified-only pass, since most hits may be in other states.
  const limit = options.limit ?? CANDIDATES;
  return db.all<Candidate>(sql`
    select c.id, c.article_id as articleId, a.title as articleTitle, a.published_at as publishedAt,
      a.created_at as articleCreatedAt, c.claim_text as claimText, c.claimant, c.status, c.author_id as authorId,
      c.family_id as familyId, v.label as verdictLabel
    from (
      select rowid, bm25(claims_fts, 10.0, 0.0, 0.0, 0.0, 2.0) as rank from claims_fts
      where claims_fts match ${match}
      order by rank limit ${limit}
    ) hits
    join claims c on c.id = hits.rowid
    join articles a on a.id = c.article_id
    left join verdict_scale v on v.id = c.verdict_id
    ${verified}
    order by hits.rank, c.id
  `);
}

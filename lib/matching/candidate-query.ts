import type Database from 'better-sqlite3';
import { stemmer } from 'stemmer';
import { sql } from 'drizzle-orm';
import type { ClaimStatus } from '@/db/schema';
import type { DbOrTx } from '@/db/client';
import { isStopWord } from './claim-features';
import { documentFrequency } from './term-stats';

/** How many full-text hits are re-ranked; more finds reworded claims further down bm25, at a cost per hit. */
const CANDIDATES = 40;
/** At most this many OR-ed words per query. */
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
 * Claims a query may rank with bm25, summed over its terms: ranking costs about 1 ms per thousand matching claims,
 * so the query keeps the rarest words up to this budget (the words that tell claims apart), measured at 100k claims.
 */
const DOC_BUDGET = 4000;

/** A full-text query for candidates: `ranked` queries are ordered by bm25, the others take the newest hits. */
export type CandidateQuery = { match: string; ranked: boolean };

/**
 * An FTS5 query for claims like `text`, or null when it has no indexed word. Its rarest content words (as stem
 * prefixes: "vehicl"* matches vehicle and vehicles) and digit groups are OR-ed and ranked by bm25 while their
 * document counts fit `budget`. When not even the rarest word fits (every word is in thousands of claims), the
 * three rarest are AND-ed instead and the newest hits taken unranked, which stops early however common they are.
 * Every term is quoted, so claim text can never be FTS syntax.
 */
export function candidateQuery(sqlite: Database.Database, text: string, budget = DOC_BUDGET): CandidateQuery | null {
  const lower = text.toLowerCase();
  const words = (lower.match(/\p{L}[\p{L}\p{N}]*/gu) ?? []).filter((w) => w.length > 2 && !isStopWord(w));
  const stems = new Set(words.map((w) => stemmer(w).replace(/[^\p{L}\p{N}]/gu, '')).filter((t) => t.length > 2));
  const digits = new Set((lower.match(/\d+/g) ?? []).filter((d) => d.length > 1 && /[1-9]/.test(d)));
  const terms = [
    ...[...stems].map((t) => ({ fts: `"${t}"*`, docs: documentFrequency(sqlite, t) })),
    ...[...digits].map((t) => ({ fts: `"${t}"`, docs: documentFrequency(sqlite, t, true) })),
  ]
    .filter((t) => t.docs > 0)
    .sort((a, b) => a.docs - b.docs);
  if (terms.length === 0) return null;
  const parts: string[] = [];
  let total = 0;
  for (const t of terms) {
    if (parts.length >= MAX_TERMS || total + t.docs > budget) break;
    parts.push(t.fts);
    total += t.docs;
  }
  const columns = '{claim_text exact} : ';
  if (parts.length) return { match: `${columns}(${parts.join(' OR ')})`, ranked: true };
  return { match: `${columns}(${terms.slice(0, 3).map((t) => t.fts).join(' AND ')})`, ranked: false };
}

/**
 * The best hits for `query` (bm25 order when ranked) with their article and verdict, optionally only verified claims.
 * Ranking happens inside the FTS table before the join, as in searchClaims (joining first carries every hit).
 */
export function loadCandidates(db: DbOrTx, query: CandidateQuery, options: { verifiedOnly?: boolean; limit?: number } = {}): Candidate[] {
  // `+` keeps SQLite from walking the status index over every verified claim (600 ms at 100k) instead of
  // filtering the few ranked hits.
  const verified = options.verifiedOnly ? sql`where +c.status = 'verified'` : sql``;
  const limit = options.limit ?? CANDIDATES;
  return db.all<Candidate>(sql`
    select c.id, c.article_id as articleId, a.title as articleTitle, a.published_at as publishedAt,
      a.created_at as articleCreatedAt, c.claim_text as claimText, c.claimant, c.status, c.author_id as authorId,
      c.family_id as familyId, v.label as verdictLabel
    from (
      select rowid, ${query.ranked ? sql`bm25(claims_fts, 10.0, 0.0, 0.0, 0.0, 2.0)` : sql`0`} as rank from claims_fts
      where claims_fts match ${query.match}
      order by ${query.ranked ? sql`rank` : sql`rowid desc`} limit ${limit}
    ) hits
    join claims c on c.id = hits.rowid
    join articles a on a.id = c.article_id
    left join verdict_scale v on v.id = c.verdict_id
    ${verified}
    order by hits.rank, c.id
  `);
}

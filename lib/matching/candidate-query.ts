import { stemmer } from 'stemmer';
import { sql, type SQL } from 'drizzle-orm';
import type { ClaimStatus } from '@/db/schema';
import { dbEngine, queryRows, type DbOrTx } from '@/db/client';
import { searchToken, tsLexeme } from '@/lib/search/fts-query';
import { isStopWord } from './claim-features';
import { claimCount, documentFrequency } from './term-stats';

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

/** One word of a candidate query: a stem prefix or a whole number, with the number of claims containing it. */
export type CandidateTerm = { token: string; prefix: boolean; docs: number };

/** A full-text query for candidates: `ranked` queries OR their terms and rank, the others AND them and take the newest hits. */
export type CandidateQuery = { terms: CandidateTerm[]; ranked: boolean };

/**
 * A full-text query for claims like `text`, or null when it has no indexed word. Its rarest content words (as stem
 * prefixes: vehicl* matches vehicle and vehicles) and digit groups are OR-ed and ranked while their document counts
 * fit `budget`. When not even the rarest word fits (every word is in thousands of claims), the three rarest are
 * AND-ed instead and the newest hits taken unranked, which stops early however common they are.
 */
export async function candidateQuery(text: string, budget = DOC_BUDGET): Promise<CandidateQuery | null> {
  const lower = searchToken(text);
  const words = (lower.match(/\p{L}[\p{L}\p{N}]*/gu) ?? []).filter((w) => w.length > 2 && !isStopWord(w));
  const stems = new Set(words.map((w) => stemmer(w).replace(/[^\p{L}\p{N}]/gu, '')).filter((t) => t.length > 2));
  const digits = new Set((lower.match(/\d+/g) ?? []).filter((d) => d.length > 1 && /[1-9]/.test(d)));
  const counted = await Promise.all([
    ...[...stems].map(async (token) => ({ token, prefix: true, docs: await documentFrequency(token) })),
    ...[...digits].map(async (token) => ({ token, prefix: false, docs: await documentFrequency(token, true) })),
  ]);
  const terms = counted.filter((t) => t.docs > 0).sort((a, b) => a.docs - b.docs);
  if (terms.length === 0) return null;
  const ranked: CandidateTerm[] = [];
  let total = 0;
  for (const t of terms) {
    if (ranked.length >= MAX_TERMS || total + t.docs > budget) break;
    ranked.push(t);
    total += t.docs;
  }
  if (ranked.length) return { terms: ranked, ranked: true };
  return { terms: terms.slice(0, 3), ranked: false };
}

/** Options of loadCandidates: only verified claims, how many, and which claims the actor may see (SQL over `c`). */
export type CandidateOptions = { verifiedOnly?: boolean; limit?: number; visible?: SQL };

/**
 * The best hits for `query` (best first when ranked, else newest first) with their article and verdict. Ranking
 * happens on the index before the join, as in searchClaims (joining first carries every hit); the verified and
 * visibility filters apply to that page of hits.
 */
export async function loadCandidates(db: DbOrTx, query: CandidateQuery, options: CandidateOptions = {}): Promise<Candidate[]> {
  const hits = dbEngine() === 'postgres' ? await hitsPostgres(query) : hitsSqlite(query);
  // SQLite: `+` keeps it from walking the status index over every verified claim (600 ms at 100k) instead of
  // filtering the few ranked hits. PostgreSQL has no unary plus on text (nor that plan).
  const status = dbEngine() === 'postgres' ? sql`c.status` : sql`+c.status`;
  const filters = [options.verifiedOnly ? sql`${status} = 'verified'` : undefined, options.visible].filter((f): f is SQL => f !== undefined);
  return queryRows<Candidate>(
    db,
    sql`
    select c.id, c.article_id as "articleId", a.title as "articleTitle", a.published_at as "publishedAt",
      a.created_at as "articleCreatedAt", c.claim_text as "claimText", c.claimant, c.status, c.author_id as "authorId",
      c.family_id as "familyId", v.label as "verdictLabel"
    from (${hits(options.limit ?? CANDIDATES)}) hits
    join claims c on c.id = hits.id
    join articles a on a.id = c.article_id
    left join verdict_scale v on v.id = c.verdict_id
    ${filters.length ? sql`where ${sql.join(filters, sql` and `)}` : sql``}
    order by hits.rank, c.id
  `,
  );
}

/** SQLite: FTS5 over the claim text and quoted span, bm25 weighting the claim text above the quote. */
function hitsSqlite(query: CandidateQuery): (limit: number) => SQL {
  const terms = query.terms.map((t) => `"${t.token}"${t.prefix ? '*' : ''}`);
  const match = `{claim_text exact} : (${terms.join(query.ranked ? ' OR ' : ' AND ')})`;
  return (limit) => sql`
    select rowid as id, ${query.ranked ? sql`bm25(claims_fts, 10.0, 0.0, 0.0, 0.0, 2.0)` : sql`0`} as rank from claims_fts
    where claims_fts match ${match}
    order by ${query.ranked ? sql`rank` : sql`rowid desc`} limit ${limit}`;
}

/**
 * PostgreSQL: the same terms restricted to weight A (claim text and quoted span). Ranked like bm25 with one
 * occurrence per term: the summed inverse document frequency of the terms a claim contains (over the counts
 * candidateQuery already has; ts_rank knows no document frequencies), so rare shared words count most.
 */
async function hitsPostgres(query: CandidateQuery): Promise<(limit: number) => SQL> {
  const lexemes = query.terms.map((t) => tsLexeme(t.token, t.prefix, 'A'));
  const match = lexemes.join(query.ranked ? ' | ' : ' & ');
  if (!query.ranked) {
    return (limit) => sql`select id, 0 as rank from claims where search @@ cast(${match} as tsquery) order by id desc limit ${limit}`;
  }
  const n = await claimCount();
  const idf = (docs: number) => Math.log((n - docs + 0.5) / (docs + 0.5) + 1);
  const score = sql.join(
    query.terms.map((t, i) => sql`case when search @@ cast(${lexemes[i]} as tsquery) then cast(${idf(t.docs)} as double precision) else 0 end`),
    sql` + `,
  );
  // Divided by 1 + log(length) as FTS5's bm25 normalises by the whole row's length: at 100k claims the best
  // match of 40 sampled claims is the same as SQLite's for 38 (23 without it), 94% of the top 10 shared.
  return (limit) => sql`
    select id, -(${score}) / (1 + ln(greatest(length(search), 1))) as rank from claims where search @@ cast(${match} as tsquery)
    order by rank, id limit ${limit}`;
}

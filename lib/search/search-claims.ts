import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { dbEngine, getDb, queryRows } from '@/db/client';
import { articles, claims, verdictScale, type ClaimStatus } from '@/db/schema';
import { claimHasTag, tagFilterInput } from '@/lib/claims/tag-filter';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { draftVisibilityFilter, visibleClaimSql } from '@/lib/settings/draft-visibility';
import { parseInput, plainText } from '@/lib/validation';
import { ftsQuery, searchTerms, tsQuery } from './fts-query';
import { highlightHits, snippetHits } from './mark-hits';
import { HIT_CLOSE, HIT_OPEN } from './markers';

/** Input of searchClaims: the query text and how many hits to return. */
export const searchClaimsInput = z.strictObject({
  q: plainText().trim().max(200),
  /** Only claims carrying this tag (normalised); with an empty `q`, the tagged claims, latest change first. */
  tag: tagFilterInput().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

/** One ranked claim hit; the text fields carry HIT_OPEN/HIT_CLOSE markers around matched terms (never HTML). */
export type ClaimHit = {
  id: number;
  articleId: number;
  status: ClaimStatus;
  verdictLabel: string | null;
  verdictColor: string | null;
  rank: number;
  claimText: string;
  rationale: string;
  claimant: string;
  articleTitle: string;
};

// Column weights for bm25 in claims_fts order (claim_text, rationale, claimant, article_title, exact):
// words in the claim itself matter most, then who said it, then the article title and rationale.
const WEIGHTS = sql.raw('10.0, 3.0, 6.0, 4.0, 2.0');
// The same for ts_rank, by weight class {D, C, B, A} (db/migrations-pg/0002_search.sql): D rationale,
// C article title, B claimant, A claim text and quoted span (one class: PostgreSQL has four). ts_rank, like bm25,
// counts term frequencies; ts_rank_cd (cover density) ranked the same test cases but took twice as long on large
// match sets (85k matches at 100k claims: 145 vs 73 ms), and every match is ranked before the page is cut.
// Normalisation 1 divides by 1 + log(length), as bm25 favours shorter documents: at 100k claims the top 10 of
// 20 searches share 86% of their hits with SQLite's bm25 (7% without it).
const PG_WEIGHTS = sql.raw(`'{0.3, 0.4, 0.6, 1.0}'`);
/**
 * Most matches ranked by relevance. A query matching more claims than this returns the newest matches first,
 * unranked: relevance over thousands of matches of a common word or name says little, while ranking them costs
 * time proportional to every match (bm25 reads each word's whole doclist for its document frequency: 44 ms at 1M
 * claims for a word in 85% of them; ts_rank reads every match's vector). At most RANKED matches are ranked exactly.
 */
export const RANKED = 5000;
/** Tokens of snippet context, as snippet() takes them. */
const TEXT_TOKENS = 32;
const RATIONALE_TOKENS = 20;

/**
 * Claims whose text, rationale, claimant or article title contain every word of `q` (prefix match),
 * best match first (bm25 on SQLite, ts_rank on PostgreSQL; `rank` is lower for better hits on both), or newest
 * first with rank 0 when more than RANKED claims match,
 * with highlighted snippets. An empty or wordless query returns no hits.
 */
export async function searchClaims({ actor, input }: { actor: Actor; input: unknown }): Promise<ClaimHit[]> {
  assertCan(actor, 'claim:read');
  const { q, tag, limit } = parseInput(searchClaimsInput, input);
  const tagged = tag ? sql`and ${claimHasTag(sql`c.id`, tag)}` : null;
  if (tag && !searchTerms(q)) return listTagged(actor, tag, limit);
  return dbEngine() === 'postgres' ? searchPostgres(actor, q, limit, tagged) : searchSqlite(actor, q, limit, tagged);
}

/** The claims carrying `tag` that the actor may see, as unmarked hits, latest change first (a tag without words). */
async function listTagged(actor: Actor, tag: string, limit: number): Promise<ClaimHit[]> {
  const where: (SQL | undefined)[] = [claimHasTag(claims.id, tag), draftVisibilityFilter(actor)];
  return getDb()
    .select({
      id: claims.id,
      articleId: claims.articleId,
      status: claims.status,
      verdictLabel: verdictScale.label,
      verdictColor: verdictScale.color,
      rank: sql<number>`0`,
      claimText: claims.claimText,
      rationale: claims.rationale,
      claimant: claims.claimant,
      articleTitle: articles.title,
    })
    .from(claims)
    .innerJoin(articles, eq(articles.id, claims.articleId))
    .leftJoin(verdictScale, eq(verdictScale.id, claims.verdictId))
    .where(and(...where))
    .orderBy(desc(claims.updatedAt), desc(claims.id))
    .limit(limit);
}

async function searchSqlite(actor: Actor, q: string, limit: number, tagged: SQL | null): Promise<ClaimHit[]> {
  const match = ftsQuery(q);
  if (!match) return [];
  const open = HIT_OPEN;
  const close = HIT_CLOSE;
  // Rank inside the FTS table alone, then join the page of hits: joining first made SQLite carry every match
  // through the join before sorting (38 ms vs 13 ms for a 28k-match word at 100k claims).
  // Hidden drafts are left out inside the FTS subquery, so the limit counts visible hits only, by a lookup per match:
  // as `rowid in (visible claims)` SQLite tested every visible claim against FTS5 (an editor's search at 100k claims:
  // 13-34 s; now 3-4 ms).
  const visible =
    draftVisibilityFilter(actor) === undefined && !tagged
      ? sql``
      : sql`and exists (select 1 from claims c where c.id = claims_fts.rowid and ${visibleClaimSql(actor, 'c')} ${tagged ?? sql``})`;
  // More than RANKED matches: newest first (FTS5 reads the doclists lazily, newest rowid first, and stops).
  const broad = await queryRows<{ id: number }>(
    getDb(),
    sql`select claims_fts.rowid as id from claims_fts where claims_fts match ${match} ${visible}
      order by claims_fts.rowid desc limit 1 offset ${RANKED}`,
  );
  const rank = broad.length ? sql`0` : sql`bm25(claims_fts, ${WEIGHTS})`;
  return queryRows<ClaimHit>(
    getDb(),
    sql`
    select c.id as id, c.article_id as "articleId", c.status as status,
      v.label as "verdictLabel", v.color as "verdictColor",
      hits.rank, hits.claimText as "claimText", hits.rationale, hits.claimant, hits.articleTitle as "articleTitle"
    from (
      select claims_fts.rowid as rowid, ${rank} as rank,
        snippet(claims_fts, 0, ${open}, ${close}, '…', ${sql.raw(String(TEXT_TOKENS))}) as claimText,
        snippet(claims_fts, 1, ${open}, ${close}, '…', ${sql.raw(String(RATIONALE_TOKENS))}) as rationale,
        highlight(claims_fts, 2, ${open}, ${close}) as claimant,
        highlight(claims_fts, 3, ${open}, ${close}) as articleTitle
      from claims_fts
      where claims_fts match ${match} ${visible}
      order by ${broad.length ? sql`claims_fts.rowid desc` : sql`rank, claims_fts.rowid`}
      limit ${limit}
    ) hits
    join claims c on c.id = hits.rowid
    left join verdict_scale v on v.id = c.verdict_id
    order by hits.rank, ${broad.length ? sql`c.id desc` : sql`c.id`}
  `,
  );
}

/**
 * The same on PostgreSQL: the GIN index finds the hits (or a backward primary-key scan finds the newest, for
 * common words), ts_rank ranks them, mark-hits.ts marks the page's text.
 */
async function searchPostgres(actor: Actor, q: string, limit: number, tagged: SQL | null): Promise<ClaimHit[]> {
  const terms = searchTerms(q);
  const query = tsQuery(q);
  if (!terms || !query) return [];
  const matching = sql`c.search @@ cast(${query} as tsquery) and ${visibleClaimSql(actor, 'c')} ${tagged ?? sql``}`;
  const broad = await queryRows<{ id: number }>(
    getDb(),
    sql`select c.id from claims c where ${matching} order by c.id desc limit 1 offset ${RANKED}`,
  );
  const hits = broad.length
    ? sql`select c.id, 0 as rank from claims c where ${matching} order by c.id desc limit ${limit}`
    : sql`select c.id, -ts_rank(${PG_WEIGHTS}, c.search, cast(${query} as tsquery), 1) as rank from claims c
        where ${matching} order by rank, c.id limit ${limit}`;
  const rows = await queryRows<ClaimHit>(
    getDb(),
    sql`
    select c.id, c.article_id as "articleId", c.status, v.label as "verdictLabel", v.color as "verdictColor",
      hits.rank, c.claim_text as "claimText", c.rationale, c.claimant, a.title as "articleTitle"
    from (${hits}) hits
    join claims c on c.id = hits.id
    join articles a on a.id = c.article_id
    left join verdict_scale v on v.id = c.verdict_id
    order by hits.rank, ${broad.length ? sql`c.id desc` : sql`c.id`}
  `,
  );
  return rows.map((r) => ({
    ...r,
    claimText: snippetHits(r.claimText, terms, TEXT_TOKENS),
    rationale: snippetHits(r.rationale, terms, RATIONALE_TOKENS),
    claimant: highlightHits(r.claimant, terms),
    articleTitle: highlightHits(r.articleTitle, terms),
  }));
}

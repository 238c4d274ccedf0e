import { sql, type SQL } from 'drizzle-orm';
import type { ClaimStatus, ClaimType } from '@/db/schema';
import { dbEngine } from '@/db/client';
import type { ExportReader } from './export-reader';
import type { ExportAppearance, ExportRow, ExportSource, ExportVerdict } from './export-row';

/** Validated export filters (see export-claims.ts for the input schema). Dates are YYYY-MM-DD on reviewed_at, UTC. */
export type ExportFilters = {
  statuses: ClaimStatus[];
  types?: ClaimType[];
  articleId?: number;
  verdictId?: number;
  /** One claim (the public fact-check page). */
  claimId?: number;
  from?: string;
  to?: string;
  /** The draft-visibility rule over `claims c` (visibleClaimSql); absent means every claim. */
  visible?: SQL;
};

/** WHERE condition over `claims c` (only claim columns, so count and stream share it). */
export function whereClause(f: ExportFilters): SQL {
  const parts: SQL[] = [sql`c.status in (${sql.join(f.statuses.map((s) => sql`${s}`), sql`, `)})`];
  if (f.types?.length) parts.push(sql`c.type in (${sql.join(f.types.map((t) => sql`${t}`), sql`, `)})`);
  if (f.articleId) parts.push(sql`c.article_id = ${f.articleId}`);
  if (f.verdictId) parts.push(sql`c.verdict_id = ${f.verdictId}`);
  if (f.claimId) parts.push(sql`c.id = ${f.claimId}`);
  // reviewed_at is stored in ms; the range covers whole UTC days.
  if (f.from) parts.push(sql`c.reviewed_at >= ${Date.parse(`${f.from}T00:00:00.000Z`)}`);
  if (f.to) parts.push(sql`c.reviewed_at <= ${Date.parse(`${f.to}T23:59:59.999Z`)}`);
  if (f.visible) parts.push(f.visible);
  return sql.join(parts, sql` and `);
}

// One row per (claim, source) pair, ordered by claim id so a claim's rows are adjacent and can be grouped
// while streaming: memory holds one claim at a time, and there is no second query per batch.
// Tags come as one newline-separated cell (a normalised tag holds no line break); the aggregate's name differs.
const select = () => sql.raw(`
select ${dbEngine() === 'postgres' ? "(select string_agg(t.tag, chr(10)) from claim_tags t where t.claim_id = c.id)" : '(select group_concat(t.tag, char(10)) from claim_tags t where t.claim_id = c.id)'} as tags,
  c.id, c.article_id, a.title as article_title, a.source_url as article_url, a.publisher as article_publisher,
  a.published_at as article_published_at, c.start, c."end", c.exact, c.prefix, c.suffix, c.type, c.claimant, c.claimant_kind,
  c.claim_text, c.summary, c.status, c.family_id, v.id as verdict_id, v.label as verdict_label, v.rating as verdict_rating,
  v.unrated as verdict_unrated, c.rationale, c.author_id, au.name as author_name, rv.name as reviewer_name, c.created_at, c.updated_at, c.reviewed_at,
  s.url as src_url, s.title as src_title, s.publisher as src_publisher, cs.relation as src_relation, cs.excerpt as src_excerpt
from claims c
join articles a on a.id = c.article_id
join users au on au.id = c.author_id
left join users rv on rv.id = c.reviewer_id
left join verdict_scale v on v.id = c.verdict_id
left join claim_sources cs on cs.claim_id = c.id
left join sources s on s.id = cs.source_id`);

/** camelCase -> snake_case, as SELECT aliases its columns. */
type Snake<S extends string> = S extends `${infer C}${infer Rest}` ? `${C extends Lowercase<C> ? C : `_${Lowercase<C>}`}${Snake<Rest>}` : S;
/** The columns a flat SELECT returns for `T`: snake_case names after `P`, dates as epoch ms (how drizzle stores them). */
type Columns<T, P extends string = ''> = {
  [K in keyof T & string as `${P}${Snake<K>}`]-?: Exclude<T[K], undefined> extends infer V ? (V extends Date ? number : V) : never;
};
type OrNull<T> = { [K in keyof T]: T[K] | null };

/** One row of SELECT, derived from ExportRow: a field added to or retyped there changes here too. */
type RawRow = Columns<Omit<ExportRow, 'article' | 'verdict' | 'sources' | 'appearances' | 'tags'>> & { tags: string | null } &
  Columns<ExportRow['article'], 'article_'> &
  OrNull<Columns<Omit<ExportVerdict, 'unrated'>, 'verdict_'>> & { /** 0 or 1 on SQLite, a boolean on PostgreSQL. */ verdict_unrated: number | boolean | null } &
  OrNull<Columns<ExportSource, 'src_'>>;

function toExportRow(r: RawRow): ExportRow {
  return {
    id: r.id,
    article: { id: r.article_id, title: r.article_title, url: r.article_url, publisher: r.article_publisher, publishedAt: r.article_published_at },
    start: r.start,
    end: r.end,
    exact: r.exact,
    prefix: r.prefix,
    suffix: r.suffix,
    type: r.type,
    claimant: r.claimant,
    claimantKind: r.claimant_kind,
    claimText: r.claim_text,
    summary: r.summary,
    status: r.status,
    verdict:
      r.verdict_id === null ? null : { id: r.verdict_id, label: r.verdict_label!, rating: r.verdict_rating!, unrated: Boolean(r.verdict_unrated) },
    rationale: r.rationale,
    authorId: r.author_id,
    authorName: r.author_name,
    reviewerName: r.reviewer_name,
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
    reviewedAt: r.reviewed_at === null ? null : new Date(r.reviewed_at),
    sources: [],
    tags: r.tags ? r.tags.split('\n').sort() : [],
    familyId: r.family_id,
    appearances: [],
  };
}

type FamilyRow = { family_id: number; id: number; article_id: number; title: string; source_url: string | null; publisher: string | null; published_at: string | null };

/**
 * Every appearance of the families of the exported claims, by family id, read before the cursor opens (a
 * connection runs one statement at a time). Only linked claims are held, not the export.
 */
async function familyAppearances(reader: ExportReader, where: SQL): Promise<Map<number, ExportAppearance[]>> {
  const rows = await reader.all<FamilyRow>(sql`
    select m.family_id, m.id, a.id as article_id, a.title, a.source_url, a.publisher, a.published_at
    from claims m join articles a on a.id = m.article_id
    where m.family_id in (select c.family_id from claims c where ${where} and c.family_id is not null)
    order by coalesce(a.published_at, ''), a.created_at, m.id`);
  const out = new Map<number, ExportAppearance[]>();
  for (const r of rows) {
    const list = out.get(r.family_id) ?? [];
    list.push({ claimId: r.id, article: { id: r.article_id, title: r.title, url: r.source_url, publisher: r.publisher, publishedAt: r.published_at } });
    out.set(r.family_id, list);
  }
  return out;
}

/**
 * Yields the claims matching `filters` in id order, each with its sources, reading the rows a batch at a time from
 * `reader` (see openExportReader); the caller closes it. Memory holds one claim (and the family appearances).
 */
export async function* streamClaims(reader: ExportReader, filters: ExportFilters): AsyncGenerator<ExportRow, void, undefined> {
  const where = whereClause(filters);
  const families = await familyAppearances(reader, where);
  let current: ExportRow | null = null;
  for await (const r of reader.rows<RawRow>(sql`${select()} where ${where} order by c.id, cs.source_id`)) {
    if (current?.id !== r.id) {
      if (current) yield current;
      current = toExportRow(r);
      const family = r.family_id === null ? undefined : families.get(r.family_id);
      current.appearances = family?.filter((m) => m.claimId !== r.id) ?? [];
    }
    if (r.src_url !== null) {
      current.sources.push({ url: r.src_url, title: r.src_title ?? '', publisher: r.src_publisher ?? '', relation: r.src_relation!, excerpt: r.src_excerpt ?? '' });
    }
  }
  if (current) yield current;
}

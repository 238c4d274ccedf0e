import { sql, type SQL } from 'drizzle-orm';
import type { ClaimStatus, ClaimType } from '@/db/schema';
import { isPostgres } from '@/db/engine';
import { claimHasTag } from '@/lib/claims/tag-filter';
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
  /** Some claims (the verified feed, webhooks); an empty list matches none. */
  claimIds?: number[];
  from?: string;
  to?: string;
  /** Normalised tag the claims must carry (tagFilterInput). */
  tag?: string;
  /** The draft-visibility rule over `claims c` (visibleClaimSql); absent means every claim. */
  visible?: SQL;
};

/** WHERE condition over `claims c` (only claim columns, so count and stream share it). */
export function whereClause(f: ExportFilters): SQL {
  const parts: SQL[] = [
    sql`c.status in (${sql.join(
      f.statuses.map((s) => sql`${s}`),
      sql`, `,
    )})`,
  ];
  if (f.types?.length)
    parts.push(
      sql`c.type in (${sql.join(
        f.types.map((t) => sql`${t}`),
        sql`, `,
      )})`,
    );
  if (f.articleId) parts.push(sql`c.article_id = ${f.articleId}`);
  if (f.verdictId) parts.push(sql`c.verdict_id = ${f.verdictId}`);
  if (f.claimId) parts.push(sql`c.id = ${f.claimId}`);
  if (f.claimIds)
    parts.push(
      f.claimIds.length
        ? sql`c.id in (${sql.join(
            f.claimIds.map((id) => sql`${id}`),
            sql`, `,
          )})`
        : sql`1 = 0`,
    );
  // reviewed_at is stored in ms; the range covers whole UTC days.
  if (f.from) parts.push(sql`c.reviewed_at >= ${Date.parse(`${f.from}T00:00:00.000Z`)}`);
  if (f.to) parts.push(sql`c.reviewed_at <= ${Date.parse(`${f.to}T23:59:59.999Z`)}`);
  if (f.tag) parts.push(claimHasTag(sql`c.id`, f.tag));
  if (f.visible) parts.push(f.visible);
  return sql.join(parts, sql` and `);
}

/** camelCase -> snake_case, as SELECT aliases its columns. */
type Snake<S extends string> = S extends `${infer C}${infer Rest}` ? `${C extends Lowercase<C> ? C : `_${Lowercase<C>}`}${Snake<Rest>}` : S;
/** The columns a flat SELECT returns for `T`: snake_case names after `P`, dates as epoch ms (how drizzle stores them). */
type Columns<T, P extends string = ''> = {
  [K in keyof T & string as `${P}${Snake<K>}`]-?: Exclude<T[K], undefined> extends infer V ? (V extends Date ? number : V) : never;
};
type OrNull<T> = { [K in keyof T]: T[K] | null };

/** One row of SELECT, derived from ExportRow: a field added to or retyped there changes here too. */
type RawRow = Columns<Omit<ExportRow, 'article' | 'verdict' | 'sources' | 'appearances' | 'tags'>> & { tags: string | null } & Columns<
    ExportRow['article'],
    'article_'
  > &
  OrNull<Columns<Omit<ExportVerdict, 'unrated'>, 'verdict_'>> & {
    /** 0 or 1 on SQLite, a boolean on PostgreSQL. */ verdict_unrated: number | boolean | null;
  } & { sources: string | null };

// One row per claim, in claim id order. A claim's sources come as one JSON array cell (an aggregate subquery), not as
// one joined row per source: a joined row repeats every claim column, and turning those into strings again per source
// cost about a third of an export. Rows are read as arrays (reader.tupleBatches): 100k objects with 30 named keys each cost
// more than the rest of the scan. COLUMNS is the one place that fixes their order: each pair is [SQL expression, the
// RawRow field it fills].
const TAGS = `(select ${isPostgres() ? 'string_agg(t.tag, chr(10))' : 'group_concat(t.tag, char(10))'} from claim_tags t where t.claim_id = c.id)`;
// [[url, title, publisher, relation, excerpt], ...] by source id; '[]' or null when the claim has none.
const SOURCE_FIELDS = 's.url, s.title, s.publisher, cs.relation, cs.excerpt';
const SOURCES = `(select ${
  isPostgres()
    ? `cast(json_agg(json_build_array(${SOURCE_FIELDS}) order by cs.source_id) as text)`
    : `json_group_array(json_array(${SOURCE_FIELDS}) order by cs.source_id)`
} from claim_sources cs join sources s on s.id = cs.source_id where cs.claim_id = c.id)`;
const COLUMNS = [
  ['c.id', 'id'],
  ['c.article_id', 'article_id'],
  ['a.title', 'article_title'],
  ['a.source_url', 'article_url'],
  ['a.publisher', 'article_publisher'],
  ['a.published_at', 'article_published_at'],
  ['c.start', 'start'],
  ['c."end"', 'end'],
  ['c.exact', 'exact'],
  ['c.prefix', 'prefix'],
  ['c.suffix', 'suffix'],
  ['c.type', 'type'],
  ['c.claimant', 'claimant'],
  ['c.claimant_kind', 'claimant_kind'],
  ['c.claim_text', 'claim_text'],
  ['c.summary', 'summary'],
  ['c.status', 'status'],
  ['c.family_id', 'family_id'],
  ['v.id', 'verdict_id'],
  ['v.label', 'verdict_label'],
  ['v.rating', 'verdict_rating'],
  ['v.unrated', 'verdict_unrated'],
  ['c.rationale', 'rationale'],
  ['c.author_id', 'author_id'],
  ['au.name', 'author_name'],
  ['rv.name', 'reviewer_name'],
  ['c.created_at', 'created_at'],
  ['c.updated_at', 'updated_at'],
  ['c.reviewed_at', 'reviewed_at'],
  [SOURCES, 'sources'],
  // Tags as one newline-separated cell (a normalised tag holds no line break); the aggregate's name differs.
  [TAGS, 'tags'],
] as const satisfies readonly (readonly [string, keyof RawRow])[];

// Every RawRow field has a column (a field added to ExportRow without one fails to compile here).
type Missing = Exclude<keyof RawRow, (typeof COLUMNS)[number][1]>;
const allColumns: [Missing] extends [never] ? true : Missing = true;
void allColumns;

const SELECT = sql.raw(`
select ${COLUMNS.map(([expr, alias]) => `${expr} as ${alias === 'end' ? '"end"' : alias}`).join(', ')}
from claims c
join articles a on a.id = c.article_id
join users au on au.id = c.author_id
left join users rv on rv.id = c.reviewer_id
left join verdict_scale v on v.id = c.verdict_id`);

/** Position of each RawRow field in a row of SELECT. */
const AT = Object.fromEntries(COLUMNS.map(([, alias], i) => [alias, i])) as { [K in keyof RawRow]: number };
/** One row of SELECT as an array (reader.tupleBatches). */
type Tuple = readonly unknown[];
const col = <K extends keyof RawRow>(t: Tuple, key: K) => t[AT[key]] as RawRow[K];

const tagList = (cell: string | null): string[] => (cell ? cell.split('\n').sort() : []);

type SourceTuple = [url: string, title: string, publisher: string, relation: ExportSource['relation'], excerpt: string];
const sourceList = (cell: string | null): ExportSource[] =>
  cell && cell !== '[]'
    ? (JSON.parse(cell) as SourceTuple[]).map(([url, title, publisher, relation, excerpt]) => ({ url, title, publisher, relation, excerpt }))
    : [];

function toExportRow(t: Tuple): ExportRow {
  const verdictId = col(t, 'verdict_id');
  const reviewedAt = col(t, 'reviewed_at');
  return {
    id: col(t, 'id'),
    article: {
      id: col(t, 'article_id'),
      title: col(t, 'article_title'),
      url: col(t, 'article_url'),
      publisher: col(t, 'article_publisher'),
      publishedAt: col(t, 'article_published_at'),
    },
    start: col(t, 'start'),
    end: col(t, 'end'),
    exact: col(t, 'exact'),
    prefix: col(t, 'prefix'),
    suffix: col(t, 'suffix'),
    type: col(t, 'type'),
    claimant: col(t, 'claimant'),
    claimantKind: col(t, 'claimant_kind'),
    claimText: col(t, 'claim_text'),
    summary: col(t, 'summary'),
    status: col(t, 'status'),
    verdict:
      verdictId === null
        ? null
        : { id: verdictId, label: col(t, 'verdict_label')!, rating: col(t, 'verdict_rating')!, unrated: Boolean(col(t, 'verdict_unrated')) },
    rationale: col(t, 'rationale'),
    authorId: col(t, 'author_id'),
    authorName: col(t, 'author_name'),
    reviewerName: col(t, 'reviewer_name'),
    createdAt: new Date(col(t, 'created_at')),
    updatedAt: new Date(col(t, 'updated_at')),
    reviewedAt: reviewedAt === null ? null : new Date(reviewedAt),
    sources: sourceList(col(t, 'sources')),
    tags: tagList(col(t, 'tags')),
    familyId: col(t, 'family_id'),
    appearances: [],
  };
}

type FamilyRow = {
  family_id: number;
  id: number;
  article_id: number;
  title: string;
  source_url: string | null;
  publisher: string | null;
  published_at: string | null;
};

/**
 * Every appearance of the families of the exported claims, by family id, read before the cursor opens (a
 * connection runs one statement at a time). Only linked claims are held, not the export. Driven from the family index
 * (linked claims only): asked as "claims c matching the filters with a family", SQLite walked the status index over
 * every exported claim, 0.5-0.9 s at 100k verified claims with no family at all.
 */
async function familyAppearances(reader: ExportReader, where: SQL): Promise<Map<number, ExportAppearance[]>> {
  const rows = await reader.all<FamilyRow>(sql`
    select m.family_id, m.id, a.id as article_id, a.title, a.source_url, a.publisher, a.published_at
    from claims m join articles a on a.id = m.article_id
    where m.family_id in (
      select f.family_id from claims f
      where f.family_id is not null and exists (select 1 from claims c where c.family_id = f.family_id and ${where}))
    order by coalesce(a.published_at, ''), a.created_at, m.id`);
  const out = new Map<number, ExportAppearance[]>();
  for (const r of rows) {
    const list = out.get(r.family_id) ?? [];
    list.push({
      claimId: r.id,
      article: { id: r.article_id, title: r.title, url: r.source_url, publisher: r.publisher, publishedAt: r.published_at },
    });
    out.set(r.family_id, list);
  }
  return out;
}

/**
 * Yields the claims matching `filters` in id order, each with its sources, a batch at a time (one await per batch, not
 * per claim), reading the rows from `reader` (see openExportReader); the caller closes it. Memory holds one batch (and
 * the family appearances).
 */
export async function* streamClaimBatches(reader: ExportReader, filters: ExportFilters): AsyncGenerator<ExportRow[], void, undefined> {
  const where = whereClause(filters);
  const families = await familyAppearances(reader, where);
  for await (const batch of reader.tupleBatches(sql`${SELECT} where ${where} order by c.id`)) {
    yield batch.map((t) => {
      const row = toExportRow(t);
      const family = row.familyId == null ? undefined : families.get(row.familyId);
      row.appearances = family?.filter((m) => m.claimId !== row.id) ?? [];
      return row;
    });
  }
}

/** streamClaimBatches one claim at a time. */
export async function* streamClaims(reader: ExportReader, filters: ExportFilters): AsyncGenerator<ExportRow, void, undefined> {
  for await (const batch of streamClaimBatches(reader, filters)) yield* batch;
}

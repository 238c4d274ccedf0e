import { and, asc, desc, eq, inArray, isNull, lte, sql, type AnyColumn, type SQL, type SQLWrapper } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, queryRows } from '@/db/client';
import { claims, CLAIM_STATUSES, CLAIM_TYPES, type ClaimStatus } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { Invalid } from '@/lib/errors';
import { draftVisibilityFilter } from '@/lib/settings/draft-visibility';
import { parseInput, plainText } from '@/lib/validation';
import { claimTextFilter, claimTextProbe, claimTextSource } from '@/lib/search/claim-text-filter';
import { getSettings } from '@/lib/settings/get-settings';
import { claimCountsByStatus } from './claim-counts';
import { selectClaims, withSources, type ClaimView } from './claim-view';
import { claimHasTag, tagFilterInput } from './tag-filter';
import { columnConditions, planColumnFilters, type ColumnFilter } from './plan-column-filters';
import { createdRange, planCreatedRange, type RangePlan } from './plan-created-range';

const csv = <T extends z.ZodType>(item: T) => z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item).min(1));

export const CLAIM_SORTS = ['updated_desc', 'updated_asc', 'created_desc', 'created_asc'] as const;

const filterShape = {
  articleId: z.coerce.number().int().positive().optional(),
  status: csv(z.enum(CLAIM_STATUSES)).optional(),
  type: csv(z.enum(CLAIM_TYPES)).optional(),
  verdict: z.coerce.number().int().positive().optional(),
  author: z.coerce.number().int().positive().optional(),
  /** `me` (the caller), `none` (unassigned) or a user id. */
  assignee: z
    .string()
    .regex(/^(me|none|[1-9][0-9]{0,15})$/, 'Use me, none or a user id.')
    .optional(),
  /** Claims carrying this tag (compared normalised). */
  tag: tagFilterInput().optional(),
  q: plainText().trim().max(200).optional(),
  from: z.iso.date('Use the form YYYY-MM-DD.').optional(),
  to: z.iso.date('Use the form YYYY-MM-DD.').optional(),
  /** Minimum whole days since the claim last changed (for "waiting longer than" in the review queue). */
  age: z.coerce.number().int().min(0).max(3650).optional(),
};

// Empty query parameters (a filter form's "any" option) mean "no filter", not a validation error.
const withoutEmpty = (v: unknown) =>
  v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== '')) : v;

export const listClaimsInput = z.preprocess(
  withoutEmpty,
  z.strictObject({
    ...filterShape,
    sort: z.enum(CLAIM_SORTS).default('updated_desc'),
    cursor: z.string().max(100).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  }),
);
export type ListClaimsInput = z.input<typeof listClaimsInput>;

export const countClaimsInput = z.preprocess(
  withoutEmpty,
  z.strictObject({ ...filterShape, sort: z.string().optional(), cursor: z.string().optional(), limit: z.string().optional() }),
);

type Filters = z.infer<z.ZodObject<typeof filterShape>>;

/**
 * SQL conditions for the shared filters (everything except sort and cursor). `columns`: filters on one column whose
 * matches are spread over every sort order (see planColumnFilters); `rest`: visibility, status, dates and text.
 * `range` says how a page meets the created-date range (see planCreatedRange): `read` keeps the status and the age
 * off their indexes too, so SQLite reads the range; `walk` keeps the range off its index.
 */
function filterConditions(
  actor: Actor,
  f: Filters,
  options: { ignoreStatus?: boolean; text?: SQL; range?: RangePlan } = {},
): { columns: ColumnFilter[]; rest: SQL[] } {
  const columns: ColumnFilter[] = [];
  const on = (column: AnyColumn, where: ColumnFilter['where']) => columns.push({ column, where });
  const offIndex = (column: AnyColumn): SQLWrapper => (options.range === 'read' ? sql`+${column}` : column);
  const rest: SQL[] = [];
  const visibility = draftVisibilityFilter(actor);
  if (visibility) rest.push(visibility);
  const { articleId, status, type, verdict, author, assignee, tag } = f;
  if (articleId) on(claims.articleId, (c) => eq(c, articleId));
  // Status stays on its indexes (unless the page reads a date range): (status, updated_at) and (status, id) already
  // walk a status in either sort order.
  if (status && !options.ignoreStatus) rest.push(inArray(offIndex(claims.status), status));
  if (type) on(claims.type, (c) => inArray(c, type));
  if (verdict) on(claims.verdictId, (c) => eq(c, verdict));
  if (author) on(claims.authorId, (c) => eq(c, author));
  if (assignee === 'none') on(claims.assigneeId, (c) => isNull(c));
  else if (assignee) on(claims.assigneeId, (c) => eq(c, assignee === 'me' ? actor.id : Number(assignee)));
  if (tag) on(claims.id, (c) => claimHasTag(c, tag));
  const range = createdRange(f.from, f.to);
  if (range) rest.push(range.where(options.range === 'walk' ? sql`+${claims.createdAt}` : claims.createdAt));
  if (f.age !== undefined) rest.push(lte(offIndex(claims.updatedAt), sql.param(new Date(Date.now() - f.age * 86_400_000), claims.updatedAt)));
  if (f.q) rest.push(options.text ?? claimTextFilter(f.q));
  return { columns, rest };
}

/**
 * Claims matching the filters, in keyset pages: `nextCursor` is null on the last page.
 * The cursor encodes the sort key and id of the last row, so a page never scans the rows before it.
 */
export async function listClaims({ actor, input }: { actor: Actor; input: unknown }): Promise<{ items: ClaimView[]; nextCursor: string | null }> {
  assertCan(actor, 'claim:read');
  const f = parseInput(listClaimsInput, input);
  const column = f.sort.startsWith('created') ? claims.id : claims.updatedAt;
  const ascending = f.sort.endsWith('asc');
  const after = (key: SQLWrapper) => {
    if (!f.cursor) return undefined;
    const [value, id] = decodeCursor(f.cursor);
    return ascending ? sql`(${key}, ${claims.id}) > (${value}, ${id})` : sql`(${key}, ${claims.id}) < (${value}, ${id})`;
  };
  const range = createdRange(f.from, f.to);
  const plan = range ? await planCreatedRange(range, { column, ascending, after: after(column) }, f.limit + 1) : 'plain';
  // Reading the range: the sort key off its index, or SQLite would walk it (as the keyset condition would start it).
  const sortKey = plan === 'read' ? sql`+${column}` : column;
  const { columns, rest } = filterConditions(actor, f, { text: await textProbe(f), range: plan });
  const where = [...rest, ...(await planColumnFilters(columns, f.limit + 1)), after(sortKey)];
  const order = ascending ? [asc(sortKey), asc(claims.id)] : [desc(sortKey), desc(claims.id)];
  const db = getDb();
  // Reading a range: the page's ids first, from the range's index alone where the filters allow, then their rows.
  const matching =
    plan === 'read'
      ? inArray(
          claims.id,
          db
            .select({ id: claims.id })
            .from(claims)
            .where(and(...where))
            .orderBy(...order)
            .limit(f.limit + 1),
        )
      : and(...where);
  const rows = await selectClaims(db)
    .where(matching)
    .orderBy(...order)
    .limit(f.limit + 1);
  const page = rows.slice(0, f.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > f.limit && last ? encodeCursor(column === claims.id ? last.id : last.updatedAt.getTime(), last.id) : null;
  return { items: await withSources(db, page, actor), nextCursor };
}

/**
 * The text filter tested row by row when `q` is the only filter narrowing the claims and the page is read newest
 * first: then the page walks every claim in sort order from the newest, and the share of matches among the newest
 * claims predicts how far it walks (see claimTextProbe).
 */
async function textProbe(f: z.infer<typeof listClaimsInput>): Promise<SQL | undefined> {
  const narrowed = Object.keys(filterShape).some((k) => k !== 'q' && f[k as keyof Filters] !== undefined);
  if (!f.q || narrowed || !f.sort.endsWith('desc')) return undefined;
  return (await claimTextProbe(f.q, f.limit + 1)) ?? undefined;
}

export type ClaimCounts = Record<ClaimStatus, number> & { total: number; capped?: undefined };
/** More than COUNT_CAP claims match: only that many is known, not how they split by status. */
export type CappedCounts = { total: number; capped: true };
/**
 * Where counting stops for filters the trigger-kept counts do not cover: counting every match of a broad filter read
 * up to every claim (1M claims: a verdict 150-530 ms, a word in most claims 300 ms); this many take a few ms. The
 * search page draws the same line (RANKED).
 */
export const COUNT_CAP = 5_000;

/**
 * Claim counts per status under the same filters as listClaims, ignoring the status filter itself (so a board can
 * show how many claims each status tab would hold). Sort, cursor and limit are accepted and ignored. Exact with no
 * filter but the type; with other filters, capped at COUNT_CAP.
 */
export async function countClaimsByStatus({ actor, input }: { actor: Actor; input: unknown }): Promise<ClaimCounts | CappedCounts> {
  assertCan(actor, 'claim:read');
  const f = parseInput(countClaimsInput, input);
  const fromCounts = await countsKeptByTriggers(actor, f);
  if (fromCounts) return withTotal(fromCounts);
  const source = f.q ? claimTextSource(f.q) : { from: sql`${claims}`, where: undefined };
  const { columns, rest } = filterConditions(actor, f, { ignoreStatus: true, text: source.where });
  const rows = await queryRows<{ status: ClaimStatus; n: number }>(
    getDb(),
    sql`select status, cast(count(*) as integer) as n
      from (select ${claims.status} as status from ${source.from} where ${and(...columnConditions(columns), ...rest)} limit ${COUNT_CAP + 1}) as matched
      group by status`,
  );
  const counts = Object.fromEntries(CLAIM_STATUSES.map((s) => [s, 0])) as Record<ClaimStatus, number>;
  for (const r of rows) counts[r.status] = Number(r.n);
  const total = withTotal(counts);
  return total.total > COUNT_CAP ? { total: COUNT_CAP, capped: true } : total;
}

/** Every claim the actor may see, per status (the dashboard's totals): kept by triggers, so exact at any size. */
export async function claimTotals({ actor }: { actor: Actor }): Promise<ClaimCounts> {
  assertCan(actor, 'claim:read');
  return withTotal((await countsKeptByTriggers(actor, {}))!);
}

const withTotal = (counts: Record<ClaimStatus, number>): ClaimCounts => ({ ...counts, total: Object.values(counts).reduce((n, x) => n + x, 0) });

/**
 * The counts from claim_counts when the only filter is the type (the board's tabs, the dashboard's totals); null
 * when another filter needs the claims themselves. Hidden drafts: the draft count is then the actor's own drafts.
 */
async function countsKeptByTriggers(actor: Actor, f: Filters): Promise<Record<ClaimStatus, number> | null> {
  const { type, ...rest } = f;
  // The status filter is ignored by the counts; sort, cursor and limit are accepted and ignored.
  const ignored = new Set(['status', 'sort', 'cursor', 'limit']);
  if (Object.entries(rest).some(([k, v]) => !ignored.has(k) && v !== undefined)) return null;
  const counts = await claimCountsByStatus(type);
  if (draftVisibilityFilter(actor) && !(await getSettings()).editorsSeeDrafts) {
    const own = [eq(claims.status, 'draft'), eq(claims.authorId, actor.id), ...(type ? [inArray(claims.type, type)] : [])];
    counts.draft = await getDb().$count(claims, and(...own));
  }
  return counts;
}

function encodeCursor(key: number, id: number): string {
  return Buffer.from(`${key}:${id}`).toString('base64url');
}

function decodeCursor(cursor: string): [number, number] {
  const [key, id] = Buffer.from(cursor, 'base64url').toString().split(':').map(Number);
  if (!Number.isFinite(key) || !Number.isInteger(id)) throw Invalid('Invalid cursor.', { cursor: 'Invalid cursor.' });
  return [key, id];
}

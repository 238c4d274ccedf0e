import { beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from './setup-db';
import { asyncErrorOf } from './app-error';
import { inArray, sql, type SQL } from 'drizzle-orm';
import { dbEngine, execute, getDb, queryRows } from '@/db/client';
import { compactClaimCounts } from '@/lib/claims/claim-counts';
import { createClaim } from '@/lib/claims/create-claim';
import { updateClaim } from '@/lib/claims/update-claim';
import { countClaimsByStatus, listClaims, CLAIM_SORTS, COUNT_CAP } from '@/lib/claims/list-claims';
import { planColumnFilters } from '@/lib/claims/plan-column-filters';
import { createdRange, planCreatedRange } from '@/lib/claims/plan-created-range';
import { claims } from '@/db/schema';
import { claimStats, weekStart } from '@/lib/review/claim-stats';
import { filterOptions } from '@/lib/review/filter-options';
import type { Actor } from '@/lib/auth/permissions';

let actors: Awaited<ReturnType<typeof freshDb>>['actors'];
/** Sets columns directly, for states and dates the services would not produce on their own. */
const update = (query: SQL) => execute(getDb(), query);

beforeEach(async () => {
  ({ actors } = await freshDb());
});

async function makeClaims(actor: Actor, n: number, type: 'statistic' | 'quote' = 'statistic') {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    ids.push((await createClaim({ actor, input: { articleId: 1, start: i, end: i + 5, type, claimText: `Claim ${type} ${i}` } })).id);
  }
  return ids;
}

/** Every page of a listing, following nextCursor. */
async function allPages(actor: Actor, input: Record<string, unknown>) {
  const pages: number[][] = [];
  let cursor: string | undefined;
  do {
    const page = await listClaims({ actor, input: { ...input, ...(cursor ? { cursor } : {}) } });
    pages.push(page.items.map((c) => c.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor && pages.length < 100);
  return pages;
}

describe('listClaims', () => {
  it('walks every claim exactly once through keyset pages in each sort order, even when timestamps tie', async () => {
    const ids = await makeClaims(actors.editor, 23);
    await update(sql`update claims set updated_at = 1700000000000 where id % 2 = 0`);
    for (const sort of CLAIM_SORTS) {
      const pages = await allPages(actors.editor, { sort, limit: 5 });
      expect(pages.map((p) => p.length)).toEqual([5, 5, 5, 5, 3]);
      const seen = pages.flat();
      expect(new Set(seen).size).toBe(23);
      expect([...seen].sort((a, b) => a - b)).toEqual(ids);
      if (sort === 'created_asc') expect(seen).toEqual(ids);
      if (sort === 'created_desc') expect(seen).toEqual([...ids].reverse());
    }
  });

  it('filters by status, type, verdict, author, article, dates and age, alone and together', async () => {
    const stats = await makeClaims(actors.editor, 3);
    const quotes = await makeClaims(actors.reviewer, 2, 'quote');
    const v = await updateClaim({ actor: actors.editor, id: stats[0], input: { version: 1, verdictId: 3 } });
    await update(sql`update claims set status = 'in_review' where id = ${quotes[0]}`);
    const jan10 = Date.parse('2025-01-10T12:00:00Z');
    await update(sql`update claims set created_at = ${jan10}, updated_at = ${jan10} where id = ${stats[2]}`);
    const ids = async (input: Record<string, unknown>) =>
      (await listClaims({ actor: actors.editor, input: { sort: 'created_asc', ...input } })).items.map((c) => c.id);
    expect(await ids({ type: 'quote' })).toEqual(quotes);
    expect(await ids({ status: 'in_review' })).toEqual([quotes[0]]);
    expect(await ids({ status: 'draft,in_review', type: 'quote' })).toEqual(quotes);
    expect(await ids({ verdict: '3' })).toEqual([v.id]);
    expect(await ids({ author: String(actors.reviewer.id) })).toEqual(quotes);
    expect(await ids({ articleId: '1', type: 'statistic' })).toEqual(stats);
    expect(await ids({ articleId: '99' })).toEqual([]);
    expect(await ids({ from: '2025-01-01', to: '2025-01-31' })).toEqual([stats[2]]);
    expect(await ids({ to: '2025-01-09' })).toEqual([]);
    expect(await ids({ age: '30' })).toEqual([stats[2]]);
    expect(await ids({ status: '', type: '', q: '' })).toHaveLength(5); // an empty form field means "any"
  });

  it('refuses unknown filters, bad values and forged cursors with field messages', async () => {
    const bad = async (input: Record<string, unknown>) => {
      const error = await asyncErrorOf(() => listClaims({ actor: actors.editor, input }));
      return [error.code, Object.keys(error.fields ?? {})];
    };
    expect(await bad({ status: 'approved' })).toEqual(['invalid', ['status.0']]);
    expect(await bad({ from: '10/01/2025' })).toEqual(['invalid', ['from']]);
    expect(await bad({ offset: '100' })).toEqual(['invalid', ['offset']]);
    expect(await bad({ cursor: 'bm90LWEtY3Vyc29y' })).toEqual(['invalid', ['cursor']]);
  });
});

describe('countClaimsByStatus', () => {
  it('counts each status under the other filters, ignoring the status filter itself', async () => {
    await makeClaims(actors.editor, 3);
    const quotes = await makeClaims(actors.editor, 2, 'quote');
    await update(sql`update claims set status = 'verified' where id = ${quotes[1]}`);
    expect(await countClaimsByStatus({ actor: actors.editor, input: { status: 'verified' } })).toEqual({
      draft: 4,
      in_review: 0,
      needs_changes: 0,
      verified: 1,
      rejected: 0,
      total: 5,
    });
    expect(await countClaimsByStatus({ actor: actors.editor, input: { type: 'quote', sort: 'updated_desc', cursor: 'x' } })).toMatchObject({
      draft: 1,
      verified: 1,
      total: 2,
    });
  });
});

describe('filtered pages and counts on a large board', () => {
  /** The SQL drizzle renders for a condition on claims. */
  const rendered = (condition: SQL) => getDb().select({ id: claims.id }).from(claims).where(condition).toSQL().sql;

  it('walks the sort index past a filter that keeps many claims, keeps the index of a narrow one, and pages the same', async () => {
    // 40 statistics and 2 quotes; a page of 5 (+1) breaks even at sqrt(6 * 42) = 16 matches.
    const stats = await makeClaims(actors.editor, 40);
    const quotes = await makeClaims(actors.editor, 2, 'quote');
    const [broad, narrow] = await planColumnFilters(
      [
        { column: claims.type, where: (c) => inArray(c, ['statistic']) },
        { column: claims.type, where: (c) => inArray(c, ['quote']) },
      ],
      6,
    );
    // Unary plus keeps SQLite off the type index; PostgreSQL plans with its own statistics and gets the plain column.
    expect(rendered(broad)).toContain(dbEngine() === 'sqlite' ? '+"claims"."type"' : '"claims"."type" in');
    expect(rendered(broad).includes('+')).toBe(dbEngine() === 'sqlite');
    expect(rendered(narrow)).not.toContain('+');
    expect((await allPages(actors.editor, { type: 'statistic', sort: 'created_desc', limit: 5 })).flat()).toEqual([...stats].reverse());
    expect((await allPages(actors.editor, { type: 'quote', sort: 'created_asc', limit: 5 })).flat()).toEqual(quotes);
  });

  it('stops counting at COUNT_CAP under filters the kept counts do not cover, and says so', async () => {
    const [first] = await makeClaims(actors.editor, 1);
    await update(sql`update claims set assignee_id = ${actors.reviewer.id} where id = ${first}`);
    // COUNT_CAP more unassigned copies of it, straight in SQL (services would take minutes).
    await update(sql`insert into claims (article_id, start, "end", exact, type, claim_text, author_id, updated_at)
      with recursive n(i) as (select 1 union all select i + 1 from n where i < ${COUNT_CAP})
      select article_id, start, "end", exact, type, claim_text, author_id, updated_at from claims, n where claims.id = ${first}`);
    const unassigned = () => countClaimsByStatus({ actor: actors.reviewer, input: { assignee: 'none' } });
    // Exactly COUNT_CAP matches are still counted exactly; one more and only "at least COUNT_CAP" is known.
    expect(await unassigned()).toMatchObject({ draft: COUNT_CAP, total: COUNT_CAP });
    expect((await unassigned()).capped).toBeUndefined();
    await update(sql`insert into claims (article_id, start, "end", exact, type, claim_text, author_id, updated_at)
      select article_id, start, "end", exact, type, claim_text, author_id, updated_at from claims where id = ${first}`);
    expect(await unassigned()).toEqual({ total: COUNT_CAP, capped: true });
    // Under words: read from the full-text matches (joined to the claims on SQLite), capped and exact alike.
    await makeClaims(actors.editor, 1, 'quote');
    const worded = (q: string) => countClaimsByStatus({ actor: actors.reviewer, input: { q } });
    expect(await worded('statistic')).toEqual({ total: COUNT_CAP, capped: true });
    expect(await worded('quote')).toMatchObject({ draft: 1, total: 1 });
    expect(await worded('walrus')).toMatchObject({ draft: 0, total: 0 });
    // Other filters under the cap stay exact, and with no filter but the type the counts come from the kept counts.
    expect(await countClaimsByStatus({ actor: actors.reviewer, input: { assignee: String(actors.reviewer.id) } })).toMatchObject({
      draft: 1,
      total: 1,
    });
    expect(await countClaimsByStatus({ actor: actors.reviewer, input: { type: 'statistic' } })).toMatchObject({
      draft: COUNT_CAP + 2,
      total: COUNT_CAP + 2,
    });
  });
});

describe('pages under a created-date range on a large board', () => {
  const DAY = 86_400_000;
  const JAN_1 = Date.UTC(2025, 0, 1);
  /** Claim i (1..60) created `offset(i)` days after 1 January 2025, and last changed an hour after that. */
  async function datedClaims(offset: (i: number) => number) {
    const ids = await makeClaims(actors.editor, 60);
    for (const [i, id] of ids.entries()) {
      const created = JAN_1 + offset(i + 1) * DAY;
      await update(sql`update claims set created_at = ${created}, updated_at = ${created + 3_600_000} where id = ${id}`);
    }
  }
  /** The plan for a page of 5 (+1): the break-even point is sqrt(6 * 60), 19 matches. */
  const plan = (from: string | undefined, to: string | undefined, sort: { column: typeof claims.id | typeof claims.updatedAt; ascending: boolean }) =>
    planCreatedRange(createdRange(from, to)!, sort, 6);
  const newest = { column: claims.updatedAt, ascending: false };
  /** Every page under the range (and a status) in each sort order, against the same claims filtered and sorted here. */
  async function expectSamePages(from: string | undefined, to: string | undefined, status?: 'in_review') {
    const all = await getDb().select({ id: claims.id, status: claims.status, createdAt: claims.createdAt, updatedAt: claims.updatedAt }).from(claims);
    const kept = all.filter(
      (c) =>
        (!from || c.createdAt >= new Date(`${from}T00:00:00Z`)) &&
        (!to || c.createdAt <= new Date(`${to}T23:59:59.999Z`)) &&
        (!status || c.status === status),
    );
    const byUpdated = [...kept].sort((a, b) => a.updatedAt.getTime() - b.updatedAt.getTime() || a.id - b.id).map((c) => c.id);
    const byId = kept.map((c) => c.id).sort((a, b) => a - b);
    const expected = { updated_asc: byUpdated, updated_desc: [...byUpdated].reverse(), created_asc: byId, created_desc: [...byId].reverse() };
    for (const sort of CLAIM_SORTS) {
      expect((await allPages(actors.reviewer, { from, to, status, sort, limit: 5 })).flat(), sort).toEqual(expected[sort]);
    }
  }

  it('reads a range the walk would reach late, walks one it meets early, and pages the same either way', async () => {
    await datedClaims((i) => i - 1);
    const sqlite = dbEngine() === 'sqlite';
    // 10 matches, under the break-even point: read them.
    expect(await plan(undefined, '2025-01-10', newest)).toBe(sqlite ? 'read' : 'plain');
    // From 31 January on: the newest claims, met first walking from the newest.
    expect(await plan('2025-01-31', undefined, newest)).toBe(sqlite ? 'walk' : 'plain');
    // Up to 9 February: 40 matches behind the 20 claims created after it.
    expect(await plan(undefined, '2025-02-09', newest)).toBe(sqlite ? 'walk' : 'plain');
    // 5 to 30 January: 26 matches behind 30 newer claims, none among the newest 19: read. From the oldest, 4 come first: walk.
    expect(await plan('2025-01-05', '2025-01-30', newest)).toBe(sqlite ? 'read' : 'plain');
    expect(await plan('2025-01-05', '2025-01-30', { ...newest, ascending: true })).toBe(sqlite ? 'walk' : 'plain');
    for (const [from, to] of [
      [undefined, '2025-01-10'],
      ['2025-01-31', undefined],
      [undefined, '2025-02-09'],
      ['2025-01-05', '2025-01-30'],
    ]) {
      await expectSamePages(from, to);
    }
    // A status tab: the page's ids are read from the range (and the status) before their rows.
    await update(sql`update claims set status = 'in_review' where id % 3 = 0`);
    await expectSamePages('2025-01-05', '2025-01-30', 'in_review');
  });

  it('walks an order the dates do not follow when its newest rows already hold a page of matches', async () => {
    // Creation dates shuffled against the ids: claims 44-47 and 52-55 of the newest 19 ids fall in 5-30 January.
    await datedClaims((i) => (i * 7) % 60);
    expect(await plan('2025-01-05', '2025-01-30', { column: claims.id, ascending: false })).toBe(dbEngine() === 'sqlite' ? 'walk' : 'plain');
    await expectSamePages('2025-01-05', '2025-01-30');
  });
});

describe('claim counts kept by triggers', () => {
  /** The same counts straight from the claims, for comparison. */
  const direct = async (type?: string) => {
    const rows = await queryRows<{ status: string; n: number }>(
      getDb(),
      sql`select status, cast(count(*) as integer) as n from claims where ${type ? sql`type = ${type}` : sql`1 = 1`} group by status`,
    );
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  };
  const kept = async (type?: string) => {
    const { total, ...counts } = await countClaimsByStatus({ actor: actors.editor, input: type ? { type } : {} });
    expect(total).toBe(Object.values(counts).reduce((a, b) => a + b, 0));
    return Object.fromEntries(Object.entries(counts).filter(([, n]) => n !== 0));
  };

  it('follow inserts, status and type changes, deletes and compaction', async () => {
    const ids = await makeClaims(actors.editor, 4);
    await update(sql`update claims set status = 'verified' where id = ${ids[0]}`);
    await update(sql`update claims set type = 'quote', status = 'rejected' where id = ${ids[1]}`);
    await update(sql`update claims set claim_text = 'Changed' where id = ${ids[2]}`);
    await update(sql`delete from claims where id = ${ids[3]}`);
    for (const type of [undefined, 'statistic', 'quote']) expect(await kept(type)).toEqual(await direct(type));
    expect(await kept()).toEqual({ draft: 1, verified: 1, rejected: 1 });
    await compactClaimCounts();
    const [{ rows }] = await queryRows<{ rows: number }>(getDb(), sql`select cast(count(*) as integer) as rows from claim_counts`);
    expect(Number(rows)).toBe(3);
    for (const type of [undefined, 'statistic', 'quote']) expect(await kept(type)).toEqual(await direct(type));
    await makeClaims(actors.editor, 1, 'quote');
    expect(await kept('quote')).toEqual({ draft: 1, rejected: 1 });
  });
});

describe('claimStats', () => {
  it('buckets new claims by week and status, and verified claims by week and verdict', async () => {
    const now = Date.parse('2026-03-18T12:00:00Z'); // a Wednesday
    const [a, b, c] = await makeClaims(actors.editor, 3);
    const set = (createdAt: string, status: string, verdictId: number | null, reviewedAt: string | null, id: number) =>
      update(sql`update claims set created_at = ${Date.parse(createdAt)}, status = ${status}, verdict_id = ${verdictId},
        reviewed_at = ${reviewedAt ? Date.parse(reviewedAt) : null} where id = ${id}`);
    await set('2026-03-16T08:00:00Z', 'verified', 1, '2026-03-17T08:00:00Z', a);
    await set('2026-03-15T23:00:00Z', 'draft', null, null, b); // Sunday: the previous week
    await set('2025-01-01T00:00:00Z', 'draft', null, null, c); // too old to show
    const stats = await claimStats({ actor: actors.editor, weeks: 4, now });
    expect(stats.weeks).toEqual(['2026-02-23', '2026-03-02', '2026-03-09', '2026-03-16']);
    expect(stats.byStatus.map((w) => w.counts)).toEqual([{}, {}, { draft: 1 }, { verified: 1 }]);
    expect(stats.byVerdict.at(-1)!.counts).toEqual({ True: 1 });
    expect(weekStart(Date.parse('2026-03-22T23:59:00Z'))).toBe('2026-03-16');
  });
});

describe('filterOptions', () => {
  it('lists only authors who wrote claims', async () => {
    await makeClaims(actors.reviewer, 1);
    expect((await filterOptions({ actor: actors.editor })).authors).toEqual([{ id: actors.reviewer.id, name: actors.reviewer.name }]);
  });
});

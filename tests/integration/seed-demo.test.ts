import { beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from './setup-db';
import { sql } from 'drizzle-orm';
import { execute, getDb, queryRows } from '@/db/client';
import { seed } from '@/lib/seed/seed';
import { getArticle } from '@/lib/articles/get-article';
import { listClaims } from '@/lib/claims/list-claims';
import { searchClaims } from '@/lib/search/search-claims';

let actors: Awaited<ReturnType<typeof freshDb>>['actors'];

beforeEach(async () => {
  // freshDb seeds the accounts and sample articles without claims; this is what a first start does on top.
  ({ actors } = await freshDb());
});

type EventRow = { claimId: number; actorId: number; action: string; toStatus: string | null; comment: string };
const events = () =>
  queryRows<EventRow>(
    getDb(),
    sql`select claim_id as "claimId", actor_id as "actorId", action, to_status as "toStatus", comment from review_events order by id`,
  );

describe('demo seed', () => {
  it('keeps the harbour story as article 1 and adds the build-up story as article 2', async () => {
    expect((await getArticle({ actor: actors.editor, id: 1 })).text).toContain('40,000 vehicles a day');
    const sample = await getArticle({ actor: actors.editor, id: 2 });
    expect(sample.title).toContain('troops');
    expect(sample.text).toMatch(/fictional/);
    expect((await listClaims({ actor: actors.admin, input: {} })).items).toEqual([]);
  });

  it('marks up the sample with claims at each status through the services, with audit events, once', async () => {
    const db = getDb();
    // The demo flag is already set by freshDb; clear it the way a brand-new database starts.
    await execute(db, sql`delete from settings where key = 'demo_seeded'`);
    await execute(db, sql`delete from articles`);
    expect(await seed(db, { demo: true, demoClaims: true })).toEqual(['demo accounts, sample articles and claims']);
    const [{ id: sampleId }] = await queryRows<{ id: number }>(db, sql`select id from articles where title like '%troops%'`);
    const claims = (await listClaims({ actor: actors.admin, input: { sort: 'created_asc' } })).items;
    expect(claims.map((c) => c.status)).toEqual(['draft', 'in_review', 'needs_changes', 'verified']);
    expect(claims.every((c) => c.articleId === sampleId && c.authorId === actors.editor.id)).toBe(true);
    const verified = claims[3];
    expect(verified.verdictLabel).toBe('True');
    expect(verified.rationale).not.toBe('');
    expect(verified.sources).toHaveLength(1);

    const log = await events();
    expect(log.filter((e) => e.action === 'created').map((e) => e.actorId)).toEqual(claims.map(() => actors.editor.id));
    const sentBack = log.find((e) => e.claimId === claims[2].id && e.toStatus === 'needs_changes')!;
    expect(sentBack.actorId).toBe(actors.reviewer.id);
    expect(sentBack.comment).toMatch(/military/);
    expect(log.find((e) => e.claimId === verified.id && e.toStatus === 'verified')!.actorId).toBe(actors.reviewer.id);
    expect((await searchClaims({ actor: actors.editor, input: { q: '50 percent' } })).map((h) => h.id)).toEqual([verified.id]);

    // A second start seeds nothing twice.
    expect(await seed(db, { demo: true, demoClaims: true })).toEqual([]);
    expect((await listClaims({ actor: actors.admin, input: {} })).items).toHaveLength(4);
    expect(await events()).toHaveLength(log.length);
  });
});

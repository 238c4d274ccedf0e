/**
 * PostgreSQL hands out sequence ids at insert time but transactions commit in any order. A live-stream reader that
 * saw id 8 before the transaction holding id 7 committed would move its cursor past 7 and never send it. This runs
 * the bad order on purpose: T1 takes the lower id and stays open while T2 tries to append; the reader reads in
 * between, as the stream does (up to the head it saw), and must still get both ids, in order.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from '../integration/setup-db';
import { getDb, queryRows, runInTransaction } from '@/db/client';
import type { Actor } from '@/lib/auth/permissions';
import { recordChange } from '@/lib/live/record-change';
import { changeHead, listChanges } from '@/lib/live/list-changes';

let reviewer: Actor;

beforeAll(async () => {
  ({ reviewer } = (await freshDb()).actors);
});

/** Resolves once `check` is true, asking again every few milliseconds (a condition, not a fixed wait). */
async function until(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((r) => setTimeout(r, 10));
}

describe('change feed ids on PostgreSQL', () => {
  it('reach a reader in commit order: a concurrent writer cannot commit a higher id before a lower one', async () => {
    const db = getDb();
    const before = await changeHead(db);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let appended!: () => void;
    const t1Appended = new Promise<void>((r) => (appended = r));
    const t1 = runInTransaction(async (tx) => {
      await recordChange(tx, { type: 'article.assigned', articleId: 1, actorId: reviewer.id });
      appended();
      await gate;
    });
    await t1Appended;
    let t2Committed = false;
    const t2 = runInTransaction((tx) => recordChange(tx, { type: 'article.assigned', articleId: 1, actorId: reviewer.id })).then(() => {
      t2Committed = true;
    });
    // T2 has either committed (what must not happen first) or is queued behind T1's lock.
    await until(async () => {
      if (t2Committed) return true;
      const [row] = await queryRows<{ n: number }>(
        db,
        sql`select cast(count(*) as integer) as n from pg_locks where locktype = 'advisory' and not granted`,
      );
      return row.n > 0;
    });

    const head = await changeHead(db);
    const seen = (await listChanges(db, { actor: reviewer, after: before, upTo: head })).map((c) => c.id);
    release();
    await Promise.all([t1, t2]);
    seen.push(...(await listChanges(db, { actor: reviewer, after: head, upTo: await changeHead(db) })).map((c) => c.id));

    const committed = (await queryRows<{ id: number }>(db, sql`select id from change_events where id > ${before} order by id`)).map((r) =>
      Number(r.id),
    );
    expect(committed).toHaveLength(2);
    expect(seen).toEqual(committed);
  });
});

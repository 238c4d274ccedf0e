import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '@/db/client';
import type { ClaimStatus } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { visibleClaimSql, visibleDeletedClaimSql } from '@/lib/settings/draft-visibility';

/** One change as the live stream sends it (the `data` of an event whose `id` is `id`); the browser's hooks read it too. */
export type ChangeView = {
  id: number;
  type: string;
  claimId: number | null;
  articleId: number | null;
  status: ClaimStatus | null;
  actorId: number | null;
  actorName: string | null;
  at: string;
};

type Row = Omit<ChangeView, 'at'> & { createdAt: number | string };

/** The id of the newest change (0 when there is none). Every lower id is committed by then (see record-change.ts). */
export async function changeHead(db: DbOrTx): Promise<number> {
  const [row] = await queryRows<{ head: number | string | null }>(db, sql`select max(id) as head from change_events`);
  return Number(row?.head ?? 0);
}

/**
 * The changes in (after, upTo] that `actor` may see, oldest first, at most `limit`. A claim's changes are filtered by
 * the claim's current visibility (a hidden draft's changes, even its id, are never listed; once submitted, its
 * earlier changes are); a deleted claim by what it was before (visibleDeletedClaimSql). With `articleId`, the
 * article's changes plus the news of a newer version of it. Read `upTo` from changeHead first: a reader that stops at
 * a head it has seen never skips an id that commits later.
 */
export async function listChanges(
  db: DbOrTx,
  { actor, articleId, after, upTo, limit = 200 }: { actor: Actor; articleId?: number; after: number; upTo: number; limit?: number },
): Promise<ChangeView[]> {
  const article =
    articleId === undefined
      ? sql`1 = 1`
      : sql`(ce.article_id = ${articleId} or (ce.type = 'article.new_version'
          and exists (select 1 from articles a where a.id = ce.article_id and a.previous_id = ${articleId})))`;
  const rows = await queryRows<Row>(
    db,
    sql`select ce.id, ce.type, ce.claim_id as "claimId", ce.article_id as "articleId", ce.status, ce.actor_id as "actorId",
          u.name as "actorName", ce.created_at as "createdAt"
        from change_events ce
        left join claims c on c.id = ce.claim_id
        left join users u on u.id = ce.actor_id
        where ce.id > ${after} and ce.id <= ${upTo}
          and (ce.claim_id is null
            or (c.id is not null and ${visibleClaimSql(actor, 'c')})
            or (c.id is null and ${visibleDeletedClaimSql(actor, sql`ce.claim_id`)}))
          and ${article}
        order by ce.id
        limit ${limit}`,
  );
  return rows.map(({ createdAt, ...r }) => ({ ...r, id: Number(r.id), at: new Date(Number(createdAt)).toISOString() }));
}

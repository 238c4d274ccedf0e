import { eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { DbOrTx } from '@/db/client';
import { claims, claimSources, claimTags, sources, users, verdictScale, type SourceRelation } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { claimAbilities, type ClaimAbilities } from './claim-abilities';

const reviewers = alias(users, 'reviewers');
const assignees = alias(users, 'assignees');

/** Columns every claim listing returns; joined names so the UI never does one query per claim. */
const claimColumns = {
  id: claims.id,
  articleId: claims.articleId,
  start: claims.start,
  end: claims.end,
  exact: claims.exact,
  prefix: claims.prefix,
  suffix: claims.suffix,
  type: claims.type,
  claimant: claims.claimant,
  claimantKind: claims.claimantKind,
  claimText: claims.claimText,
  summary: claims.summary,
  note: claims.note,
  status: claims.status,
  verdictId: claims.verdictId,
  verdictLabel: verdictScale.label,
  verdictColor: verdictScale.color,
  rationale: claims.rationale,
  authorId: claims.authorId,
  authorName: users.name,
  reviewerId: claims.reviewerId,
  reviewerName: reviewers.name,
  assigneeId: claims.assigneeId,
  assigneeName: assignees.name,
  orphaned: claims.orphaned,
  familyId: claims.familyId,
  reusedFromClaimId: claims.reusedFromClaimId,
  version: claims.version,
  createdAt: claims.createdAt,
  updatedAt: claims.updatedAt,
  reviewedAt: claims.reviewedAt,
};

/** The claims table's own columns of claimColumns (what an insert can return); the joined ones are filled by newClaimView. */
const JOINED = ['verdictLabel', 'verdictColor', 'authorName', 'reviewerName', 'assigneeName'] as const;
const ownColumns = Object.fromEntries(Object.entries(claimColumns).filter(([k]) => !(JOINED as readonly string[]).includes(k))) as Omit<
  typeof claimColumns,
  (typeof JOINED)[number]
>;
export const claimOwnColumns = ownColumns;

/** A select over claims with author, reviewer and verdict joined; add where/order/limit to it. */
export function selectClaims(db: DbOrTx) {
  return db
    .select(claimColumns)
    .from(claims)
    .innerJoin(users, eq(users.id, claims.authorId))
    .leftJoin(reviewers, eq(reviewers.id, claims.reviewerId))
    .leftJoin(assignees, eq(assignees.id, claims.assigneeId))
    .leftJoin(verdictScale, eq(verdictScale.id, claims.verdictId));
}

export type ClaimRow = Awaited<ReturnType<typeof selectClaims>>[number];

export type ClaimSourceLink = {
  sourceId: number;
  url: string;
  title: string;
  publisher: string;
  relation: SourceRelation;
  excerpt: string;
};
/** A claim as services return it to `actor`: with its sources, tags (sorted) and what that actor may do to it. */
export type ClaimView = ClaimRow & { sources: ClaimSourceLink[]; tags: string[]; can: ClaimAbilities };

/** Attaches sources and tags (one query each, whatever the number of claims) and the actor's abilities to claim rows. */
export async function withSources(db: DbOrTx, rows: ClaimRow[], actor: Pick<Actor, 'id' | 'role'>): Promise<ClaimView[]> {
  if (rows.length === 0) return [];
  const links = await db
    .select({
      claimId: claimSources.claimId,
      sourceId: sources.id,
      url: sources.url,
      title: sources.title,
      publisher: sources.publisher,
      relation: claimSources.relation,
      excerpt: claimSources.excerpt,
    })
    .from(claimSources)
    .innerJoin(sources, eq(sources.id, claimSources.sourceId))
    .where(
      inArray(
        claimSources.claimId,
        rows.map((r) => r.id),
      ),
    );
  const byClaim = new Map<number, ClaimSourceLink[]>();
  for (const { claimId, ...link } of links) {
    const list = byClaim.get(claimId) ?? [];
    list.push(link);
    byClaim.set(claimId, list);
  }
  const tags = await tagsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, sources: byClaim.get(r.id) ?? [], tags: tags.get(r.id) ?? [], can: claimAbilities(actor, r) }));
}

/** The tags of these claims, each list sorted. */
export async function tagsOf(db: DbOrTx, claimIds: number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (claimIds.length === 0) return out;
  const rows = await db.select().from(claimTags).where(inArray(claimTags.claimId, claimIds)).orderBy(claimTags.tag);
  for (const { claimId, tag } of rows) out.set(claimId, [...(out.get(claimId) ?? []), tag]);
  return out;
}

/** One claim with its joins, sources and `actor`'s abilities, or undefined (visibility is the caller's check). */
export async function findClaim(db: DbOrTx, id: number, actor: Pick<Actor, 'id' | 'role'>): Promise<ClaimView | undefined> {
  const [row] = await selectClaims(db).where(eq(claims.id, id));
  return row ? (await withSources(db, [row], actor))[0] : undefined;
}

/**
 * The view of a claim `author` has just inserted (the row as `.returning(claimOwnColumns)` gave it), without reading
 * it back: a new claim has no verdict, no reviewer, no assignee, no tags and no sources yet, and its author is the actor. Keys in the
 * order selectClaims gives them.
 */
export function newClaimView(row: { [K in keyof typeof ownColumns]: ClaimRow[K] }, author: Pick<Actor, 'id' | 'role' | 'name'>): ClaimView {
  const joined = { verdictLabel: null, verdictColor: null, authorName: author.name, reviewerName: null, assigneeName: null };
  const view = Object.fromEntries(
    Object.keys(claimColumns).map((k) => [k, k in joined ? joined[k as keyof typeof joined] : row[k as keyof typeof row]]),
  ) as ClaimRow;
  return { ...view, sources: [], tags: [], can: claimAbilities(author, view) };
}

import { and, eq, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { claims, users, type EventDiff, type NotificationType, type ReviewAction } from '@/db/schema';
import { draftVisibilityFilter } from '@/lib/settings/draft-visibility';
import { findMentions, newMentions, type Mention } from './find-mentions';
import { notify } from './notify';

/** The part of a claim event (lib/review/record-event.ts) the fan-out reads. */
export type ClaimEvent = { claimId: number; actorId: number; action: ReviewAction; comment?: string; diff?: EventDiff | null };
/** What the fan-out needs of the claim, as it is after the event (recordEvent reads it once for every fan-out). */
export type ClaimFacts = { authorId: number; articleId: number; note: string };

/** A review decision tells the claim's author; the comment is the excerpt. */
const AUTHOR_NOTICE: Partial<Record<ReviewAction, NotificationType>> = {
  changes_requested: 'sent_back',
  approved: 'verified',
  rejected: 'rejected',
};
/** Events whose comment is read for `@handle` mentions (review comments and plain comments). */
const COMMENTING: ReadonlySet<ReviewAction> = new Set(['commented', 'changes_requested', 'rejected', 'approved', 'reopened']);

/**
 * Notifies whoever a claim event concerns, inside the event's transaction: the author of a claim sent back, verified
 * or rejected, and each user newly `@mentioned` in the event's comment or in the claim's note (an edit notifies only
 * handles the old note did not have). Mentioned users who may not see the claim (another editor's hidden draft) and
 * unknown handles are skipped; notify() skips the actor, disabled users and kinds turned off.
 */
export async function notifyForEvent(tx: DbOrTx, event: ClaimEvent, claim: ClaimFacts): Promise<void> {
  const notice = AUTHOR_NOTICE[event.action];
  const mentions = mentionsOf(event);
  // A claim created with a note mentions whoever that note names.
  if (event.action === 'created' && claim.note.includes('@')) mentions.push(...findMentions(claim.note));
  if (!notice && mentions.length === 0) return;
  const base = { claimId: event.claimId, articleId: claim.articleId, actorId: event.actorId };
  if (notice) await notify(tx, { ...base, userId: claim.authorId, type: notice, excerpt: event.comment ?? '' });
  if (mentions.length === 0) return;
  // The author just heard about this event through its decision notice: one notification per event is enough.
  const told = notice ? new Set([claim.authorId]) : new Set<number>();
  for (const user of await mentionedUsers(tx, mentions, event.claimId)) {
    if (told.has(user.id)) continue;
    told.add(user.id);
    await notify(tx, { ...base, userId: user.id, type: 'mentioned', excerpt: user.line });
  }
}

/** Mentions in the event's comment, or the handles an edit added to the note. */
function mentionsOf(event: ClaimEvent): Mention[] {
  if (COMMENTING.has(event.action) && event.comment?.includes('@')) return findMentions(event.comment);
  const note = event.action === 'edited' ? event.diff?.note : undefined;
  if (note && 'to' in note && typeof note.to === 'string' && note.to.includes('@')) {
    return newMentions(typeof note.from === 'string' ? note.from : '', note.to);
  }
  return [];
}

/**
 * The enabled users a handle names (the local part of their email; every user it names when two share one) who may
 * see the claim, each with the line that mentions them.
 */
async function mentionedUsers(tx: DbOrTx, mentions: Mention[], claimId: number): Promise<{ id: number; line: string }[]> {
  // Emails are stored lower-cased; substr + length work alike on SQLite and PostgreSQL and need no LIKE escaping.
  const byHandle = mentions.map((m) => sql`substr(${users.email}, 1, ${m.handle.length + 1}) = ${`${m.handle}@`}`);
  const rows = await tx
    .select({ id: users.id, role: users.role, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.disabled, false), or(...byHandle)));
  const found: { id: number; line: string }[] = [];
  for (const user of rows) {
    const mention = mentions.find((m) => user.email.startsWith(`${m.handle}@`))!;
    const [visible] = await tx
      .select({ id: claims.id })
      .from(claims)
      .where(and(eq(claims.id, claimId), draftVisibilityFilter(user)))
      .limit(1);
    if (visible) found.push({ id: user.id, line: mention.line });
  }
  return found;
}

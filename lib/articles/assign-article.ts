import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { runInTransaction } from '@/db/client';
import { articles, users } from '@/db/schema';
import { mayAssign, mayBeAssignedArticle, type Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { Forbidden, Invalid, NotFound } from '@/lib/errors';
import { parseInput } from '@/lib/validation';
import { recordAudit } from '@/lib/audit/record-audit';
import { recordChange } from '@/lib/live/record-change';
import { notify } from '@/lib/notifications/notify';

export const assignArticleInput = z.strictObject({
  /** Who marks its claims (null: nobody). */
  assigneeId: z.number().int().positive().nullable(),
});

export type ArticleAssignment = { id: number; assigneeId: number | null; assigneeName: string | null };

/**
 * Sets who marks an article's claims. Reviewers and admins assign anyone's article; others their own imports, or
 * themselves (mayAssign). Writes an audit event and an `article.assigned` change and notifies the new assignee.
 * Throws NotFound, Forbidden, Invalid (unknown or disabled user).
 */
export async function assignArticle({ actor, id, input }: { actor: Actor; id: number; input: unknown }): Promise<ArticleAssignment> {
  assertCan(actor, 'article:read');
  const { assigneeId: to } = parseInput(assignArticleInput, input);
  return runInTransaction(async (tx) => {
    const [article] = await tx
      .select({ id: articles.id, title: articles.title, createdBy: articles.createdBy, assigneeId: articles.assigneeId })
      .from(articles)
      .where(eq(articles.id, id))
      .limit(1);
    if (!article) throw NotFound('Article');
    const from = article.assigneeId;
    let assigneeName: string | null = null;
    if (to !== null) {
      const [user] = await tx.select({ name: users.name, role: users.role, disabled: users.disabled }).from(users).where(eq(users.id, to)).limit(1);
      if (!user || user.disabled || !mayBeAssignedArticle(user)) throw Invalid('No such active user.', { assigneeId: 'No such active user.' });
      assigneeName = user.name;
    }
    if (from === to) return { id, assigneeId: to, assigneeName };
    if (!mayAssign(actor, 'article:assign', { ownerId: article.createdBy, from, to })) {
      throw Forbidden('You can assign articles you imported, or take one for yourself; reviewers assign any article.');
    }
    await tx.update(articles).set({ assigneeId: to }).where(eq(articles.id, id));
    const summary = to === null ? `Unassigned "${article.title}"` : `Assigned "${article.title}" to ${assigneeName}`;
    await recordAudit(tx, { actorId: actor.id, action: 'article.assigned', entityId: id, summary, diff: { assigneeId: { from, to } } });
    if (to !== null) await notify(tx, { userId: to, type: 'assigned', articleId: id, actorId: actor.id, excerpt: article.title });
    // Last: it takes the change feed's lock (lib/live/record-change.ts).
    await recordChange(tx, { type: 'article.assigned', articleId: id, actorId: actor.id });
    return { id, assigneeId: to, assigneeName };
  });
}

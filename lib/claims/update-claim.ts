import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { runInTransaction, type DbOrTx } from '@/db/client';
import { articles, claims, verdictScale, CLAIM_TYPES, CLAIMANT_KINDS } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { Conflict, Forbidden, Invalid } from '@/lib/errors';
import { parseInput, plainText, textField } from '@/lib/validation';
import { recordEvent } from '@/lib/review/record-event';
import { describeRange } from '@/lib/anchoring/quote';
import { statusAfterEdit } from '@/lib/review/workflow';
import { findClaim, type ClaimView } from './claim-view';
import { mayEditClaim } from './claim-abilities';
import { loadForWrite } from './load-for-write';
import { assertWholeCharacters } from './assert-whole-characters';
import { CLAIMANT_MAX, CLAIM_TEXT_MAX, NOTE_MAX, RATIONALE_MAX, SUMMARY_MAX, TAGS_MAX, TAG_MAX } from './limits';
import { normaliseTags } from './normalise-tags';
import { setClaimTags } from './set-claim-tags';
import { checkClaimAssignment, recordClaimAssignment } from './assign-claim';

/** Free-text tags, normalised (lib/claims/normalise-tags.ts) before the limits are checked. */
export const tagsField = z
  .array(plainText().max(TAG_MAX * 4))
  .max(TAGS_MAX * 4)
  .transform(normaliseTags)
  .pipe(
    z
      .array(
        z
          .string()
          .max(TAG_MAX, `Each tag must be at most ${TAG_MAX} characters.`)
          .refine((t) => !t.includes(','), 'A tag cannot contain a comma.'),
      )
      .max(TAGS_MAX, `At most ${TAGS_MAX} tags.`),
  );

export const updateClaimInput = z
  .strictObject({
    version: z.number().int().positive(),
    type: z.enum(CLAIM_TYPES).optional(),
    claimant: textField(CLAIMANT_MAX).optional(),
    // Person or Organization for ClaimReview; null = decide from the claimant's name.
    claimantKind: z.enum(CLAIMANT_KINDS).nullable().optional(),
    // Optional short form for publishing (ClaimReview claimReviewed); longer than SUMMARY_SUGGESTED only warns in the editor.
    summary: textField(SUMMARY_MAX).optional(),
    claimText: textField(CLAIM_TEXT_MAX).min(1, 'Claim text cannot be empty.').optional(),
    note: textField(NOTE_MAX).optional(),
    verdictId: z.number().int().positive().nullable().optional(),
    rationale: textField(RATIONALE_MAX).optional(),
    // A new anchor (e.g. for an orphaned claim): both offsets into the article's text, and optionally the words there.
    start: z.number().int().min(0).optional(),
    end: z.number().int().min(1).optional(),
    exact: plainText().max(CLAIM_TEXT_MAX).optional(),
    // The whole new set of tags (replaces the old one).
    tags: tagsField.optional(),
    // Who works on it next (null: nobody); changed alone, it keeps the status and needs no edit right (mayAssign).
    assigneeId: z.number().int().positive().nullable().optional(),
  })
  .refine((v) => (v.start === undefined) === (v.end === undefined), { path: ['end'], message: 'Give both start and end.' })
  .refine((v) => v.start === undefined || v.end! > v.start, { path: ['end'], message: 'end must be greater than start.' });
export type UpdateClaimInput = z.infer<typeof updateClaimInput>;

const EDITABLE = ['type', 'claimant', 'claimantKind', 'claimText', 'summary', 'note', 'verdictId', 'rationale'] as const;

/**
 * Edits a claim's fields and tags; authors edit their own, reviewers and admins any. Reviewed content goes back to
 * review (tags and the note do not). Also changes the assignee (assign-claim.ts), in the same version step.
 * Throws Conflict on a stale version, Forbidden, Invalid (unknown or retired verdict, assignee who may not), NotFound.
 */
export async function updateClaim({ actor, id, input }: { actor: Actor; id: number; input: unknown }): Promise<ClaimView> {
  const data = parseInput(updateClaimInput, input);
  return runInTransaction(async (tx) => {
    const claim = await loadForWrite(tx, actor, id, data.version);
    const onlyAssigning = data.assigneeId !== undefined && Object.keys(data).every((k) => k === 'version' || k === 'assigneeId');
    if (!onlyAssigning && !mayEditClaim(actor, claim)) throw Forbidden('You can only edit your own claims.');
    const diff: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of EDITABLE) {
      if (data[key] !== undefined && data[key] !== claim[key]) diff[key] = { from: claim[key], to: data[key] };
    }
    const anchor = data.start === undefined ? null : await anchorIn(tx, claim.articleId, data.start, data.end!, data.exact);
    for (const [key, value] of Object.entries(anchor ?? {})) {
      const old = claim[key as keyof typeof anchor & keyof typeof claim];
      if (old !== value) diff[key] = { from: old, to: value };
    }
    const assignment = data.assigneeId === undefined ? null : await checkClaimAssignment(tx, actor, claim, data.assigneeId);
    const tags = data.tags === undefined ? null : await setClaimTags(tx, id, data.tags);
    if (tags) diff.tags = tags;
    const edited = Object.keys(diff).length > 0;
    if (!edited && !assignment) return (await findClaim(tx, id, actor))!;
    if (diff.verdictId && data.verdictId != null) {
      const [verdict] = await tx.select().from(verdictScale).where(eq(verdictScale.id, data.verdictId));
      if (!verdict) throw Invalid('Unknown verdict.', { verdictId: 'Unknown verdict.' });
      if (verdict.retired) throw Invalid(`The verdict "${verdict.label}" is retired.`, { verdictId: 'Retired verdict.' });
    }
    // The note and tags are internal: editing only them never sends reviewed work back to review.
    const published = Object.keys(diff).some((key) => key !== 'note' && key !== 'tags');
    const nextStatus = published ? statusAfterEdit(claim.status) : claim.status;
    if (!nextStatus) throw Conflict('A rejected claim must be reopened before it can be edited.');
    const changes = Object.fromEntries(
      Object.entries(diff)
        .filter(([k]) => k !== 'tags')
        .map(([k, v]) => [k, v.to]),
    );
    if (assignment) changes.assigneeId = assignment.to;
    const updated = await tx
      .update(claims)
      .set({ ...changes, status: nextStatus, version: claim.version + 1, updatedAt: new Date() })
      .where(and(eq(claims.id, id), eq(claims.version, claim.version)))
      .returning({ id: claims.id });
    if (updated.length !== 1) throw Conflict('This claim was changed by someone else; reload to see the latest version.');
    if (edited) await recordEvent(tx, { claimId: id, actorId: actor.id, action: 'edited', fromStatus: claim.status, toStatus: nextStatus, diff });
    if (assignment) await recordClaimAssignment(tx, actor, claim, assignment, nextStatus);
    return (await findClaim(tx, id, actor))!;
  });
}

/** The anchor for start..end of the claim's article text, checked like createClaim; clears the orphaned flag. */
async function anchorIn(tx: DbOrTx, articleId: number, start: number, end: number, exact?: string) {
  const [{ text }] = await tx.select({ text: articles.bodyText }).from(articles).where(eq(articles.id, articleId));
  if (end > text.length) throw Invalid(`end is past the end of the article (${text.length} characters).`, { end: 'Out of range.' });
  assertWholeCharacters(text, start, end);
  const anchor = describeRange(text, start, end);
  if (exact !== undefined && exact !== anchor.exact)
    throw Invalid('exact does not match the article text at start..end.', { exact: 'Does not match.' });
  return { ...anchor, orphaned: false };
}

import { eq, inArray, max, or } from 'drizzle-orm';
import { z } from 'zod';
import { runInTransaction, type DbOrTx } from '@/db/client';
import { claims } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { Conflict, Invalid } from '@/lib/errors';
import { recordEvent } from '@/lib/review/record-event';
import { loadVisibleClaim } from '@/lib/settings/draft-visibility';
import { parseInput } from '@/lib/validation';

export const linkClaimsInput = z.strictObject({ claimId: z.number().int().positive() });
export type LinkClaimsInput = z.infer<typeof linkClaimsInput>;

/** The two claims' family after a link or unlink. */
export type FamilyChange = { familyId: number | null; claimIds: number[] };

async function members(tx: DbOrTx, familyId: number | null): Promise<number[]> {
  if (familyId === null) return [];
  const rows = await tx.select({ id: claims.id }).from(claims).where(eq(claims.familyId, familyId)).orderBy(claims.id);
  return rows.map((r) => r.id);
}

/**
 * Links claim `claimId` and `input.claimId` as the same claim: they (and their families, merged) share one family id.
 * Writes a 'linked' event on both claims. Throws NotFound (either claim invisible), Invalid (a claim with itself),
 * Conflict (already in one family).
 */
export async function linkClaims({ actor, claimId, input }: { actor: Actor; claimId: number; input: unknown }): Promise<FamilyChange> {
  assertCan(actor, 'claim:link');
  const { claimId: otherId } = parseInput(linkClaimsInput, input);
  return runInTransaction(async (tx) => {
    const a = await loadVisibleClaim(tx, actor, claimId);
    const b = await loadVisibleClaim(tx, actor, otherId);
    if (a.id === b.id) throw Invalid('A claim cannot be linked to itself.', { claimId: 'Pick another claim.' });
    if (a.familyId !== null && a.familyId === b.familyId) throw Conflict('These claims are already in one family.');
    // Keep the older family's id when two families merge; a new family gets an id no family uses (on PostgreSQL,
    // two links racing for the same new id are serialized: one transaction retries and takes the next).
    const existing = [a.familyId, b.familyId].filter((f): f is number => f !== null).sort((x, y) => x - y)[0];
    const familyId = existing ?? ((await tx.select({ top: max(claims.familyId) }).from(claims))[0]?.top ?? 0) + 1;
    const merging = [a.familyId, b.familyId].filter((f): f is number => f !== null && f !== familyId);
    await tx
      .update(claims)
      .set({ familyId })
      .where(or(inArray(claims.id, [a.id, b.id]), merging.length ? inArray(claims.familyId, merging) : undefined));
    for (const [id, other] of [
      [a.id, b.id],
      [b.id, a.id],
    ]) {
      await recordEvent(tx, {
        claimId: id,
        actorId: actor.id,
        action: 'linked',
        diff: { family: { from: id === a.id ? a.familyId : b.familyId, to: familyId }, linkedClaim: { from: null, to: other } },
      });
    }
    return { familyId, claimIds: await members(tx, familyId) };
  });
}

/**
 * Takes claim `otherId` out of claim `claimId`'s family (a family left with one claim dissolves).
 * Writes an 'unlinked' event on both. Throws NotFound, Conflict (not in one family).
 */
export async function unlinkClaims({ actor, claimId, otherId }: { actor: Actor; claimId: number; otherId: number }): Promise<FamilyChange> {
  assertCan(actor, 'claim:link');
  return runInTransaction(async (tx) => {
    const a = await loadVisibleClaim(tx, actor, claimId);
    const b = await loadVisibleClaim(tx, actor, otherId);
    if (a.familyId === null || a.familyId !== b.familyId || a.id === b.id) throw Conflict('These claims are not linked.');
    const familyId = a.familyId;
    await tx.update(claims).set({ familyId: null }).where(eq(claims.id, b.id));
    const left = await members(tx, familyId);
    if (left.length === 1) await tx.update(claims).set({ familyId: null }).where(eq(claims.id, left[0]));
    for (const [id, other] of [
      [a.id, b.id],
      [b.id, a.id],
    ]) {
      await recordEvent(tx, { claimId: id, actorId: actor.id, action: 'unlinked', diff: { linkedClaim: { from: other, to: null } } });
    }
    return left.length > 1 ? { familyId, claimIds: left } : { familyId: null, claimIds: [] };
  });
}

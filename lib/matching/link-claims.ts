import { eq, inArray, max, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { claims } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { Conflict, Invalid, NotFound } from '@/lib/errors';
import type { DbOrTx } from '@/db/client';
import { recordEvent } from '@/lib/review/record-event';
import { canSeeClaim } from '@/lib/settings/draft-visibility';
import { parseInput } from '@/lib/validation';

export const linkClaimsInput = z.strictObject({ claimId: z.number().int().positive() });
export type LinkClaimsInput = z.infer<typeof linkClaimsInput>;

/** The two claims' family after a link or unlink. */
export type FamilyChange = { familyId: number | null; claimIds: number[] };

function loadVisible(tx: DbOrTx, actor: Actor, id: number) {
  const claim = tx
    .select({ id: claims.id, status: claims.status, authorId: claims.authorId, familyId: claims.familyId })
    .from(claims)
    .where(eq(claims.id, id))
    .get();
  if (!claim || !canSeeClaim(actor, claim)) throw NotFound('Claim');
  return claim;
}

function members(tx: DbOrTx, familyId: number | null): number[] {
  if (familyId === null) return [];
  return tx.select({ id: claims.id }).from(claims).where(eq(claims.familyId, familyId)).orderBy(claims.id).all().map((r) => r.id);
}

/**
 * Links claim `claimId` and `input.claimId` as the same claim: they (and their families, merged) share one family id.
 * Writes a 'linked' event on both claims. Throws NotFound (either claim invisible), Invalid (a claim with itself),
 * Conflict (already in one family).
 */
export function linkClaims({ actor, claimId, input }: { actor: Actor; claimId: number; input: unknown }): FamilyChange {
  assertCan(actor, 'claim:link');
  const { claimId: otherId } = parseInput(linkClaimsInput, input);
  return getDb().transaction(
    (tx) => {
      const a = loadVisible(tx, actor, claimId);
      const b = loadVisible(tx, actor, otherId);
      if (a.id === b.id) throw Invalid('A claim cannot be linked to itself.', { claimId: 'Pick another claim.' });
      if (a.familyId !== null && a.familyId === b.familyId) throw Conflict('These claims are already in one family.');
      // Keep the older family's id when two families merge; a new family gets an id no family uses.
      const familyId =
        [a.familyId, b.familyId].filter((f): f is number => f !== null).sort((x, y) => x - y)[0] ??
        (tx.select({ top: max(claims.familyId) }).from(claims).get()?.top ?? 0) + 1;
      const merging = [a.familyId, b.familyId].filter((f): f is number => f !== null && f !== familyId);
      tx.update(claims)
        .set({ familyId })
        .where(sql`${claims.id} in (${a.id}, ${b.id}) or ${merging.length ? inArray(claims.familyId, merging) : sql`0`}`)
        .run();
      for (const [id, other] of [[a.id, b.id], [b.id, a.id]]) {
        recordEvent(tx, { claimId: id, actorId: actor.id, action: 'linked', diff: { family: { from: id === a.id ? a.familyId : b.familyId, to: familyId }, linkedClaim: { from: null, to: other } } });
      }
      return { familyId, claimIds: members(tx, familyId) };
    },
    { behavior: 'immediate' },
  );
}

/**
 * Takes claim `otherId` out of claim `claimId`'s family (a family left with one claim dissolves).
 * Writes an 'unlinked' event on both. Throws NotFound, Conflict (not in one family).
 */
export function unlinkClaims({ actor, claimId, otherId }: { actor: Actor; claimId: number; otherId: number }): FamilyChange {
  assertCan(actor, 'claim:link');
  return getDb().transaction(
    (tx) => {
      const a = loadVisible(tx, actor, claimId);
      const b = loadVisible(tx, actor, otherId);
      if (a.familyId === null || a.familyId !== b.familyId || a.id === b.id) throw Conflict('These claims are not linked.');
      const familyId = a.familyId;
      tx.update(claims).set({ familyId: null }).where(eq(claims.id, b.id)).run();
      const left = members(tx, familyId);
      if (left.length === 1) tx.update(claims).set({ familyId: null }).where(eq(claims.id, left[0])).run();
      for (const [id, other] of [[a.id, b.id], [b.id, a.id]]) {
        recordEvent(tx, { claimId: id, actorId: actor.id, action: 'unlinked', diff: { linkedClaim: { from: other, to: null } } });
      }
      return left.length > 1 ? { familyId, claimIds: left } : { familyId: null, claimIds: [] };
    },
    { behavior: 'immediate' },
  );
}

'use server';

import { getActor } from '@/lib/auth/current-actor';
import { AppError } from '@/lib/errors';
import { getClaim } from '@/lib/claims/get-claim';
import { findClaimMatchDetails, type MatchDetail } from '@/lib/matching/find-matches';
import { findCheckedBefore, type CheckedBeforePass } from '@/lib/matching/checked-before';

export type SeenBefore = { ok: true; matches: MatchDetail[]; familyId: number | null } | { ok: false; message: string };
export type CheckedBeforeResult = ({ ok: true } & CheckedBeforePass) | { ok: false; message: string };

async function guarded<T>(fn: (actor: NonNullable<Awaited<ReturnType<typeof getActor>>>) => Promise<T>): Promise<T | { ok: false; message: string }> {
  const actor = await getActor();
  if (!actor) return { ok: false, message: 'Sign in again.' };
  try {
    return await fn(actor);
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.message };
    throw error;
  }
}

/** The "Seen before" panel's data: matches with article date, family and variant reasons (more than the API's). */
export async function loadSeenBefore(claimId: number): Promise<SeenBefore> {
  return guarded(async (actor) => ({
    ok: true as const,
    matches: await findClaimMatchDetails({ actor, claimId, input: { limit: 8 } }),
    familyId: (await getClaim({ actor, id: claimId })).familyId,
  }));
}

/** Sentences of the article that match a verified claim elsewhere, for the "checked before" markers. */
export async function loadCheckedBefore(articleId: number): Promise<CheckedBeforeResult> {
  return guarded(async (actor) => ({ ok: true as const, ...(await findCheckedBefore({ actor, articleId })) }));
}

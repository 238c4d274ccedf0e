import type { ClaimStatus } from '@/db/schema';
import type { DbOrTx } from '@/db/client';
import { exportContext } from './export-claims';
import { claimJson } from './formats/json';
import { claimReview } from './formats/claim-review';
import { sharedReader } from './export-reader';
import { streamClaims } from './stream-claims';

/** A claim as the JSON export writes it, with its ClaimReview when it is verified. */
export type ClaimDocument = { claim: ReturnType<typeof claimJson>; claimReview?: ReturnType<typeof claimReview> };

/**
 * The claims `ids` that have one of `statuses`, as the JSON export shapes them (plus ClaimReview for verified ones),
 * by claim id; read on `db` (inside a transaction: that transaction's view). For webhooks and the verified feed,
 * which send a handful of claims, not a file.
 */
export async function claimsAsJson(db: DbOrTx, ids: number[], statuses: ClaimStatus[], origin: string): Promise<Map<number, ClaimDocument>> {
  const out = new Map<number, ClaimDocument>();
  if (ids.length === 0) return out;
  const ctx = await exportContext(origin);
  for await (const row of streamClaims(sharedReader(db), { statuses, claimIds: ids })) {
    out.set(row.id, { claim: claimJson(row, ctx), ...(row.status === 'verified' ? { claimReview: claimReview(row, ctx) } : {}) });
  }
  return out;
}

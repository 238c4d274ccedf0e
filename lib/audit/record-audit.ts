import { auditEvents } from '@/db/schema';
import type { DbOrTx } from '@/db/client';
import { entityTypeOf, type AuditAction } from './audit-actions';

export type AuditDiff = Record<string, { from: unknown; to: unknown }>;

/**
 * Appends one audit event; call it inside the transaction that makes the change, so the event commits with the
 * change or not at all (live updates and webhooks will read these rows by id as an outbox).
 * `actorId` is null for strangers; `diff` holds only the changed fields; never pass secrets.
 */
export async function recordAudit(
  tx: DbOrTx,
  event: { actorId: number | null; action: AuditAction; entityId?: number | null; summary: string; diff?: AuditDiff | null; ip?: string | null },
): Promise<void> {
  await tx.insert(auditEvents).values({
    actorId: event.actorId,
    action: event.action,
    entityType: entityTypeOf(event.action),
    entityId: event.entityId ?? null,
    summary: event.summary,
    diff: event.diff && Object.keys(event.diff).length ? event.diff : null,
    ip: event.ip && event.ip !== 'unknown' ? event.ip : null,
  });
}

/** The fields of `after` whose value differs from `before` (compared as JSON, so dates and arrays compare by value). */
export function changedFields(before: Record<string, unknown> | null, after: Record<string, unknown>): AuditDiff {
  const diff: AuditDiff = {};
  for (const [key, to] of Object.entries(after)) {
    if (to === undefined) continue;
    const from = before?.[key] ?? null;
    if (JSON.stringify(from) !== JSON.stringify(to)) diff[key] = { from, to };
  }
  return diff;
}

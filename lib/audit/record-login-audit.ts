import { and, eq, gt, isNull } from 'drizzle-orm';
import { runInTransaction } from '@/db/client';
import { auditEvents } from '@/db/schema';
import { recordAudit } from './record-audit';

/**
 * Refused sign-ins (locked) are recorded once per address per window: a refusal costs a stranger no password check,
 * so a row per refusal would let anyone grow the database at request rate. Failures cost a hash each and are all kept.
 */
const LOCKED_AUDIT_WINDOW_MS = 15 * 60 * 1000;

/** Records a failed or refused sign-in by a stranger: the email tried and the address, never the password. */
export async function recordLoginAudit(
  action: 'login.failed' | 'login.locked',
  { email, ip, userId }: { email: string; ip?: string; userId?: number },
): Promise<void> {
  const address = ip && ip !== 'unknown' ? ip : null;
  await runInTransaction(async (tx) => {
    if (action === 'login.locked') {
      const since = new Date(Date.now() - LOCKED_AUDIT_WINDOW_MS);
      const sameAddress = address ? eq(auditEvents.ip, address) : isNull(auditEvents.ip);
      const [recent] = await tx
        .select({ id: auditEvents.id })
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'login.locked'), gt(auditEvents.createdAt, since), sameAddress))
        .limit(1);
      if (recent) return;
    }
    const summary =
      action === 'login.failed'
        ? `Failed sign-in as ${email}`
        : `Sign-in as ${email} refused after too many failures (recorded once per address per ${LOCKED_AUDIT_WINDOW_MS / 60_000} min)`;
    await recordAudit(tx, { actorId: null, action, entityId: userId ?? null, summary, ip: address });
  });
}

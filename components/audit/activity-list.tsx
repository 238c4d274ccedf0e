import Link from 'next/link';
import { AUDIT_ACTION_LABELS, type AuditAction } from '@/lib/audit/audit-actions';
import type { AuditEventView } from '@/lib/audit/list-audit';
import { formatDateTime } from '@/components/claims/format';
import { AuditDiffTable } from './audit-diff';

/** Where an event's subject can be opened, when it still has a page. */
function subjectHref(e: AuditEventView): string | null {
  if (e.entityId === null) return null;
  if (e.entityType === 'article') return `/articles/${e.entityId}`;
  if (e.entityType === 'source' && e.action !== 'source.deleted') return `/sources/${e.entityId}`;
  return null;
}

/** The audit trail as readable rows, newest first: when, who, what, and the changed fields. */
export function ActivityList({ items }: { items: AuditEventView[] }) {
  return (
    <ol className="activity-list" aria-label="Activity">
      {items.map((e) => {
        const href = subjectHref(e);
        return (
          <li key={e.id} className={`activity-item kind-${e.entityType}${e.action.startsWith('login.') ? ' kind-login' : ''}`}>
            <div className="activity-head">
              <strong>{e.actorName ?? 'Someone not signed in'}</strong>
              <span>{AUDIT_ACTION_LABELS[e.action as AuditAction] ?? e.action}</span>
              <code className="badge">{e.action}</code>
              <time className="muted" dateTime={e.createdAt.toISOString()}>
                {formatDateTime(e.createdAt)}
              </time>
            </div>
            <p className="activity-summary">
              {href ? <Link href={href}>{e.summary}</Link> : e.summary}
              {e.ip && <span className="muted"> · from {e.ip}</span>}
            </p>
            {e.diff && <AuditDiffTable diff={e.diff} />}
          </li>
        );
      })}
    </ol>
  );
}

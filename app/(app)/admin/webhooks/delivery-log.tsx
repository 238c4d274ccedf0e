'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import type { DeliveryStatus } from '@/db/enums';
import type { DeliveryLogEntry } from '@/lib/webhooks/list-deliveries';
import { formatDateTime } from '@/components/claims/format';
import { api } from '@/components/ui/api-client';
import { useApiAction } from '@/components/ui/use-api-action';
import { FormError } from '@/components/ui/form-messages';

const STATUS_CLASS: Record<DeliveryStatus, string> = {
  pending: 'badge status-in_review',
  delivered: 'badge status-verified',
  failed: 'badge status-rejected',
};

/** A webhook's latest deliveries (as listDeliveries gives them), newest first, times in UTC, each with a "Send again" button. */
export function DeliveryLog({ webhookId, entries }: { webhookId: number; entries: DeliveryLogEntry[] }) {
  const router = useRouter();
  const { busy, error, run } = useApiAction({ onSuccess: () => router.refresh() });
  if (entries.length === 0) return <p className="muted">Nothing sent yet.</p>;
  return (
    <>
      <div className="table-scroll">
        <table className="data-table delivery-log">
          <thead>
            <tr>
              <th>Queued (UTC)</th>
              <th>Event</th>
              <th>Status</th>
              <th>Response</th>
              <th>Tries</th>
              <th>Last try</th>
              <th>Next retry</th>
              <th>Last error</th>
              <th>Action</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((d) => (
              <tr key={d.id} data-delivery={d.id}>
                <td>{formatDateTime(d.createdAt)}</td>
                <td>
                  {d.event}{' '}
                  {d.claimId ? (
                    <Link href={`/claims/${d.claimId}`}>claim {d.claimId}</Link>
                  ) : d.articleId ? (
                    <Link href={`/articles/${d.articleId}`}>article {d.articleId}</Link>
                  ) : null}
                </td>
                <td>
                  <span className={STATUS_CLASS[d.status]}>{d.status}</span>
                </td>
                <td>{d.lastStatusCode ?? '—'}</td>
                <td>{d.attempts}</td>
                <td>{d.lastAttemptAt ? formatDateTime(d.lastAttemptAt) : '—'}</td>
                <td>{d.nextAttemptAt ? formatDateTime(d.nextAttemptAt) : '—'}</td>
                <td className="delivery-error">{d.lastError ?? '—'}</td>
                <td>
                  <button
                    type="button"
                    disabled={busy}
                    // The visible words first (WCAG 2.5.3, label in name), then which delivery.
                    aria-label={`Send again: delivery ${d.id}`}
                    onClick={() => void run(() => api(`/api/webhooks/${webhookId}/deliveries/${d.id}/resend`, { method: 'POST' }))}
                  >
                    Send again
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <FormError message={error} className="field-error" />
    </>
  );
}

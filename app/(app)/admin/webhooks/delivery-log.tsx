'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import type { DeliveryStatus, WebhookEvent } from '@/db/enums';
import { api } from '@/components/ui/api-client';
import { useApiAction } from '@/components/ui/use-api-action';
import { FormError } from '@/components/ui/form-messages';

export type LogEntry = {
  id: number;
  event: WebhookEvent;
  claimId: number | null;
  articleId: number | null;
  status: DeliveryStatus;
  attempts: number;
  code: number | null;
  error: string | null;
  /** Formatted on the server (UTC). */
  createdAt: string;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
};

const STATUS_CLASS: Record<DeliveryStatus, string> = {
  pending: 'badge status-in_review',
  delivered: 'badge status-verified',
  failed: 'badge status-rejected',
};

/** A webhook's latest deliveries, newest first, each with a "Send again" button. */
export function DeliveryLog({ webhookId, entries }: { webhookId: number; entries: LogEntry[] }) {
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
                <td>{d.createdAt}</td>
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
                <td>{d.code ?? '—'}</td>
                <td>{d.attempts}</td>
                <td>{d.lastAttemptAt ?? '—'}</td>
                <td>{d.nextAttemptAt ?? '—'}</td>
                <td className="delivery-error">{d.error ?? '—'}</td>
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

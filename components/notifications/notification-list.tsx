'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { api } from '@/components/ui/api-client';
import { useApiAction } from '@/components/ui/use-api-action';
import { FormError } from '@/components/ui/form-messages';
import type { NotificationView } from '@/lib/notifications/list-notifications';
import { formatDateTime } from '@/components/claims/format';
import { NOTIFICATION_LABELS } from './labels';
import { announceUnread } from './use-unread-count';

type Item = Omit<NotificationView, 'createdAt'> & { createdAt: string };

const cut = (text: string, max = 90) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Where a notification leads: its claim, else its article. */
const hrefOf = (n: Item) => (n.claimId ? `/claims/${n.claimId}` : n.articleId ? `/articles/${n.articleId}` : '/notifications');

/** The user's notifications with a link to each claim; unread ones are marked "New" and can be marked read, one or all. */
export function NotificationList({ items, unread }: { items: Item[]; unread: number }) {
  const router = useRouter();
  const { busy, error, run } = useApiAction({ fallback: 'Could not mark the notifications read.' });
  const mark = (body: { ids: number[] } | { all: true }) =>
    run(async () => {
      const { unread: left } = await api<{ unread: number }>('/api/notifications/read', { body });
      announceUnread(left);
      router.refresh();
    });
  if (items.length === 0) return <p className="muted">No notifications.</p>;
  return (
    <div className="stack">
      <div className="actions">
        <button type="button" disabled={busy || unread === 0} onClick={() => void mark({ all: true })}>
          Mark all read
        </button>
      </div>
      <FormError message={error} />
      <ul className="notification-list">
        {items.map((n) => (
          <li key={n.id} className={n.read ? 'notification' : 'notification unread'} data-notification={n.id}>
            <div className="notification-head">
              {!n.read && <span className="badge new-badge">New</span>}
              <span>
                <strong>{n.actorName ?? 'Someone'}</strong> {NOTIFICATION_LABELS[n.type].verb}{' '}
                <Link
                  href={hrefOf(n)}
                  // Opening it is reading it; keepalive lets the request finish while the page changes.
                  onClick={() => {
                    if (!n.read)
                      void fetch('/api/notifications/read', {
                        method: 'POST',
                        keepalive: true,
                        headers: { 'content-type': 'application/json' },
                        body: JSON.stringify({ ids: [n.id] }),
                      });
                  }}
                >
                  {n.claimText ? `“${cut(n.claimText)}”` : n.articleTitle ? cut(n.articleTitle) : 'a claim'}
                </Link>
              </span>
              <time className="muted nowrap" dateTime={n.createdAt}>
                {formatDateTime(n.createdAt)}
              </time>
            </div>
            {n.excerpt && <blockquote className="notification-excerpt">{n.excerpt}</blockquote>}
            {!n.read && (
              <button type="button" className="link-button" disabled={busy} onClick={() => void mark({ ids: [n.id] })}>
                Mark read
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

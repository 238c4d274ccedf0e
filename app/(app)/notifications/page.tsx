import Link from 'next/link';
import { pageActor } from '@/lib/auth/page-actor';
import { listNotifications } from '@/lib/notifications/list-notifications';
import { AppError } from '@/lib/errors';
import { NotificationList } from '@/components/notifications/notification-list';

export const metadata = { title: 'Notifications' };

const PAGE_SIZE = 30;

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await pageActor();
  const { cursor, unread } = await searchParams;
  const input = { limit: String(PAGE_SIZE), ...(typeof cursor === 'string' ? { cursor } : {}), ...(unread === 'true' ? { unread: 'true' } : {}) };
  let page;
  try {
    page = await listNotifications({ actor, input });
  } catch (e) {
    // A hand-edited cursor: start from the newest again.
    if (!(e instanceof AppError)) throw e;
    page = await listNotifications({ actor, input: { limit: String(PAGE_SIZE) } });
  }
  const items = page.items.map((i) => ({ ...i, createdAt: i.createdAt.toISOString() }));
  const onlyUnread = unread === 'true';
  return (
    <div className="page narrow">
      <div className="page-head">
        <h1>Notifications</h1>
      </div>
      <nav className="notification-filter" aria-label="Which notifications">
        <Link href="/notifications" aria-current={onlyUnread ? undefined : 'page'}>
          All
        </Link>
        <Link href="/notifications?unread=true" aria-current={onlyUnread ? 'page' : undefined}>
          Unread ({page.unread})
        </Link>
      </nav>
      <NotificationList items={items} unread={page.unread} />
      {page.nextCursor && (
        <p>
          <Link href={`/notifications?cursor=${page.nextCursor}${onlyUnread ? '&unread=true' : ''}`}>Older notifications</Link>
        </p>
      )}
      <p className="muted">
        Choose which kinds you get on <Link href="/account#notifications-heading">your account page</Link>.
      </p>
    </div>
  );
}

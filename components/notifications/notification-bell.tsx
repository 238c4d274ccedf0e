'use client';

import { useEffect } from 'react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { bellLabel } from './labels';
import { announceUnread, useUnreadCount } from './use-unread-count';
import './notifications.css';

/** How often an open, visible tab asks for the count (one indexed count per minute and user). */
const POLL_MS = 60_000;

/**
 * The top bar's link to the notifications page with the unread count, named "Notifications, 3 unread". Starts from
 * the server's count, then asks again every minute while the tab is visible, when it becomes visible again, and on
 * navigation, and announces what it hears (the phone menu's button shows it too); the notifications page announces
 * at once when it marks something read.
 */
export function NotificationBell({ initialUnread }: { initialUnread: number }) {
  const unread = useUnreadCount(initialUnread);
  const pathname = usePathname();
  useEffect(() => {
    let stopped = false;
    const refresh = async () => {
      if (document.visibilityState !== 'visible') return;
      const res = await fetch('/api/notifications?limit=1').catch(() => null);
      if (!stopped && res?.ok) announceUnread(((await res.json()) as { unread: number }).unread);
    };
    void refresh();
    const timer = window.setInterval(() => void refresh(), POLL_MS);
    document.addEventListener('visibilitychange', refresh);
    return () => {
      stopped = true;
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', refresh);
    };
  }, [pathname]);
  return (
    <Link
      href="/notifications"
      className={unread > 0 ? 'notification-bell has-unread' : 'notification-bell'}
      aria-label={bellLabel(unread)}
      aria-current={pathname === '/notifications' ? 'page' : undefined}
      data-unread={unread}
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18" focusable="false">
        <path
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"
          fill="currentColor"
        />
      </svg>
      {/* A space between the words and the number: the visible text ("Notifications 3") stays part of the name. */}
      <span className="bell-text">Notifications</span> {unread > 0 && <span className="bell-count">{shownCount(unread)}</span>}
    </Link>
  );
}

const shownCount = (unread: number) => (unread > 99 ? '99+' : String(unread));

/** The phone menu button's part of the count (the bell is inside the folded menu): the number, and words for screen readers. */
export function MenuUnreadCount({ initialUnread }: { initialUnread: number }) {
  const unread = useUnreadCount(initialUnread);
  if (unread === 0) return null;
  return (
    <>
      <span className="bell-count" aria-hidden="true">
        {shownCount(unread)}
      </span>
      {/* Brackets, not a comma: the hidden words are positioned, so they are joined on with a space ("Menu , 1"). */}
      <span className="visually-hidden">{` (${unread} unread ${unread === 1 ? 'notification' : 'notifications'})`}</span>
    </>
  );
}

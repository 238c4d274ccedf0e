'use client';

import { useEffect, useState } from 'react';

/** Fired on window whenever the unread count is known anew (the bell's poll, the notifications page marking read). */
const UNREAD_EVENT = 'claimdesk:unread';

/** Tells every useUnreadCount on the page the new unread count. */
export const announceUnread = (count: number) => window.dispatchEvent(new CustomEvent(UNREAD_EVENT, { detail: count }));

/** The user's unread notifications: the server's count, then each announced one (a server render with a new count wins). */
export function useUnreadCount(initialUnread: number): number {
  const [unread, setUnread] = useState(initialUnread);
  const [serverCount, setServerCount] = useState(initialUnread);
  if (serverCount !== initialUnread) {
    setServerCount(initialUnread);
    setUnread(initialUnread);
  }
  useEffect(() => {
    const onUnread = (e: Event) => setUnread((e as CustomEvent<number>).detail);
    window.addEventListener(UNREAD_EVENT, onUnread);
    return () => window.removeEventListener(UNREAD_EVENT, onUnread);
  }, []);
  return unread;
}

'use client';

import { useEffect, useRef } from 'react';
import type { ChangeView } from '@/lib/live/list-changes';

/**
 * Calls `onChange` for every change the signed-in user may see (of one article, or all). The stream is closed while
 * the tab is hidden and reopened from the last event id seen when it shows again, so nothing is missed and a
 * background tab holds no connection; dropped connections are retried by EventSource itself (with Last-Event-ID).
 */
export function useLiveChanges({ articleId, onChange }: { articleId?: number; onChange: (change: ChangeView) => void }): void {
  const handler = useRef(onChange);
  useEffect(() => {
    handler.current = onChange;
  });

  useEffect(() => {
    let source: EventSource | null = null;
    let lastId: string | null = null;
    const open = () => {
      if (source || document.visibilityState === 'hidden') return;
      const params = new URLSearchParams();
      if (articleId !== undefined) params.set('articleId', String(articleId));
      if (lastId) params.set('lastEventId', lastId);
      const query = params.toString();
      source = new EventSource(`/api/stream${query ? `?${query}` : ''}`);
      // `ready` carries where the stream starts: reopening from there misses nothing even if no change came yet.
      source.addEventListener('ready', (e) => {
        lastId = (e as MessageEvent).lastEventId || lastId;
      });
      source.onmessage = (e) => {
        lastId = e.lastEventId || lastId;
        handler.current(JSON.parse(e.data) as ChangeView);
      };
    };
    const close = () => {
      source?.close();
      source = null;
    };
    const onVisibility = () => (document.visibilityState === 'hidden' ? close() : open());
    open();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      close();
    };
  }, [articleId]);
}

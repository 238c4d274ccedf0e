'use client';

import { useEffect, useRef } from 'react';
import type { ChangeView } from '@/lib/live/list-changes';
import { useLiveChanges } from './use-live-changes';
import { updatedBy, useLiveCue } from './live-cue';

/** Changes that arrive together are fetched once, this long after the first. */
const SETTLE_MS = 150;

/**
 * Live updates for a list (the review queue, the board): a claim change runs `refetch` (the page's own data path,
 * once for a burst of changes) and someone else's change shows a short cue. Returns the cue's text.
 */
export function useLiveRefetch({
  articleId,
  viewerId,
  refetch,
}: {
  articleId?: number;
  viewerId: number;
  refetch: () => void | Promise<void>;
}): string | null {
  const cue = useLiveCue();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const run = useRef(refetch);
  useEffect(() => {
    run.current = refetch;
  });
  useEffect(() => () => clearTimeout(timer.current), []);
  useLiveChanges({
    articleId,
    onChange: (change: ChangeView) => {
      if (!change.type.startsWith('claim.')) return;
      if (change.actorId !== viewerId) cue.show(updatedBy(change.actorName));
      if (timer.current !== undefined) return;
      timer.current = setTimeout(() => {
        timer.current = undefined;
        void run.current();
      }, SETTLE_MS);
    },
  });
  return cue.message;
}

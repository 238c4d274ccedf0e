'use client';

import { useEffect, useState } from 'react';
import { api } from '@/components/ui/api-client';
import type { EventDiff } from '@/db/enums';
import type { ClaimEvent } from '@/lib/review/list-events';
import { changesSinceReview } from '@/lib/review/changes-since-review';

/** A history event as the API sends it (dates as strings). */
export type EventDto = Omit<ClaimEvent, 'createdAt'> & { createdAt: string };
export type ReviewContext = { review: EventDto | null; changes: EventDiff };

/**
 * The claim's latest review comment and what changed since (see changesSinceReview), read from its history when
 * `enabled`; null until loaded, and when the history cannot be read (the rest of the page works without it).
 * Loaded again when the claim's version changes.
 */
export function useReviewContext(claimId: number, version: number, enabled: boolean): ReviewContext | null {
  const [loaded, setLoaded] = useState<{ key: string; context: ReviewContext | null } | null>(null);
  const key = `${claimId}:${version}`;
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    api<EventDto[]>(`/api/claims/${claimId}/events`)
      .then((events) => live && setLoaded({ key: `${claimId}:${version}`, context: changesSinceReview(events) }))
      .catch(() => live && setLoaded({ key: `${claimId}:${version}`, context: null }));
    return () => {
      live = false;
    };
  }, [claimId, version, enabled]);
  return enabled && loaded?.key === key ? loaded.context : null;
}

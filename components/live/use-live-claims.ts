'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { api, ApiError } from '@/components/ui/api-client';
import type { ClaimDto, ClaimSummaryDto } from '@/components/annotator/types';
import type { ChangeView } from '@/lib/live/list-changes';
import { useLiveChanges } from './use-live-changes';
import { updatedBy, useLiveCue } from './live-cue';

/** The open claim changed under its editor: who did it, and the version their form was opened on (kept on screen). */
export type StaleClaim = { claimId: number; by: string; opened: ClaimSummaryDto | ClaimDto; dismissed?: boolean };

type Options = {
  articleId: number;
  viewerId: number;
  claims: (ClaimSummaryDto | ClaimDto)[];
  selectedId: number | null;
  upsert: (claim: ClaimDto) => void;
  remove: (id: number) => void;
};

/**
 * Live updates for the annotate page: a claim someone else created or changed is fetched again through the API and
 * shown, a deleted one removed. The open claim's form is not swapped under its editor's typing: it stays on the
 * version it was opened on (`stale.opened`) with a notice, until they reload it or move on (a save on the old version
 * still meets the 409).
 */
export function useLiveClaims({ articleId, viewerId, claims, selectedId, upsert, remove }: Options) {
  const router = useRouter();
  const cue = useLiveCue();
  const [stale, setStale] = useState<StaleClaim | null>(null);
  // Another claim opened: the notice (and the old version) of the previous one are done with.
  const [openId, setOpenId] = useState(selectedId);
  if (openId !== selectedId) {
    setOpenId(selectedId);
    if (stale) setStale(null);
  }
  const latest = useRef({ claims, selectedId, stale });
  useEffect(() => {
    latest.current = { claims, selectedId, stale };
  });

  const onChange = useCallback(
    async (change: ChangeView) => {
      const byOther = change.actorId !== viewerId;
      if (change.type === 'article.new_version') {
        if (byOther) cue.show(updatedBy(change.actorName, 'New version'));
        return router.refresh();
      }
      if (change.claimId === null || !change.type.startsWith('claim.')) return;
      const id = change.claimId;
      let fresh: ClaimDto | null = null;
      if (change.type !== 'claim.deleted') {
        try {
          fresh = await api<ClaimDto>(`/api/claims/${id}`);
        } catch (e) {
          // Deleted or hidden since: gone from this page. Anything else (offline) waits for the next change.
          if (!(e instanceof ApiError && e.status === 404)) return;
        }
      }
      if (byOther) {
        const what = change.type === 'claim.deleted' ? 'Claim deleted' : change.type === 'claim.created' ? 'Claim added' : 'Updated';
        cue.show(updatedBy(change.actorName, what));
      }
      if (!fresh || fresh.articleId !== articleId) return remove(id);
      const known = latest.current.claims.find((c) => c.id === id);
      // Answers can arrive out of order: never go back to an older version.
      if (known && known.version >= fresh.version) return;
      const open = latest.current.selectedId === id && byOther && known && fresh.can.edit;
      if (open) {
        const opened = latest.current.stale?.claimId === id ? latest.current.stale.opened : known;
        setStale({ claimId: id, by: change.actorName ?? 'someone', opened });
      }
      upsert(fresh);
    },
    [articleId, viewerId, cue, router, upsert, remove],
  );
  useLiveChanges({ articleId, onChange: (change) => void onChange(change) });

  const current = stale && stale.claimId === selectedId ? stale : null;
  return {
    cue: cue.message,
    /** The notice to show on the open claim (none once dismissed). */
    stale: current && !current.dismissed ? current : null,
    /** What the open claim's form shows while it is stale: the version it was opened on. */
    pinned: current?.opened ?? null,
    reload: useCallback(() => setStale(null), []),
    keepEditing: useCallback(() => setStale((s) => s && { ...s, dismissed: true }), []),
  };
}

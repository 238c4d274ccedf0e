'use client';

import { useRouter } from 'next/navigation';
import { LiveCue } from './live-cue';
import { useLiveRefetch } from './use-live-refetch';

/** For server-rendered lists (the board): re-renders the page in place when a claim changes, with the cue. */
export function LiveRefresh({ viewerId }: { viewerId: number }) {
  const router = useRouter();
  const cue = useLiveRefetch({ viewerId, refetch: () => router.refresh() });
  return <LiveCue message={cue} />;
}

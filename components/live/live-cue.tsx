'use client';

import { useCallback, useRef, useState } from 'react';

const CUE_MS = 6000;

/** A short "Updated by X" for a few seconds; `show` again restarts it. */
export function useLiveCue(): { message: string | null; show: (message: string) => void } {
  const [message, setMessage] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const show = useCallback((next: string) => {
    setMessage(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setMessage(null), CUE_MS);
  }, []);
  return { message, show };
}

/**
 * The unobtrusive cue that something changed live (a polite status region, in the page from the first render so
 * screen readers hear it when the text appears).
 */
export function LiveCue({ message }: { message: string | null }) {
  return (
    <p className="live-cue" role="status" data-testid="live-cue" hidden={!message}>
      {message && (
        <>
          <span className="live-dot" aria-hidden="true" /> {message}
        </>
      )}
    </p>
  );
}

/** "Updated by Riley Reviewer" (or "Updated" when the actor is unknown). */
export function updatedBy(name: string | null, what = 'Updated'): string {
  return name ? `${what} by ${name}` : what;
}

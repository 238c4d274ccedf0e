'use client';

import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';

/** How long a confirmation stays on screen; it is announced at once, so the time is for sighted readers only. */
const TOAST_MS = 6000;
/** At most this many confirmations show at once (the oldest go first). */
const TOAST_MAX = 3;

export type Feedback = {
  /** A visible confirmation ("Saved.") in a polite live region, so screen readers hear it too. */
  toast: (message: string) => void;
  /** Said to screen readers only (moving between highlights and cards): the sighted user sees where focus went. */
  announce: (message: string) => void;
};

/** The start of a text for a confirmation, cut at a word with an ellipsis when longer than `max` characters. */
export function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(' ') > max / 2 ? cut.lastIndexOf(' ') : max)}…`;
}

const NOOP: Feedback = { toast: () => {}, announce: () => {} };
const FeedbackContext = createContext<Feedback>(NOOP);

/** What the app's pages use to confirm an action or describe a move; a no-op outside the signed-in layout. */
export function useFeedback(): Feedback {
  return useContext(FeedbackContext);
}

/**
 * The signed-in layout's live regions: toasts (visible) and a visually hidden announcer, both polite. Both are in
 * the page from the first render, since a region added together with its text is not reliably read.
 */
export function FeedbackProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<{ id: number; message: string }[]>([]);
  const [spoken, setSpoken] = useState('');
  const seq = useRef(0);

  const toast = useCallback((message: string) => {
    const id = ++seq.current;
    setToasts((list) => [...list.slice(1 - TOAST_MAX), { id, message }]);
    setTimeout(() => setToasts((list) => list.filter((t) => t.id !== id)), TOAST_MS);
  }, []);

  const announce = useCallback((message: string) => {
    // The same words twice in a row are not re-read unless the text changes: alternate a trailing no-break space.
    seq.current += 1;
    setSpoken(seq.current % 2 ? message : `${message}\u00a0`);
  }, []);

  const value = useMemo(() => ({ toast, announce }), [toast, announce]);
  return (
    <FeedbackContext.Provider value={value}>
      {children}
      {/* A polite live region without role=status: pages keep their own status messages (export counts) as the one status. */}
      <div className="toasts" aria-live="polite" data-testid="toasts">
        {toasts.map((t) => (
          <p key={t.id} className="toast">
            {t.message}
          </p>
        ))}
      </div>
      <div className="live-announcer" aria-live="polite" aria-atomic="true" data-testid="announcer">
        {spoken}
      </div>
    </FeedbackContext.Provider>
  );
}

/** Longest wait between two tries of one delivery. */
export const MAX_RETRY_DELAY_MS = 60 * 60 * 1000;
/** A delivery is retried for this long after it was queued, then marked failed. */
export const RETRY_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * When to try a delivery again after its `attempts`-th failed try (1 = the first): `baseMs` doubling each time
 * (30 s, 1 min, 2 min, ...), at most an hour; null once that time is past the 24 h window from `createdAt`, meaning give up.
 */
export function nextAttemptAfter(attempts: number, now: Date, createdAt: Date, baseMs: number): Date | null {
  const delay = Math.min(baseMs * 2 ** Math.min(attempts - 1, 30), MAX_RETRY_DELAY_MS);
  const next = now.getTime() + delay;
  return next > createdAt.getTime() + RETRY_WINDOW_MS ? null : new Date(next);
}

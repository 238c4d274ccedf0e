'use client';

import { useCallback, useState } from 'react';
import { ApiError } from './api-client';

/**
 * Runs one API action at a time: `busy` while it runs, `error` with the API's message (or a generic one) if it
 * fails; `after` runs on success (e.g. router.refresh). Returns `run`, which never throws.
 */
export function useApiAction(after?: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (action: () => Promise<unknown>) => {
      setBusy(true);
      setError(null);
      try {
        await action();
        after?.();
      } catch (e) {
        setError(e instanceof ApiError ? e.message : 'Something went wrong.');
      } finally {
        setBusy(false);
      }
    },
    [after],
  );
  return { busy, error, setError, run };
}

'use client';

import { useCallback, useState, type FormEvent } from 'react';
import { ApiError } from './api-client';

type Failure = { message: string; fields: Record<string, string>; status: number };

export type ApiActionOptions = {
  /** Runs after every action that succeeds (e.g. `router.refresh`). */
  onSuccess?: () => void;
  /** Shown when a failure carries no API message (network down, a bug); `run` may name a more specific one. */
  fallback?: string;
};

const NO_FIELDS: Record<string, string> = {};

/**
 * The one way client forms and buttons call the JSON API: `run(action)` marks the form `busy`, and on failure keeps
 * the API's `{error: {message, fields}}` as `error` (the message) and `fields` (per input), with `conflict` set for a
 * 409 so the form can offer a reload. `run` never throws; it resolves true when the action succeeded. `onSubmit`
 * wraps a handler as a form's submit handler; `fail` shows a failure found outside `run` the same way.
 */
export function useApiAction({ onSuccess, fallback = 'Something went wrong.' }: ApiActionOptions = {}) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);

  const run = useCallback(
    async (action: () => Promise<unknown>, message: string = fallback): Promise<boolean> => {
      setBusy(true);
      setFailure(null);
      try {
        await action();
        onSuccess?.();
        return true;
      } catch (e) {
        setFailure(e instanceof ApiError ? { message: e.message, fields: e.fields, status: e.status } : { message, fields: NO_FIELDS, status: 0 });
        return false;
      } finally {
        setBusy(false);
      }
    },
    [onSuccess, fallback],
  );

  /** A form's onSubmit: no page load; the form's data is read before `busy` disables its fields, then `run`s `handler`. */
  const onSubmit = useCallback(
    (handler: (data: FormData, form: HTMLFormElement) => Promise<unknown>, message?: string) => (e: FormEvent<HTMLFormElement>) => {
      e.preventDefault();
      const form = e.currentTarget;
      const data = new FormData(form);
      void run(() => handler(data, form), message);
    },
    [run],
  );

  const fail = useCallback((message: string, fields: Record<string, string> = NO_FIELDS) => setFailure({ message, fields, status: 0 }), []);
  const clear = useCallback(() => setFailure(null), []);

  return {
    busy,
    error: failure?.message ?? null,
    fields: failure?.fields ?? NO_FIELDS,
    conflict: failure?.status === 409,
    run,
    onSubmit,
    fail,
    clear,
  };
}

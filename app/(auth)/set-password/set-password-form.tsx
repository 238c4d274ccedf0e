'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { submitNewPassword, type SetPasswordState } from './actions';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '@/lib/auth/limits';

/** Choose a password through a one-time link. */
export function SetPasswordForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState<SetPasswordState, FormData>(submitNewPassword, {});
  if (state.ok) {
    return (
      <p className="form-ok" role="status">
        Password set for {state.email}. <Link href="/login">Sign in</Link>
      </p>
    );
  }
  const fieldError = (name: string) => state.fields?.[name] && <span className="field-error">{state.fields[name]}</span>;
  return (
    <form action={action} className="stack">
      <input type="hidden" name="token" value={token} />
      <label>
        New password <span className="hint">at least {MIN_PASSWORD_LENGTH} characters</span>
        <input name="password" type="password" required minLength={MIN_PASSWORD_LENGTH} maxLength={MAX_PASSWORD_LENGTH} autoComplete="new-password" autoFocus />
        {fieldError('password')}
      </label>
      <label>
        Repeat password
        <input name="confirm" type="password" required autoComplete="new-password" />
        {fieldError('confirm')}
      </label>
      {state.message && (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      )}
      <button type="submit" className="primary" disabled={pending}>
        {pending ? 'Saving…' : 'Set password'}
      </button>
    </form>
  );
}

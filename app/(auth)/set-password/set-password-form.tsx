'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { FieldError, FormError, FormOk, SubmitButton } from '@/components/ui/form-messages';
import { submitNewPassword, type SetPasswordState } from './actions';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '@/lib/auth/limits';

/** Choose a password through a one-time link. */
export function SetPasswordForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState<SetPasswordState, FormData>(submitNewPassword, {});
  if (state.ok) {
    return (
      <FormOk>
        Password set for {state.email}. <Link href="/login">Sign in</Link>
      </FormOk>
    );
  }
  return (
    <form action={action} className="stack">
      <input type="hidden" name="token" value={token} />
      <label>
        New password <span className="hint">at least {MIN_PASSWORD_LENGTH} characters</span>
        <input
          name="password"
          type="password"
          required
          minLength={MIN_PASSWORD_LENGTH}
          maxLength={MAX_PASSWORD_LENGTH}
          autoComplete="new-password"
          autoFocus
        />
        <FieldError message={state.fields?.password} />
      </label>
      <label>
        Repeat password
        <input name="confirm" type="password" required autoComplete="new-password" />
        <FieldError message={state.fields?.confirm} />
      </label>
      <FormError message={state.message} />
      <SubmitButton busy={pending} busyLabel="Saving…">
        Set password
      </SubmitButton>
    </form>
  );
}

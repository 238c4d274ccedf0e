'use client';

import { signIn } from 'next-auth/react';
import { safeRedirect } from '@/lib/auth/safe-redirect';
import { useApiAction } from '@/components/ui/use-api-action';
import { FormError, SubmitButton } from '@/components/ui/form-messages';

const WRONG = 'Email or password is incorrect.';

/** Email + password form; the message never tells which of the two was wrong. */
export function LoginForm() {
  // next-auth answers without the JSON API's error shape, so any failure reads as the one neutral message.
  const { busy, error, onSubmit } = useApiAction({ fallback: WRONG });

  const submit = onSubmit(async (data) => {
    const result = await signIn('credentials', {
      email: String(data.get('email') ?? ''),
      password: String(data.get('password') ?? ''),
      redirect: false,
    });
    if (!result?.ok || result.error) throw new Error(WRONG);
    // Only this origin: an open redirect after login is a phishing aid.
    const next = new URLSearchParams(window.location.search).get('callbackUrl');
    window.location.assign(safeRedirect(next, window.location.origin));
  });

  return (
    <form className="stack" onSubmit={submit}>
      <label>
        Email
        <input name="email" type="email" autoComplete="username" required autoFocus />
      </label>
      <label>
        Password
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      <FormError message={error} />
      <SubmitButton busy={busy} busyLabel="Signing in…">
        Sign in
      </SubmitButton>
    </form>
  );
}

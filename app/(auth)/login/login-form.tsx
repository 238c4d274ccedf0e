'use client';

import { useState } from 'react';
import { signIn } from 'next-auth/react';
import { safeRedirect } from '@/lib/auth/safe-redirect';

/** Email + password form; the message never tells which of the two was wrong. */
export function LoginForm() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    setBusy(true);
    setError(null);
    const result = await signIn('credentials', {
      email: String(data.get('email') ?? ''),
      password: String(data.get('password') ?? ''),
      redirect: false,
    });
    setBusy(false);
    if (result?.ok && !result.error) {
      // Only this origin: an open redirect after login is a phishing aid.
      const next = new URLSearchParams(window.location.search).get('callbackUrl');
      window.location.assign(safeRedirect(next, window.location.origin));
    } else {
      setError('Email or password is incorrect.');
    }
  }

  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        void submit(e.currentTarget);
      }}
    >
      <label>
        Email
        <input name="email" type="email" autoComplete="username" required autoFocus />
      </label>
      <label>
        Password
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}

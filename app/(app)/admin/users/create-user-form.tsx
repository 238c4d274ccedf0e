'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { ROLES } from '@/db/enums';
import { ROLE_LABELS } from '@/components/labels';
import { api, ApiError } from '@/components/ui/api-client';
import { OneTimeLink } from './one-time-link';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '@/lib/auth/limits';
import { EMAIL_MAX, USER_NAME_MAX } from '@/lib/users/limits';

type Created = { user: { name: string; email: string }; setPasswordLink?: string };

/** Creates a user with either an initial password or a one-time link (shown once). */
export function CreateUserForm() {
  const router = useRouter();
  const [mode, setMode] = useState<'link' | 'password'>('link');
  const [error, setError] = useState<ApiError | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    setBusy(true);
    setError(null);
    setCreated(null);
    try {
      const body = {
        email: String(data.get('email') ?? ''),
        name: String(data.get('name') ?? ''),
        role: String(data.get('role') ?? 'editor'),
        ...(mode === 'password' ? { password: String(data.get('password') ?? '') } : {}),
      };
      setCreated(await api<Created>('/api/users', { body }));
      form.reset();
      router.refresh();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'Could not create the user.'));
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (name: string) => error?.fields[name] && <span className="field-error">{error.fields[name]}</span>;
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        void submit(e.currentTarget);
      }}
    >
      <div className="row">
        <label>
          Email
          <input name="email" type="email" required maxLength={EMAIL_MAX} autoComplete="off" />
          {fieldError('email')}
        </label>
        <label>
          Name
          <input name="name" required maxLength={USER_NAME_MAX} autoComplete="off" />
          {fieldError('name')}
        </label>
        <label>
          Role
          <select name="role" defaultValue="editor">
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <fieldset className="format">
        <legend>First sign-in</legend>
        <label className="inline">
          <input type="radio" name="mode" checked={mode === 'link'} onChange={() => setMode('link')} /> Give them a one-time link
        </label>
        <label className="inline">
          <input type="radio" name="mode" checked={mode === 'password'} onChange={() => setMode('password')} /> Set an initial password
        </label>
      </fieldset>
      {mode === 'password' && (
        <label>
          Initial password <span className="hint">at least {MIN_PASSWORD_LENGTH} characters, not a common password</span>
          <input name="password" type="password" required minLength={MIN_PASSWORD_LENGTH} maxLength={MAX_PASSWORD_LENGTH} autoComplete="new-password" />
          {fieldError('password')}
        </label>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      {created?.setPasswordLink && <OneTimeLink path={created.setPasswordLink} who={created.user.email} />}
      {created && !created.setPasswordLink && (
        <p className="form-ok" role="status">
          Created {created.user.name}. They can sign in with the password you set.
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create user'}
        </button>
      </div>
    </form>
  );
}

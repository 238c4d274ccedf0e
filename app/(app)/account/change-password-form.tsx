'use client';

import { useState } from 'react';
import { api, ApiError } from '@/components/ui/api-client';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '@/lib/auth/limits';

/** Change one's own password (current password required; policy checked by the server). */
export function ChangePasswordForm() {
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    setError(null);
    setDone(false);
    if (data.get('newPassword') !== data.get('confirm')) {
      setError(new ApiError(400, 'The new passwords do not match.', { confirm: 'Does not match.' }));
      return;
    }
    setBusy(true);
    try {
      await api('/api/account/password', {
        body: { currentPassword: String(data.get('currentPassword')), newPassword: String(data.get('newPassword')) },
      });
      form.reset();
      setDone(true);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'Could not change the password.'));
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
      <label>
        Current password
        <input name="currentPassword" type="password" required autoComplete="current-password" />
        {fieldError('currentPassword')}
      </label>
      <label>
        New password <span className="hint">at least {MIN_PASSWORD_LENGTH} characters, not a common password</span>
        <input name="newPassword" type="password" required minLength={MIN_PASSWORD_LENGTH} maxLength={MAX_PASSWORD_LENGTH} autoComplete="new-password" />
        {fieldError('newPassword')}
      </label>
      <label>
        Repeat new password
        <input name="confirm" type="password" required autoComplete="new-password" />
        {fieldError('confirm')}
      </label>
      {error && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      {done && (
        <p className="form-ok" role="status">
          Password changed. Your other sessions and all your API tokens were signed out.
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Saving…' : 'Change password'}
        </button>
      </div>
    </form>
  );
}

'use client';

import Link from 'next/link';
import { useState } from 'react';
import { api, ApiError } from '@/components/ui/api-client';
import { useApiAction } from '@/components/ui/use-api-action';
import { NewPasswordField } from '@/components/ui/new-password-field';
import { FieldError, FormError, FormOk, SubmitButton } from '@/components/ui/form-messages';

/** Choose a password through a one-time link (POST /api/set-password: anonymous, the link's token is the credential). */
export function SetPasswordForm({ token }: { token: string }) {
  const [email, setEmail] = useState<string | null>(null);
  const { busy, error, fields, onSubmit } = useApiAction();

  const submit = onSubmit(async (data) => {
    const password = String(data.get('password') ?? '');
    if (password !== String(data.get('confirm') ?? '')) throw new ApiError(400, 'The passwords do not match.', { confirm: 'Does not match.' });
    setEmail((await api<{ email: string }>('/api/set-password', { body: { token, password } })).email);
  });

  if (email) {
    return (
      <FormOk>
        Password set for {email}. <Link href="/login">Sign in</Link>
      </FormOk>
    );
  }
  return (
    <form onSubmit={submit} className="stack">
      <NewPasswordField label="New password" name="password" error={fields.password} autoFocus />
      <label>
        Repeat password
        <input name="confirm" type="password" required autoComplete="new-password" />
        <FieldError message={fields.confirm} />
      </label>
      <FormError message={error} />
      <SubmitButton busy={busy} busyLabel="Saving…">
        Set password
      </SubmitButton>
    </form>
  );
}

'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { ROLES } from '@/db/enums';
import { ROLE_LABELS } from '@/components/labels';
import { api } from '@/components/ui/api-client';
import { useApiAction } from '@/components/ui/use-api-action';
import { NewPasswordField } from '@/components/ui/new-password-field';
import { FieldError, FormError, FormOk, SubmitButton } from '@/components/ui/form-messages';
import { LabelledOptions } from '@/components/ui/labelled-options';
import { OneTimeLink } from './one-time-link';
import { EMAIL_MAX, USER_NAME_MAX } from '@/lib/users/limits';

type Created = { user: { name: string; email: string }; setPasswordLink?: string };

/** Creates a user with either an initial password or a one-time link (shown once). */
export function CreateUserForm() {
  const router = useRouter();
  const [mode, setMode] = useState<'link' | 'password'>('link');
  const [created, setCreated] = useState<Created | null>(null);
  const { busy, error, fields, onSubmit } = useApiAction({ onSuccess: () => router.refresh(), fallback: 'Could not create the user.' });

  const submit = onSubmit(async (data, form) => {
    setCreated(null);
    const body = {
      email: String(data.get('email') ?? ''),
      name: String(data.get('name') ?? ''),
      role: String(data.get('role') ?? 'editor'),
      ...(mode === 'password' ? { password: String(data.get('password') ?? '') } : {}),
    };
    setCreated(await api<Created>('/api/users', { body }));
    form.reset();
  });
  return (
    <form className="stack" onSubmit={submit}>
      <div className="row">
        <label>
          Email
          <input name="email" type="email" required maxLength={EMAIL_MAX} autoComplete="off" />
          <FieldError message={fields.email} />
        </label>
        <label>
          Name
          <input name="name" required maxLength={USER_NAME_MAX} autoComplete="off" />
          <FieldError message={fields.name} />
        </label>
        <label>
          Role
          <select name="role" defaultValue="editor">
            <LabelledOptions values={ROLES} labels={ROLE_LABELS} />
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
      {mode === 'password' && <NewPasswordField label="Initial password" name="password" error={fields.password} />}
      <FormError message={error} />
      {created?.setPasswordLink && <OneTimeLink path={created.setPasswordLink} who={created.user.email} />}
      {created && !created.setPasswordLink && <FormOk>Created {created.user.name}. They can sign in with the password you set.</FormOk>}
      <div className="actions">
        <SubmitButton busy={busy} busyLabel="Creating…">
          Create user
        </SubmitButton>
      </div>
    </form>
  );
}

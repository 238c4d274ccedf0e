'use client';

import { useState } from 'react';
import { api, ApiError } from '@/components/ui/api-client';
import { useApiAction } from '@/components/ui/use-api-action';
import { NewPasswordField } from '@/components/ui/new-password-field';
import { FieldError, FormError, FormOk, SubmitButton } from '@/components/ui/form-messages';

/** Change one's own password (current password required; policy checked by the server). */
export function ChangePasswordForm() {
  const [done, setDone] = useState(false);
  const { busy, error, fields, onSubmit } = useApiAction({ fallback: 'Could not change the password.' });

  const submit = onSubmit(async (data, form) => {
    setDone(false);
    if (data.get('newPassword') !== data.get('confirm')) throw new ApiError(400, 'The new passwords do not match.', { confirm: 'Does not match.' });
    await api('/api/account/password', {
      body: { currentPassword: String(data.get('currentPassword')), newPassword: String(data.get('newPassword')) },
    });
    form.reset();
    setDone(true);
  });
  return (
    <form className="stack" onSubmit={submit}>
      <label>
        Current password
        <input name="currentPassword" type="password" required autoComplete="current-password" />
        <FieldError message={fields.currentPassword} />
      </label>
      <NewPasswordField label="New password" name="newPassword" error={fields.newPassword} />
      <label>
        Repeat new password
        <input name="confirm" type="password" required autoComplete="new-password" />
        <FieldError message={fields.confirm} />
      </label>
      <FormError message={error} />
      {done && <FormOk>Password changed. Your other sessions and all your API tokens were signed out.</FormOk>}
      <div className="actions">
        <SubmitButton busy={busy} busyLabel="Saving…">
          Change password
        </SubmitButton>
      </div>
    </form>
  );
}

'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { ROLES } from '@/db/enums';
import { ROLE_LABELS } from '@/components/labels';
import { api } from '@/components/ui/api-client';
import { useApiAction } from '@/components/ui/use-api-action';
import { FormError } from '@/components/ui/form-messages';
import { LabelledOptions } from '@/components/ui/labelled-options';
import { OneTimeLink } from './one-time-link';
import { useFeedback } from '@/components/ui/feedback';
import { UserTokens, type UserToken } from './user-tokens';

type User = { id: number; email: string; name: string; role: string; disabled: boolean };

/** One user: role select, disable/enable, API tokens, password reset link; errors (last admin) shown inline. */
export function UserRow({ user, isSelf, tokens }: { user: User; isSelf: boolean; tokens: UserToken[] }) {
  const router = useRouter();
  const [link, setLink] = useState<string | null>(null);
  const { busy, error, run } = useApiAction({ onSuccess: () => router.refresh() });

  const { toast } = useFeedback();
  const patch = async (body: object, done: string) => {
    if (await run(() => api(`/api/users/${user.id}`, { method: 'PATCH', body }))) toast(done);
  };
  const toggleDisabled = () => {
    // Disabling signs them out everywhere at their next request; enabling needs no second thought.
    if (!user.disabled && !window.confirm(`Disable ${user.name}? They are signed out at once and cannot sign in until enabled again.`)) return;
    return patch({ disabled: !user.disabled }, `${user.name} ${user.disabled ? 'enabled' : 'disabled'}.`);
  };
  const reset = () => {
    // The old password, sessions and tokens stop working at once, so ask first.
    const ok = window.confirm(
      `Reset the password of ${user.name}? Their current password, sessions and API tokens stop working now; you get a one-time link to pass on.`,
    );
    if (!ok) return;
    return run(async () => {
      const res = await api<{ setPasswordLink?: string }>(`/api/users/${user.id}/password`, { body: {} });
      setLink(res.setPasswordLink ?? null);
    });
  };

  return (
    <tr className={user.disabled ? 'user-disabled' : undefined} data-user={user.email}>
      <td>
        {user.name} {isSelf && <span className="badge">you</span>}
      </td>
      <td>{user.email}</td>
      <td>
        <select
          aria-label={`Role of ${user.name}`}
          value={user.role}
          disabled={busy}
          onChange={(e) => void patch({ role: e.target.value }, `${user.name} is now ${ROLE_LABELS[e.target.value].toLowerCase()}.`)}
        >
          <LabelledOptions values={ROLES} labels={ROLE_LABELS} />
        </select>
      </td>
      <td>{user.disabled ? <span className="badge warn">Disabled</span> : <span className="badge">Active</span>}</td>
      <td>
        <UserTokens userId={user.id} userName={user.name} tokens={tokens} />
      </td>
      <td>
        <div className="actions">
          <button type="button" disabled={busy} onClick={() => void toggleDisabled()} className={user.disabled ? undefined : 'danger'}>
            {user.disabled ? 'Enable' : 'Disable'}
          </button>
          <button type="button" disabled={busy} onClick={() => void reset()}>
            Reset password
          </button>
        </div>
        <FormError message={error} className="field-error" />
        {link && <OneTimeLink path={link} who={user.email} />}
      </td>
    </tr>
  );
}

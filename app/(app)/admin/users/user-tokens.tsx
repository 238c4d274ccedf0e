'use client';

import { useRouter } from 'next/navigation';
import { api } from '@/components/ui/api-client';
import { useApiAction } from '@/components/ui/use-api-action';
import { FormError } from '@/components/ui/form-messages';

export type UserToken = { id: number; name: string; lastUsedAt: string | null };

/** A user's live API tokens with a Revoke button each (an admin stops a leaked or forgotten script). */
export function UserTokens({ userId, userName, tokens }: { userId: number; userName: string; tokens: UserToken[] }) {
  const router = useRouter();
  const { busy, error, run } = useApiAction({ onSuccess: () => router.refresh() });
  if (tokens.length === 0) return <span className="muted">none</span>;
  return (
    <>
      <ul className="user-tokens">
        {tokens.map((t) => (
          <li key={t.id}>
            <span>
              {t.name} <span className="muted">· used {t.lastUsedAt ? new Date(t.lastUsedAt).toLocaleDateString() : 'never'}</span>
            </span>
            <button
              type="button"
              className="danger"
              disabled={busy}
              aria-label={`Revoke token ${t.name} of ${userName}`}
              onClick={() => void run(() => api(`/api/users/${userId}/tokens/${t.id}`, { method: 'DELETE' }))}
            >
              Revoke
            </button>
          </li>
        ))}
      </ul>
      <FormError message={error} className="field-error" />
    </>
  );
}

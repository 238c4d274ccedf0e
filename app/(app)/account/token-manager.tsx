'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { api } from '@/components/ui/api-client';
import { useApiAction } from '@/components/ui/use-api-action';
import { FormError } from '@/components/ui/form-messages';
import { TOKEN_NAME_MAX } from '@/lib/users/limits';

type Token = { id: number; name: string; createdAt: string; lastUsedAt: string | null };

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : 'never');

/** Lists, creates (secret shown once) and revokes the user's personal API tokens. */
export function TokenManager({ tokens }: { tokens: Token[] }) {
  const router = useRouter();
  const [secret, setSecret] = useState<{ name: string; token: string } | null>(null);
  const { busy, error, run, onSubmit } = useApiAction({ onSuccess: () => router.refresh() });

  return (
    <div className="stack">
      {tokens.length === 0 ? (
        <p className="muted">No tokens yet.</p>
      ) : (
        <table className="data-table tokens-table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Created</th>
              <th>Last used</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => (
              <tr key={t.id}>
                <td>{t.name}</td>
                <td className="nowrap">{when(t.createdAt)}</td>
                <td className="nowrap">{when(t.lastUsedAt)}</td>
                <td>
                  <button
                    type="button"
                    className="danger"
                    disabled={busy}
                    onClick={() => void run(() => api(`/api/tokens/${t.id}`, { method: 'DELETE' }))}
                  >
                    Revoke
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {secret && (
        <div className="secret-once" role="status">
          <p>
            Copy the token <strong>{secret.name}</strong> now: it will not be shown again.
          </p>
          <div className="secret-row">
            <input readOnly value={secret.token} aria-label="New API token" onFocus={(e) => e.currentTarget.select()} />
            <button type="button" onClick={() => void navigator.clipboard?.writeText(secret.token)}>
              Copy
            </button>
          </div>
        </div>
      )}
      <form
        className="token-form"
        onSubmit={onSubmit(async (data, form) => {
          const created = await api<{ name: string; token: string }>('/api/tokens', { body: { name: String(data.get('name') ?? '') } });
          setSecret({ name: created.name, token: created.token });
          form.reset();
        })}
      >
        <label>
          New token name
          <input name="name" required maxLength={TOKEN_NAME_MAX} placeholder="e.g. nightly export script" />
        </label>
        <button type="submit" className="primary" disabled={busy}>
          Create token
        </button>
      </form>
      <FormError message={error} />
    </div>
  );
}

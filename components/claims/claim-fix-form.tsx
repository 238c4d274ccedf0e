'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { api, ApiError } from '@/components/ui/api-client';
import { CLAIMANT_MAX, CLAIM_TEXT_MAX, RATIONALE_MAX } from '@/lib/claims/limits';

type Props = { claimId: number; version: number; claimText: string; claimant: string; rationale: string };

/** Quick edit of the fields reviewers most often ask to change (text, claimant, rationale); sources and verdict live in the article view. */
export function ClaimFixForm({ claimId, version, claimText, claimant, rationale }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  async function save(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      await api(`/api/claims/${claimId}`, {
        method: 'PATCH',
        body: {
          version,
          claimText: String(data.get('claimText') ?? ''),
          claimant: String(data.get('claimant') ?? ''),
          rationale: String(data.get('rationale') ?? ''),
        },
      });
      setSaved(true);
      router.refresh();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Could not save.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="stack fix-form" onSubmit={save}>
      <label>
        Claim text
        <textarea name="claimText" rows={2} defaultValue={claimText} maxLength={CLAIM_TEXT_MAX} required />
      </label>
      <label>
        Claimant
        <input name="claimant" defaultValue={claimant} maxLength={CLAIMANT_MAX} />
      </label>
      <label>
        Rationale
        <textarea name="rationale" rows={4} defaultValue={rationale} maxLength={RATIONALE_MAX} />
      </label>
      {error && <p className="form-error" role="alert">{error}</p>}
      <div className="actions">
        <button type="submit" disabled={busy}>
          Save changes
        </button>
        {saved && <span className="muted" role="status">Saved.</span>}
      </div>
    </form>
  );
}

'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { api } from '@/components/ui/api-client';
import { useApiAction } from '@/components/ui/use-api-action';
import { FormError } from '@/components/ui/form-messages';
import { CLAIMANT_MAX, CLAIM_TEXT_MAX, RATIONALE_MAX } from '@/lib/claims/limits';

type Props = { claimId: number; version: number; claimText: string; claimant: string; rationale: string };

/** Quick edit of the fields reviewers most often ask to change (text, claimant, rationale); sources and verdict live in the article view. */
export function ClaimFixForm({ claimId, version, claimText, claimant, rationale }: Props) {
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const { busy, error, onSubmit } = useApiAction({ fallback: 'Could not save.' });

  const save = onSubmit(async (data) => {
    setSaved(false);
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
  });

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
      <FormError message={error} />
      <div className="actions">
        <button type="submit" disabled={busy}>
          Save changes
        </button>
        {saved && (
          <span className="muted" role="status">
            Saved.
          </span>
        )}
      </div>
    </form>
  );
}

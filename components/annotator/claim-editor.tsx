'use client';

import { useState } from 'react';
import { CLAIM_TYPES } from '@/db/schema';
import { api, ApiError } from '@/components/ui/api-client';
import { TYPE_LABELS, type ClaimDto } from './types';

type Props = { claim: ClaimDto; actor: { id: number; role: string }; onChanged: (c: ClaimDto) => void; onDeleted: (id: number) => void };

/** Edit form for one claim: the fields the author (or a reviewer) may change, plus delete for own drafts. */
export function ClaimEditor({ claim, actor, onChanged, onDeleted }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const own = claim.authorId === actor.id;
  const canEdit = own || actor.role !== 'editor';
  const canDelete = (own && claim.status === 'draft') || actor.role === 'admin';

  async function save(form: HTMLFormElement) {
    const data = new FormData(form);
    setBusy(true);
    setError(null);
    try {
      const updated = await api<ClaimDto>(`/api/claims/${claim.id}`, {
        method: 'PATCH',
        body: {
          version: claim.version,
          type: data.get('type'),
          claimant: String(data.get('claimant') ?? ''),
          claimText: String(data.get('claimText') ?? ''),
          note: String(data.get('note') ?? ''),
        },
      });
      onChanged(updated);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not save.');
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    if (!window.confirm('Delete this claim? Its history is kept in the audit trail.')) return;
    try {
      await api(`/api/claims/${claim.id}`, { method: 'DELETE' });
      onDeleted(claim.id);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not delete.');
    }
  }

  return (
    <div className="claim-editor">
      <blockquote className="selection-quote">
        <span className="muted">…{claim.prefix}</span>
        <mark>{claim.exact}</mark>
        <span className="muted">{claim.suffix}…</span>
      </blockquote>
      <p className="meta">
        By {claim.authorName} · v{claim.version}
      </p>
      <form
        key={claim.version}
        onSubmit={(e) => {
          e.preventDefault();
          void save(e.currentTarget);
        }}
      >
        <fieldset disabled={!canEdit || busy}>
          <label>
            Type
            <select name="type" defaultValue={claim.type}>
              {CLAIM_TYPES.map((t) => (
                <option key={t} value={t}>
                  {TYPE_LABELS[t]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Claimant
            <input name="claimant" defaultValue={claim.claimant} maxLength={200} />
          </label>
          <label>
            Claim as published
            <textarea name="claimText" defaultValue={claim.claimText} rows={3} maxLength={5000} required />
          </label>
          <label>
            Note
            <textarea name="note" defaultValue={claim.note} rows={2} maxLength={5000} />
          </label>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <div className="actions">
            <button type="submit" className="primary">
              Save
            </button>
            {canDelete && (
              <button type="button" className="danger" onClick={() => void remove()}>
                Delete
              </button>
            )}
          </div>
        </fieldset>
      </form>
    </div>
  );
}

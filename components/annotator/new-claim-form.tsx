'use client';

import { useState } from 'react';
import { CLAIM_TYPES } from '@/db/enums';
import { api, ApiError } from '@/components/ui/api-client';
import { TYPE_LABELS } from '@/components/labels';
import type { ClaimDto } from './types';
import { CLAIMANT_MAX, NOTE_MAX } from '@/lib/claims/limits';

export type PendingSelection = { start: number; end: number; exact: string };

const QUOTE_START = /^["“‘']/;
const HAS_DIGIT = /\d/;

/** A first guess at the claim type from the selected words; the editor can change it. */
export function guessType(exact: string): (typeof CLAIM_TYPES)[number] {
  if (QUOTE_START.test(exact)) return 'quote';
  if (HAS_DIGIT.test(exact)) return 'statistic';
  return 'event';
}

/** Creates a claim from the current text selection. */
type Props = {
  articleId: number;
  pending: PendingSelection | null;
  onCreated: (c: ClaimDto) => void;
  /** The selected claim when it is orphaned: the selection can become its new anchor. */
  orphan?: { id: number; version: number; claimText: string } | null;
};

export function NewClaimForm({ articleId, pending, onCreated, orphan }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (!pending) {
    return (
      <section className="panel-section new-claim empty">
        <p className="muted">Select words in the article (mouse, or Shift + arrow keys) to mark a claim.</p>
      </section>
    );
  }

  async function reanchor() {
    setBusy(true);
    setError(null);
    try {
      const body = { version: orphan!.version, start: pending!.start, end: pending!.end, exact: pending!.exact };
      onCreated(await api<ClaimDto>(`/api/claims/${orphan!.id}`, { method: 'PATCH', body }));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not move the claim.');
    } finally {
      setBusy(false);
    }
  }

  async function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    setBusy(true);
    setError(null);
    try {
      const claim = await api<ClaimDto>('/api/claims', {
        body: {
          articleId,
          start: pending!.start,
          end: pending!.end,
          exact: pending!.exact,
          type: data.get('type'),
          claimant: String(data.get('claimant') ?? ''),
          note: String(data.get('note') ?? ''),
        },
      });
      onCreated(claim);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not create the claim.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel-section new-claim" key={`${pending.start}-${pending.end}`}>
      <h2>New claim</h2>
      <blockquote className="selection-quote">{pending.exact}</blockquote>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit(e.currentTarget);
        }}
      >
        <label>
          Type
          <select name="type" defaultValue={guessType(pending.exact)}>
            {CLAIM_TYPES.map((t) => (
              <option key={t} value={t}>
                {TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Claimant <span className="hint">who made the claim</span>
          <input name="claimant" maxLength={CLAIMANT_MAX} placeholder="e.g. Ingrid Valmont" />
        </label>
        <label>
          Note <span className="hint">optional</span>
          <textarea name="note" rows={2} maxLength={NOTE_MAX} />
        </label>
        {error && <p className="form-error" role="alert">{error}</p>}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Saving…' : 'Create claim'}
          </button>
          {orphan && (
            <button type="button" disabled={busy} onClick={() => void reanchor()} title={`Anchor “${orphan.claimText}” to these words`}>
              Move orphaned claim here
            </button>
          )}
        </div>
      </form>
    </section>
  );
}

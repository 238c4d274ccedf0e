'use client';

import { CLAIM_TYPES } from '@/db/enums';
import { missingForSubmit } from '@/lib/review/workflow';
import { api } from '@/components/ui/api-client';
import { useApiAction } from '@/components/ui/use-api-action';
import { FormError } from '@/components/ui/form-messages';
import { LabelledOptions } from '@/components/ui/labelled-options';
import { ClaimSourcesEditor } from '@/components/sources/claim-sources-editor';
import { MarkdownText } from '@/components/ui/markdown-text';
import { ClaimPublishFields } from './claim-publish-fields';
import type { VerdictDto } from '@/components/sources/types';
import { SeenBefore } from '@/components/matching/seen-before';
import { ReusedNote } from '@/components/matching/reused-note';
import { TYPE_LABELS } from '@/components/labels';
import type { ClaimDto } from './types';
import { CLAIMANT_MAX, CLAIM_TEXT_MAX, NOTE_MAX, RATIONALE_MAX } from '@/lib/claims/limits';

type Props = {
  /** A full claim; `claim.can` says what the viewer may do to it. */
  claim: ClaimDto;
  /** The verdict scale in order; retired verdicts are offered only when the claim already has one. */
  verdicts: VerdictDto[];
  onChanged: (c: ClaimDto) => void;
  onDeleted: (id: number) => void;
};

/** "a, b and c" for the submit button's message. */
function listWords(items: string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Edit form for one claim: text, type, claimant, verdict, rationale, sources, submit for review, and delete for own drafts. */
export function ClaimEditor({ claim, verdicts, onChanged, onDeleted }: Props) {
  const { busy, error, run, onSubmit } = useApiAction();
  const { edit: canEdit, delete: canDelete, submit: canSubmit } = claim.can;
  const missing = missingForSubmit({ verdictId: claim.verdictId, rationale: claim.rationale, sourceCount: claim.sources.length });
  const offered = verdicts.filter((v) => !v.retired || v.id === claim.verdictId);

  const save = onSubmit(async (data) => {
    const verdict = String(data.get('verdictId') ?? '');
    const updated = await api<ClaimDto>(`/api/claims/${claim.id}`, {
      method: 'PATCH',
      body: {
        version: claim.version,
        type: data.get('type'),
        claimant: String(data.get('claimant') ?? ''),
        claimantKind: data.get('claimantKind') || null,
        summary: String(data.get('summary') ?? ''),
        claimText: String(data.get('claimText') ?? ''),
        note: String(data.get('note') ?? ''),
        verdictId: verdict ? Number(verdict) : null,
        rationale: String(data.get('rationale') ?? ''),
      },
    });
    onChanged(updated);
  }, 'Could not save.');

  const submit = () =>
    run(async () => {
      onChanged(await api<ClaimDto>(`/api/claims/${claim.id}/transitions`, { body: { action: 'submit', version: claim.version } }));
    }, 'Could not submit.');

  async function remove() {
    if (!window.confirm('Delete this claim? Its history is kept in the audit trail.')) return;
    await run(async () => {
      await api(`/api/claims/${claim.id}`, { method: 'DELETE' });
      onDeleted(claim.id);
    }, 'Could not delete.');
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
      <ReusedNote fromClaimId={claim.reusedFromClaimId} />
      <form key={claim.version} onSubmit={save}>
        <fieldset disabled={!canEdit || busy}>
          <label>
            Claim as published
            <textarea name="claimText" defaultValue={claim.claimText} rows={3} maxLength={CLAIM_TEXT_MAX} required />
          </label>
          <div className="field-pair">
            <label>
              Type
              <select name="type" defaultValue={claim.type}>
                <LabelledOptions values={CLAIM_TYPES} labels={TYPE_LABELS} />
              </select>
            </label>
            <label>
              Claimant
              <input name="claimant" defaultValue={claim.claimant} maxLength={CLAIMANT_MAX} />
            </label>
          </div>
          <ClaimPublishFields summary={claim.summary} claimantKind={claim.claimantKind} />
          <label>
            Verdict
            <span className="verdict-select">
              {claim.verdictColor && <span className="swatch" style={{ background: claim.verdictColor }} aria-hidden="true" />}
              <select name="verdictId" defaultValue={claim.verdictId ?? ''}>
                <option value="">— No verdict yet —</option>
                {offered.map((v) => (
                  <option key={v.id} value={v.id}>
                    {v.label}
                    {v.retired ? ' (retired)' : ''}
                  </option>
                ))}
              </select>
            </span>
          </label>
          {canEdit ? (
            <label>
              Rationale <span className="hint">blank line = new paragraph; **bold**, *italic*, links</span>
              <textarea name="rationale" defaultValue={claim.rationale} rows={5} maxLength={RATIONALE_MAX} />
            </label>
          ) : (
            <div className="rationale-view">
              <strong>Rationale</strong>
              <MarkdownText text={claim.rationale} />
            </div>
          )}
          <label>
            Note <span className="hint">internal</span>
            <textarea name="note" defaultValue={claim.note} rows={2} maxLength={NOTE_MAX} />
          </label>
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
      <ClaimSourcesEditor claim={claim} canEdit={canEdit} onChanged={onChanged} />
      <SeenBefore claim={claim} onChanged={onChanged} />
      <FormError message={error} />
      {canSubmit && (
        <div className="submit-review">
          <button type="button" className="primary" disabled={busy || missing.length > 0} onClick={() => void submit()}>
            {missing.length ? `Add ${listWords(missing)} to submit` : 'Submit for review'}
          </button>
        </div>
      )}
    </div>
  );
}

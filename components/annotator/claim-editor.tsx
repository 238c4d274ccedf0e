'use client';

import { useEffect, useRef, useState } from 'react';
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
import { STATUS_LABELS, TYPE_LABELS } from '@/components/labels';
import type { ClaimDto } from './types';
import { CLAIMANT_MAX, CLAIM_TEXT_MAX, NOTE_MAX, RATIONALE_MAX } from '@/lib/claims/limits';
import { useFeedback } from '@/components/ui/feedback';
import { useReviewContext } from '@/components/claims/use-review-context';
import { ReviewRequest } from '@/components/claims/review-context';
import { MentionTextarea } from '@/components/notifications/mention-textarea';
import { TagsField } from '@/components/claims/tags-field';
import { ClaimAssignee } from '@/components/claims/claim-assignee';

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

/**
 * Edit form for one claim: the reviewer's request when it was sent back, text, type, claimant, verdict, rationale,
 * sources, submit for review, and delete for own drafts. Save and Submit are confirmed in the live region, and focus
 * stays on the claim (Save re-renders the form, Submit removes its button).
 */
export function ClaimEditor({ claim, verdicts, onChanged, onDeleted }: Props) {
  const { busy, error, run, onSubmit } = useApiAction();
  const { toast } = useFeedback();
  const rootRef = useRef<HTMLDivElement>(null);
  /** What to focus once the saved or submitted claim (that version) is shown: the Save button, or the card. */
  const [refocus, setRefocus] = useState<{ target: 'save' | 'card'; version: number } | null>(null);
  const sentBack = claim.status === 'needs_changes';
  const context = useReviewContext(claim.id, claim.version, sentBack);

  useEffect(() => {
    if (refocus?.version !== claim.version) return;
    const root = rootRef.current;
    const target =
      refocus.target === 'card' ? root?.closest('.claim-card')?.querySelector('.claim-card-head') : root?.querySelector('[data-refocus="save"]');
    (target as HTMLElement | null | undefined)?.focus();
  }, [claim.version, refocus]);
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
        tags: data.getAll('tags').map(String),
      },
    });
    setRefocus({ target: 'save', version: updated.version });
    onChanged(updated);
    toast(updated.status === claim.status ? 'Claim saved.' : `Claim saved; it is now ${STATUS_LABELS[updated.status].toLowerCase()}.`);
  }, 'Could not save.');

  const submit = () =>
    run(async () => {
      const updated = await api<ClaimDto>(`/api/claims/${claim.id}/transitions`, { body: { action: 'submit', version: claim.version } });
      setRefocus({ target: 'card', version: updated.version });
      onChanged(updated);
      toast(sentBack ? 'Resubmitted for review.' : 'Submitted for review.');
    }, 'Could not submit.');

  async function remove() {
    if (!window.confirm('Delete this claim? Its history is kept in the audit trail.')) return;
    await run(async () => {
      await api(`/api/claims/${claim.id}`, { method: 'DELETE' });
      onDeleted(claim.id);
    }, 'Could not delete.');
  }

  return (
    <div className="claim-editor" ref={rootRef}>
      {sentBack && context?.review && <ReviewRequest review={context.review} heading="What the reviewer asked for" />}
      <blockquote className="selection-quote">
        <span className="muted">…{claim.prefix}</span>
        <mark>{claim.exact}</mark>
        <span className="muted">{claim.suffix}…</span>
      </blockquote>
      <p className="meta">
        By {claim.authorName} · v{claim.version}
      </p>
      <ClaimAssignee claim={claim} onChanged={onChanged} />
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
          <TagsField key={claim.version} initial={claim.tags} />
          <label>
            Note <span className="hint">internal</span>
            <MentionTextarea name="note" defaultValue={claim.note} rows={2} maxLength={NOTE_MAX} />
          </label>
          <div className="actions">
            <button type="submit" className="primary" data-refocus="save">
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
            {missing.length ? `Add ${listWords(missing)} to submit` : sentBack ? 'Resubmit for review' : 'Submit for review'}
          </button>
        </div>
      )}
    </div>
  );
}

'use client';

import { CLAIM_TYPES } from '@/db/enums';
import { api } from '@/components/ui/api-client';
import { useApiAction } from '@/components/ui/use-api-action';
import { FormError, SubmitButton } from '@/components/ui/form-messages';
import { LabelledOptions } from '@/components/ui/labelled-options';
import { TYPE_LABELS } from '@/components/labels';
import type { ClaimDto } from './types';
import { useKeymap } from '@/components/ui/keymap-context';
import { CLAIMANT_MAX, NOTE_MAX } from '@/lib/claims/limits';
import { MentionTextarea } from '@/components/notifications/mention-textarea';

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
  const { busy, error, run, onSubmit } = useApiAction();
  const keymap = useKeymap();

  if (!pending) {
    const step =
      keymap['text.next'] && keymap['text.previous'] ? ` ${keymap['text.next']} and ${keymap['text.previous']} move between highlights,` : '';
    return (
      <section className="panel-section new-claim empty">
        <p className="muted">
          Select words in the article (mouse, or Shift + arrow keys) to mark a claim. In the text,{step} Enter opens the card at the caret, and Esc on
          a card goes back.
        </p>
      </section>
    );
  }

  const reanchor = () =>
    run(async () => {
      const body = { version: orphan!.version, start: pending.start, end: pending.end, exact: pending.exact };
      onCreated(await api<ClaimDto>(`/api/claims/${orphan!.id}`, { method: 'PATCH', body }));
    }, 'Could not move the claim.');

  const submit = onSubmit(async (data) => {
    const claim = await api<ClaimDto>('/api/claims', {
      body: {
        articleId,
        start: pending.start,
        end: pending.end,
        exact: pending.exact,
        type: data.get('type'),
        claimant: String(data.get('claimant') ?? ''),
        note: String(data.get('note') ?? ''),
      },
    });
    onCreated(claim);
  }, 'Could not create the claim.');

  return (
    <section className="panel-section new-claim" key={`${pending.start}-${pending.end}`}>
      <h2>New claim</h2>
      <blockquote className="selection-quote">{pending.exact}</blockquote>
      <form onSubmit={submit}>
        <label>
          Type
          <select name="type" defaultValue={guessType(pending.exact)}>
            <LabelledOptions values={CLAIM_TYPES} labels={TYPE_LABELS} />
          </select>
        </label>
        <label>
          Claimant <span className="hint">who made the claim</span>
          <input name="claimant" maxLength={CLAIMANT_MAX} placeholder="e.g. Ingrid Valmont" />
        </label>
        <label>
          Note <span className="hint">optional</span>
          <MentionTextarea name="note" rows={2} maxLength={NOTE_MAX} />
        </label>
        <FormError message={error} />
        <div className="actions">
          <SubmitButton busy={busy} busyLabel="Saving…">
            Create claim
          </SubmitButton>
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

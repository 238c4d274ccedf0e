'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { api } from '@/components/ui/api-client';
import { useApiAction } from '@/components/ui/use-api-action';
import { FormError } from '@/components/ui/form-messages';
import type { TransitionAction } from '@/lib/review/workflow';
import { COMMENT_MAX } from '@/lib/claims/limits';
import { useFeedback } from '@/components/ui/feedback';
import { MentionTextarea } from '@/components/notifications/mention-textarea';

/**
 * Button label, whether a comment is required, style, and the confirmation for each workflow action. Approving
 * publishes a verdict, so it asks once more (`confirm`), as the review queue does.
 */
export const ACTION_BUTTONS: Record<TransitionAction, { label: string; comment: boolean; confirm?: string; className: string; done: string }> = {
  submit: { label: 'Submit for review', comment: false, className: 'primary', done: 'Submitted for review.' },
  approve: { label: 'Approve', comment: false, confirm: 'Confirm approval', className: 'primary', done: 'Approved: the verdict is published.' },
  request_changes: { label: 'Request changes', comment: true, className: '', done: 'Sent back to the author with your comment.' },
  reject: { label: 'Reject', comment: true, className: 'danger', done: 'Rejected.' },
  reopen: { label: 'Reopen', comment: true, className: '', done: 'Reopened for review.' },
};

/** Workflow buttons for one claim (only the actions the server says this actor may take), with a comment box when required. */
export function ClaimActions({
  claimId,
  version,
  actions,
  submitLabel,
}: {
  claimId: number;
  version: number;
  actions: TransitionAction[];
  submitLabel?: string;
}) {
  const router = useRouter();
  const [pending, setPending] = useState<TransitionAction | null>(null);
  const [comment, setComment] = useState('');
  const { busy, error, conflict, run } = useApiAction();
  const { toast } = useFeedback();
  if (actions.length === 0) return null;

  function transition(action: TransitionAction) {
    const { comment: needsComment, confirm } = ACTION_BUTTONS[action];
    if ((needsComment || confirm) && pending !== action) {
      setPending(action);
      return;
    }
    void run(async () => {
      await api(`/api/claims/${claimId}/transitions`, { body: { action, version, ...(comment.trim() ? { comment } : {}) } });
      setPending(null);
      setComment('');
      toast(ACTION_BUTTONS[action].done);
      router.refresh();
    });
  }

  return (
    <div className="claim-actions stack">
      {pending && ACTION_BUTTONS[pending].confirm && <p className="confirm-question">Approve this claim and publish its verdict?</p>}
      {pending && ACTION_BUTTONS[pending].comment && (
        <label>
          Comment for {ACTION_BUTTONS[pending].label.toLowerCase()} (required)
          <MentionTextarea rows={3} value={comment} maxLength={COMMENT_MAX} onChange={(e) => setComment(e.target.value)} autoFocus />
        </label>
      )}
      <FormError message={error}>
        {conflict && (
          <button type="button" className="link-button" onClick={() => router.refresh()}>
            Reload
          </button>
        )}
      </FormError>
      <div className="actions">
        {actions
          .filter((a) => !pending || a === pending)
          .map((a) => (
            <button
              key={a}
              type="button"
              className={ACTION_BUTTONS[a].className}
              disabled={busy || (pending === a && ACTION_BUTTONS[a].comment && !comment.trim())}
              autoFocus={pending === a && !!ACTION_BUTTONS[a].confirm}
              onClick={() => transition(a)}
            >
              {pending === a && ACTION_BUTTONS[a].confirm
                ? ACTION_BUTTONS[a].confirm
                : a === 'submit' && submitLabel
                  ? submitLabel
                  : ACTION_BUTTONS[a].label}
            </button>
          ))}
        {pending && (
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setPending(null);
              setComment('');
            }}
          >
            Cancel
          </button>
        )}
      </div>
    </div>
  );
}

'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { api } from '@/components/ui/api-client';
import { useApiAction } from '@/components/ui/use-api-action';
import { FormError } from '@/components/ui/form-messages';
import type { TransitionAction } from '@/lib/review/workflow';
import { COMMENT_MAX } from '@/lib/claims/limits';

/** Button label, whether a comment is required, and style for each workflow action. */
export const ACTION_BUTTONS: Record<TransitionAction, { label: string; comment: boolean; className: string }> = {
  submit: { label: 'Submit for review', comment: false, className: 'primary' },
  approve: { label: 'Approve', comment: false, className: 'primary' },
  request_changes: { label: 'Request changes', comment: true, className: '' },
  reject: { label: 'Reject', comment: true, className: 'danger' },
  reopen: { label: 'Reopen', comment: true, className: '' },
};

/** Workflow buttons for one claim (only the actions the server says this actor may take), with a comment box when required. */
export function ClaimActions({ claimId, version, actions, submitLabel }: { claimId: number; version: number; actions: TransitionAction[]; submitLabel?: string }) {
  const router = useRouter();
  const [pending, setPending] = useState<TransitionAction | null>(null);
  const [comment, setComment] = useState('');
  const { busy, error, conflict, run } = useApiAction();
  if (actions.length === 0) return null;

  function transition(action: TransitionAction) {
    if (ACTION_BUTTONS[action].comment && pending !== action) {
      setPending(action);
      return;
    }
    void run(async () => {
      await api(`/api/claims/${claimId}/transitions`, { body: { action, version, ...(comment.trim() ? { comment } : {}) } });
      setPending(null);
      setComment('');
      router.refresh();
    });
  }

  return (
    <div className="claim-actions stack">
      {pending && (
        <label>
          Comment for {ACTION_BUTTONS[pending].label.toLowerCase()} (required)
          <textarea rows={3} value={comment} maxLength={COMMENT_MAX} onChange={(e) => setComment(e.target.value)} autoFocus />
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
            <button key={a} type="button" className={ACTION_BUTTONS[a].className} disabled={busy || (pending === a && !comment.trim())} onClick={() => transition(a)}>
              {a === 'submit' && submitLabel ? submitLabel : ACTION_BUTTONS[a].label}
            </button>
          ))}
        {pending && (
          <button type="button" className="link-button" onClick={() => {
              setPending(null);
              setComment('');
            }}>
            Cancel
          </button>
        )}
      </div>
    </div>
  );
}

'use client';

import { Fragment } from 'react';
import Link from 'next/link';
import type { ClaimDto } from '@/components/annotator/types';
import { TYPE_LABELS } from '@/components/labels';
import { ClaimContext } from '@/components/claims/claim-context';
import { SourceList } from '@/components/claims/source-list';
import { VerdictBadge } from '@/components/ui/verdict-badge';
import { MarkdownText } from '@/components/ui/markdown-text';
import { SeenBefore } from '@/components/matching/seen-before';
import { ReusedNote } from '@/components/matching/reused-note';
import { FormError } from '@/components/ui/form-messages';
import { COMMENT_MAX } from '@/lib/claims/limits';
import type { Keymap } from '@/lib/shortcuts/keymap';
import { useReviewContext } from '@/components/claims/use-review-context';
import { ChangesSinceReview } from '@/components/claims/review-context';
import { MentionTextarea } from '@/components/notifications/mention-textarea';

/** A reviewer's decision; in the queue's `mode`, 'approve' is the confirm step before anything is sent. */
export type Decision = 'approve' | 'request_changes' | 'reject';
type Props = {
  claim: ClaimDto;
  articleTitle?: string;
  /** Verdict labels by id, for the changes since the last review. */
  verdictLabels: Record<number, string>;
  /** The user's shortcut keys, shown on the buttons (none when turned off). */
  keymap: Keymap;
  /** The server's `claim.can.review`. */
  canDecide: boolean;
  mode: Decision | null;
  comment: string;
  busy: boolean;
  error: string | null;
  /** The claim changed since the queue loaded (409): offer a reload. */
  conflict: boolean;
  onComment: (v: string) => void;
  onMode: (m: Decision | null) => void;
  onDecide: (a: Decision) => void;
  onReload: () => void;
};

/** A key hint on a button: shown, left out of the button's name (aria-keyshortcuts carries it), absent when turned off. */
function KeyHint({ keyName }: { keyName: string | null }) {
  return keyName ? <kbd aria-hidden="true">{keyName}</kbd> : null;
}

/**
 * The selected claim in the queue: what changed since its last review (when resubmitted), context, claimant, proposed
 * verdict, rationale, sources, author and the decision buttons; approving asks for a confirmation first.
 */
export function ReviewItem(props: Props) {
  const { claim, articleTitle, verdictLabels, keymap, canDecide, mode, comment, busy, error, conflict, onComment, onMode, onDecide, onReload } =
    props;
  const context = useReviewContext(claim.id, claim.version, true);
  const commentMode = mode === 'request_changes' || mode === 'reject' ? mode : null;
  return (
    <article className="review-item" aria-label="Selected claim">
      <header>
        <p className="crumbs">
          <Link href={`/articles/${claim.articleId}?claim=${claim.id}`}>{articleTitle ?? `Article ${claim.articleId}`}</Link> ·{' '}
          <Link href={`/claims/${claim.id}`}>History</Link>
        </p>
        {/* Focused after a decision, so the next claim is read out and keys keep working. */}
        <h2 className="claim-title" tabIndex={-1}>
          {claim.claimText}
        </h2>
        <p className="claim-badges">
          <span className="badge">{TYPE_LABELS[claim.type]}</span>{' '}
          {claim.verdictLabel ? (
            <VerdictBadge label={claim.verdictLabel} color={claim.verdictColor} prefix="Proposed: " />
          ) : (
            <span className="badge warn">No verdict</span>
          )}
        </p>
      </header>
      {context && <ChangesSinceReview context={context} verdicts={verdictLabels} />}
      <ClaimContext prefix={claim.prefix} exact={claim.exact} suffix={claim.suffix} />
      <dl className="facts">
        <dt>Claimant</dt>
        <dd>{claim.claimant || <span className="muted">—</span>}</dd>
        {claim.summary && (
          <>
            <dt>Summary</dt>
            <dd>{claim.summary}</dd>
          </>
        )}
        <dt>Author</dt>
        <dd>{claim.authorName}</dd>
      </dl>
      <h3>Rationale</h3>
      <ReusedNote fromClaimId={claim.reusedFromClaimId} />
      <MarkdownText text={claim.rationale} empty="No rationale." />
      <h3>Sources</h3>
      <SourceList sources={claim.sources} />
      <SeenBefore key={claim.id} claim={claim} allowReuse={false} />
      {/* Every claim here is in review and the viewer is a reviewer, so only their own claims are refused. */}
      {!canDecide ? (
        <p className="own-claim">This is your claim: another reviewer must decide on it.</p>
      ) : (
        <form
          className="decision stack"
          onSubmit={(e) => {
            e.preventDefault();
            if (mode) onDecide(mode);
          }}
        >
          {commentMode && (
            <label>
              {commentMode === 'reject' ? 'Why reject it?' : 'What should the author change?'}
              <MentionTextarea
                rows={3}
                maxLength={COMMENT_MAX}
                value={comment}
                autoFocus
                onChange={(e) => onComment(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && comment.trim()) onDecide(commentMode);
                }}
              />
            </label>
          )}
          {mode === 'approve' && (
            <p className="confirm-question" id="confirm-approve">
              Approve this claim{claim.verdictLabel ? ` as “${claim.verdictLabel}”` : ''} and publish the verdict?
              {keymap['queue.approve'] && (
                <span className="hint">
                  {' '}
                  Press <kbd>{keymap['queue.approve']}</kbd> again or Enter to confirm, Esc to cancel.
                </span>
              )}
            </p>
          )}
          <FormError message={error}>
            {conflict && (
              <button type="button" className="link-button" onClick={onReload}>
                Reload
              </button>
            )}
          </FormError>
          <div className="actions">
            {/* Keyed: the confirm button must be a new element for autoFocus to move focus to it. */}
            {mode ? (
              <Fragment key="decide">
                <button
                  type="submit"
                  className={mode === 'reject' ? 'danger' : 'primary'}
                  disabled={busy || (mode !== 'approve' && !comment.trim())}
                  autoFocus={mode === 'approve'}
                  aria-describedby={mode === 'approve' ? 'confirm-approve' : undefined}
                >
                  {mode === 'approve' ? 'Confirm approval' : mode === 'reject' ? 'Reject' : 'Request changes'}
                </button>
                <button type="button" className="link-button" onClick={() => onMode(null)}>
                  Cancel
                </button>
              </Fragment>
            ) : (
              <Fragment key="choose">
                <button
                  type="button"
                  className="primary"
                  disabled={busy}
                  onClick={() => onMode('approve')}
                  aria-keyshortcuts={keymap['queue.approve'] ?? undefined}
                >
                  Approve <KeyHint keyName={keymap['queue.approve']} />
                </button>
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => onMode('request_changes')}
                  aria-keyshortcuts={keymap['queue.changes'] ?? undefined}
                >
                  Request changes <KeyHint keyName={keymap['queue.changes']} />
                </button>
                <button
                  type="button"
                  className="danger"
                  disabled={busy}
                  onClick={() => onMode('reject')}
                  aria-keyshortcuts={keymap['queue.reject'] ?? undefined}
                >
                  Reject <KeyHint keyName={keymap['queue.reject']} />
                </button>
              </Fragment>
            )}
          </div>
        </form>
      )}
    </article>
  );
}

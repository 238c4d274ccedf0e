'use client';

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

type Mode = 'request_changes' | 'reject';
type Props = {
  claim: ClaimDto;
  articleTitle?: string;
  /** The server's `claim.can.review`. */
  canDecide: boolean;
  mode: Mode | null;
  comment: string;
  busy: boolean;
  error: string | null;
  /** The claim changed since the queue loaded (409): offer a reload. */
  conflict: boolean;
  onComment: (v: string) => void;
  onMode: (m: Mode | null) => void;
  onDecide: (a: 'approve' | Mode) => void;
  onReload: () => void;
};

/** The selected claim in the queue: context, claimant, proposed verdict, rationale, sources, author and the decision buttons. */
export function ReviewItem({ claim, articleTitle, canDecide, mode, comment, busy, error, conflict, onComment, onMode, onDecide, onReload }: Props) {
  return (
    <article className="review-item" aria-label="Selected claim">
      <header>
        <p className="crumbs">
          <Link href={`/articles/${claim.articleId}?claim=${claim.id}`}>{articleTitle ?? `Article ${claim.articleId}`}</Link> ·{' '}
          <Link href={`/claims/${claim.id}`}>History</Link>
        </p>
        <h2 className="claim-title">{claim.claimText}</h2>
        <p className="claim-badges">
          <span className="badge">{TYPE_LABELS[claim.type]}</span>{' '}
          {claim.verdictLabel ? (
            <VerdictBadge label={claim.verdictLabel} color={claim.verdictColor} prefix="Proposed: " />
          ) : (
            <span className="badge warn">No verdict</span>
          )}
        </p>
      </header>
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
          {mode && (
            <label>
              {mode === 'reject' ? 'Why reject it?' : 'What should the author change?'}
              <textarea
                rows={3}
                maxLength={COMMENT_MAX}
                value={comment}
                autoFocus
                onChange={(e) => onComment(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && comment.trim()) onDecide(mode);
                }}
              />
            </label>
          )}
          <FormError message={error}>
            {conflict && (
              <button type="button" className="link-button" onClick={onReload}>
                Reload
              </button>
            )}
          </FormError>
          <div className="actions">
            {mode ? (
              <>
                <button type="submit" className={mode === 'reject' ? 'danger' : 'primary'} disabled={busy || !comment.trim()}>
                  {mode === 'reject' ? 'Reject' : 'Request changes'}
                </button>
                <button type="button" className="link-button" onClick={() => onMode(null)}>
                  Cancel
                </button>
              </>
            ) : (
              <>
                <button type="button" className="primary" disabled={busy} onClick={() => onDecide('approve')} aria-keyshortcuts="a">
                  Approve <kbd aria-hidden="true">a</kbd>
                </button>
                <button type="button" disabled={busy} onClick={() => onMode('request_changes')} aria-keyshortcuts="c">
                  Request changes <kbd aria-hidden="true">c</kbd>
                </button>
                <button type="button" className="danger" disabled={busy} onClick={() => onMode('reject')} aria-keyshortcuts="r">
                  Reject <kbd aria-hidden="true">r</kbd>
                </button>
              </>
            )}
          </div>
        </form>
      )}
    </article>
  );
}

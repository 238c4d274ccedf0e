'use client';

import { ACTION_LABELS } from '@/components/labels';
import { DiffTable } from './claim-history';
import { formatDateTime } from './format';
import type { EventDto, ReviewContext } from './use-review-context';

/** The reviewer's comment of a review decision: who, what, when, and their words. */
export function ReviewRequest({ review, heading }: { review: EventDto; heading?: string }) {
  return (
    <div className="review-request" role="note" aria-label={heading ?? 'Review comment'}>
      <strong>
        {review.actorName} {ACTION_LABELS[review.action] ?? review.action}
      </strong>{' '}
      <time className="muted" dateTime={review.createdAt}>
        {formatDateTime(review.createdAt)}
      </time>
      {review.comment && <p className="review-request-comment">{review.comment}</p>}
    </div>
  );
}

/** For a resubmitted claim: the previous review comment and the net change of its fields since. */
export function ChangesSinceReview({ context, verdicts }: { context: ReviewContext; verdicts: Record<number, string> }) {
  if (!context.review) return null;
  const changed = Object.keys(context.changes).length > 0;
  return (
    <section className="since-review" aria-labelledby="since-review-heading">
      <h3 id="since-review-heading">Since the last review</h3>
      <ReviewRequest review={context.review} heading="Previous review comment" />
      {changed ? <DiffTable diff={context.changes} verdicts={verdicts} /> : <p className="muted">No field changed since.</p>}
    </section>
  );
}

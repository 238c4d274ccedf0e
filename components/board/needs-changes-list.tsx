import Link from 'next/link';
import type { SentBackClaim } from '@/lib/review/list-needs-changes';
import { formatDateTime } from '@/components/claims/format';

/** The author's claims that reviewers sent back, each with the reviewer's comment and a link to fix it. */
export function NeedsChangesList({ claims }: { claims: SentBackClaim[] }) {
  if (claims.length === 0) return <p className="muted">Nothing sent back to you. </p>;
  return (
    <ul className="needs-changes-list">
      {claims.map((c) => (
        <li key={c.id}>
          <Link href={`/claims/${c.id}`} className="needs-changes-claim">
            {c.claimText}
          </Link>
          {c.request && (
            <blockquote className="review-comment">
              <strong>{c.request.reviewerName}</strong> <span className="muted">{formatDateTime(c.request.at)}</span>
              <br />
              {c.request.comment}
            </blockquote>
          )}
        </li>
      ))}
    </ul>
  );
}

import type { ClaimSourceLink } from '@/lib/claims/claim-view';
import { RELATION_LABELS } from '@/components/labels';

/** A claim's sources with their relation and excerpt; links open in a new tab without referrer. */
export function SourceList({ sources }: { sources: ClaimSourceLink[] }) {
  if (sources.length === 0) return <p className="muted">No sources yet.</p>;
  return (
    <ul className="source-list">
      {sources.map((s) => (
        <li key={s.sourceId}>
          <span className={`badge relation-${s.relation}`}>{RELATION_LABELS[s.relation] ?? s.relation}</span>{' '}
          <a href={s.url} target="_blank" rel="noopener noreferrer nofollow">
            {s.title || s.url}
          </a>
          {s.publisher && <span className="muted"> · {s.publisher}</span>}
          {s.excerpt && <blockquote className="excerpt">{s.excerpt}</blockquote>}
        </li>
      ))}
    </ul>
  );
}

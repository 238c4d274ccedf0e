import Link from 'next/link';
import type { CheckedBefore, CheckedBeforePass } from '@/lib/matching/checked-before';
import { checkedAt } from './use-checked-before';

/** Annotate sidebar: sentences of this article already verified in another article, with their verdict. */
export function CheckedBeforePanel({ pass }: { pass: CheckedBeforePass | null }) {
  const items = pass?.sentences ?? [];
  const partial = pass && pass.checked < pass.total;
  if (!items.length && !partial) return null;
  return (
    <section className="panel-section checked-before-panel" aria-label="Checked before">
      <h2>
        Checked before <span className="count">{items.length}</span>
      </h2>
      {partial && (
        <p className="muted">
          Compared the first {pass.checked.toLocaleString('en')} of {pass.total.toLocaleString('en')} sentences with verified claims: a pass stops
          there on long articles.
        </p>
      )}
      <ol className="checked-list">
        {items.map((c) => (
          <li key={c.start} className="checked-card">
            <p className="match-text">{c.text}</p>
            <p className="meta">
              <span className="badge checked-before">{c.match.verdict?.label ?? 'Verified'}</span>{' '}
              <Link href={`/claims/${c.match.claimId}`}>{c.match.text}</Link> · {c.match.articleTitle} · {c.match.articleDate}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The marker on a suggestion whose sentence was verified in another article; nothing otherwise. */
export function CheckedBeforeBadge({ items, start, end }: { items: CheckedBefore[] | null; start: number; end: number }) {
  const hit = checkedAt(items, start, end);
  if (!hit) return null;
  return (
    <span className="badge checked-before" title={hit.match.text}>
      Checked before: {hit.match.verdict?.label ?? 'verified'}
    </span>
  );
}

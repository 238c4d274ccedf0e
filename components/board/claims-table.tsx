import Link from 'next/link';
import type { ClaimView } from '@/lib/claims/claim-view';
import { STATUS_LABELS, TYPE_LABELS } from '@/components/labels';
import { formatDate } from '@/components/claims/format';
import { boardHref, type BoardQuery } from './board-query';
import { VerdictBadge } from '@/components/ui/verdict-badge';

function SortLink({ query, label, field }: { query: BoardQuery; label: string; field: 'created' | 'updated' }) {
  const current = query.sort ?? 'updated_desc';
  const active = current.startsWith(field);
  const next = active && current.endsWith('desc') ? `${field}_asc` : `${field}_desc`;
  return (
    <Link href={boardHref(query, { sort: next })} aria-sort={active ? (current.endsWith('asc') ? 'ascending' : 'descending') : undefined}>
      {label}
      {active ? (current.endsWith('asc') ? ' ▲' : ' ▼') : ''}
    </Link>
  );
}

/** The board's table of claims, with sortable date columns whose links keep the current filters. */
export function ClaimsTable({ items, query, articleTitles }: { items: ClaimView[]; query: BoardQuery; articleTitles: Record<number, string> }) {
  return (
    <table className="data-table board-table">
      <thead>
        <tr>
          <th>Claim</th>
          <th>Status</th>
          <th>Verdict</th>
          <th>Type</th>
          <th>Article</th>
          <th>Author</th>
          <th>
            <SortLink query={query} label="Created" field="created" />
          </th>
          <th>
            <SortLink query={query} label="Updated" field="updated" />
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((c) => (
          <tr key={c.id}>
            <td className="board-claim">
              <Link href={`/claims/${c.id}`}>{c.claimText}</Link>
              {c.claimant && <span className="claimant"> — {c.claimant}</span>}
            </td>
            <td>
              <span className={`badge status-${c.status}`}>{STATUS_LABELS[c.status]}</span>
            </td>
            <td>
              {c.verdictLabel ? (
                <VerdictBadge label={c.verdictLabel} color={c.verdictColor} />
              ) : (
                <span className="muted">—</span>
              )}
            </td>
            <td>{TYPE_LABELS[c.type]}</td>
            <td>
              <Link href={`/articles/${c.articleId}?claim=${c.id}`}>{articleTitles[c.articleId] ?? `Article ${c.articleId}`}</Link>
            </td>
            <td className="nowrap">{c.authorName}</td>
            <td className="nowrap">{formatDate(c.createdAt)}</td>
            <td className="nowrap">{formatDate(c.updatedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

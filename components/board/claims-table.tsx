import Link from 'next/link';
import type { ClaimView } from '@/lib/claims/claim-view';
import { TYPE_LABELS } from '@/components/labels';
import { formatDate } from '@/components/claims/format';
import { boardHref, type BoardQuery } from './board-query';
import { VerdictBadge } from '@/components/ui/verdict-badge';
import { StatusBadge } from '@/components/ui/status-badge';
import { TagChips } from '@/components/claims/tags-field';

type SortField = 'created' | 'updated';

/** How the table is sorted by `field`, as aria-sort names it (undefined when it is sorted by another column). */
function sortOf(query: BoardQuery, field: SortField): 'ascending' | 'descending' | undefined {
  const current = query.sort ?? 'updated_desc';
  if (!current.startsWith(field)) return undefined;
  return current.endsWith('asc') ? 'ascending' : 'descending';
}

/** A sortable column header: aria-sort belongs on the header cell, the link toggles the direction. */
function SortHeader({ query, label, field }: { query: BoardQuery; label: string; field: SortField }) {
  const sort = sortOf(query, field);
  const next = sort === 'descending' ? `${field}_asc` : `${field}_desc`;
  return (
    <th aria-sort={sort} className="sortable">
      <Link href={boardHref(query, { sort: next })}>
        {label}
        {sort && <span aria-hidden="true">{sort === 'ascending' ? ' ▲' : ' ▼'}</span>}
      </Link>
    </th>
  );
}

/**
 * The board's table of claims, with sortable date columns whose links keep the current filters. Each row has a
 * checkbox (name `claim`, its version in data-version) that BoardAssign reads to assign several claims at once.
 * On phones each row is a card (globals.css): `data-label` names the cells that no longer sit under their header.
 */
export function ClaimsTable({ items, query, articleTitles }: { items: ClaimView[]; query: BoardQuery; articleTitles: Record<number, string> }) {
  return (
    <table className="data-table board-table">
      <thead>
        <tr>
          <th>
            <span className="visually-hidden">Select</span>
          </th>
          <th>Claim</th>
          <th>Status</th>
          <th>Verdict</th>
          <th>Type</th>
          <th>Article</th>
          <th>Author</th>
          <th>Assignee</th>
          <SortHeader query={query} label="Created" field="created" />
          <SortHeader query={query} label="Updated" field="updated" />
        </tr>
      </thead>
      <tbody>
        {items.map((c) => (
          <tr key={c.id}>
            <td className="board-select">
              <input type="checkbox" name="claim" value={c.id} data-version={c.version} aria-label={`Select: ${c.claimText.slice(0, 80)}`} />
            </td>
            <td className="board-claim">
              <Link href={`/claims/${c.id}`}>{c.claimText}</Link>
              {c.claimant && <span className="claimant"> — {c.claimant}</span>} <TagChips tags={c.tags} />
            </td>
            <td>
              <StatusBadge status={c.status} />
            </td>
            <td>{c.verdictLabel ? <VerdictBadge label={c.verdictLabel} color={c.verdictColor} /> : <span className="muted">—</span>}</td>
            <td>{TYPE_LABELS[c.type]}</td>
            <td className="board-article">
              <Link href={`/articles/${c.articleId}?claim=${c.id}`}>{articleTitles[c.articleId] ?? `Article ${c.articleId}`}</Link>
            </td>
            <td className="nowrap" data-label="Author">
              {c.authorName}
            </td>
            <td className="nowrap" data-label="Assignee">
              {c.assigneeName ?? <span className="muted">—</span>}
            </td>
            <td className="nowrap" data-label="Created">
              {formatDate(c.createdAt)}
            </td>
            <td className="nowrap" data-label="Updated">
              {formatDate(c.updatedAt)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

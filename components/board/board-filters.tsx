import Link from 'next/link';
import { CLAIM_TYPES } from '@/db/schema';
import type { FilterOptions } from '@/lib/review/filter-options';
import { TYPE_LABELS } from '@/components/annotator/types';
import type { BoardQuery } from './board-query';

/** A plain GET form, so every filter lands in the URL and a view can be shared or bookmarked. */
export function BoardFilters({ query, options }: { query: BoardQuery; options: FilterOptions }) {
  return (
    <form className="filter-bar" method="get" action="/claims" aria-label="Filter claims">
      {query.status && <input type="hidden" name="status" value={query.status} />}
      {query.sort && <input type="hidden" name="sort" value={query.sort} />}
      {query.mine && <input type="hidden" name="mine" value={query.mine} />}
      <input type="search" name="q" defaultValue={query.q ?? ''} placeholder="Words in the claim…" aria-label="Text" />
      <select name="verdict" defaultValue={query.verdict ?? ''} aria-label="Verdict">
        <option value="">Any verdict</option>
        {options.verdicts.map((v) => (
          <option key={v.id} value={v.id}>
            {v.label}
          </option>
        ))}
      </select>
      <select name="type" defaultValue={query.type ?? ''} aria-label="Type">
        <option value="">All types</option>
        {CLAIM_TYPES.map((t) => (
          <option key={t} value={t}>
            {TYPE_LABELS[t]}
          </option>
        ))}
      </select>
      <select name="articleId" defaultValue={query.articleId ?? ''} aria-label="Article">
        <option value="">All articles</option>
        {options.articles.map((a) => (
          <option key={a.id} value={a.id}>
            {a.title.slice(0, 60)}
          </option>
        ))}
      </select>
      {!query.mine && (
        <select name="author" defaultValue={query.author ?? ''} aria-label="Author">
          <option value="">Any author</option>
          {options.authors.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      )}
      <label className="inline date-filter">
        From <input type="date" name="from" defaultValue={query.from ?? ''} />
      </label>
      <label className="inline date-filter">
        to <input type="date" name="to" defaultValue={query.to ?? ''} />
      </label>
      <button type="submit">Filter</button>
      <Link href={query.mine ? `/claims?mine=${query.mine}` : '/claims'}>Clear</Link>
    </form>
  );
}

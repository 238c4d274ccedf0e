import Link from 'next/link';
import { CLAIM_TYPES } from '@/db/enums';
import type { FilterOptions } from '@/lib/review/filter-options';
import { DateRangeFilter, OptionSelect } from '@/components/ui/option-select';
import { TYPE_LABELS } from '@/components/labels';
import type { BoardQuery } from './board-query';

/** A plain GET form, so every filter lands in the URL and a view can be shared or bookmarked. */
export function BoardFilters({ query, options, people }: { query: BoardQuery; options: FilterOptions; people: { id: number; name: string }[] }) {
  // On a phone the filters fold behind a "Filters" summary (see .filters-disclosure in globals.css).
  return (
    <details className="filters-disclosure">
      <summary>Filters</summary>
      <form className="filter-bar" method="get" action="/claims" aria-label="Filter claims">
        {query.status && <input type="hidden" name="status" value={query.status} />}
        {query.sort && <input type="hidden" name="sort" value={query.sort} />}
        {query.mine && <input type="hidden" name="mine" value={query.mine} />}
        <input type="search" name="q" defaultValue={query.q ?? ''} placeholder="Words in the claim…" aria-label="Text" />
        <OptionSelect
          name="verdict"
          label="Verdict"
          any="Any verdict"
          value={query.verdict}
          options={options.verdicts.map((v) => ({ value: v.id, label: v.label }))}
        />
        <OptionSelect
          name="type"
          label="Type"
          any="All types"
          value={query.type}
          options={CLAIM_TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t] }))}
        />
        <OptionSelect
          name="articleId"
          label="Article"
          any="All articles"
          value={query.articleId}
          options={options.articles.map((a) => ({ value: a.id, label: a.title.slice(0, 60) }))}
        />
        {!query.mine && (
          <OptionSelect
            name="author"
            label="Author"
            any="Any author"
            value={query.author}
            options={options.authors.map((u) => ({ value: u.id, label: u.name }))}
          />
        )}
        <OptionSelect
          name="assignee"
          label="Assignee"
          any="Anyone or nobody"
          value={query.assignee}
          options={[
            { value: 'me', label: 'Assigned to me' },
            { value: 'none', label: 'Unassigned' },
            ...people.map((u) => ({ value: u.id, label: u.name })),
          ]}
        />
        <input type="search" name="tag" defaultValue={query.tag ?? ''} placeholder="Tag" aria-label="Tag" className="tag-filter" />
        <DateRangeFilter from={query.from} to={query.to} />
        <Link href={query.mine ? `/claims?mine=${query.mine}` : '/claims'}>Clear</Link>
      </form>
    </details>
  );
}

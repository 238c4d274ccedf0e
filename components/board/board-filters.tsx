import Link from 'next/link';
import type { FilterOptions } from '@/lib/review/filter-options';
import { DateRangeFilter, OptionSelect } from '@/components/ui/option-select';
import { BOARD_PARAMS, type BoardQuery } from './board-query';
import { ClaimFilterSelects } from './claim-filter-selects';

/** What the board shows outside its Filters summary (the status tabs, the sort, the page, "my claims"). */
const UNFOLDED: ReadonlySet<string> = new Set(['status', 'sort', 'cursor', 'mine']);

/** A plain GET form, so every filter lands in the URL and a view can be shared or bookmarked. */
export function BoardFilters({ query, options, people }: { query: BoardQuery; options: FilterOptions; people: { id: number; name: string }[] }) {
  // On a phone the filters fold behind a "Filters" summary (see .filters-disclosure in globals.css); open while one
  // is set, so a filtered board says so.
  const filtered = BOARD_PARAMS.some((key) => !UNFOLDED.has(key) && query[key]);
  return (
    <details className="filters-disclosure" open={filtered}>
      <summary>Filters</summary>
      <form className="filter-bar" method="get" action="/claims" aria-label="Filter claims">
        {query.status && <input type="hidden" name="status" value={query.status} />}
        {query.sort && <input type="hidden" name="sort" value={query.sort} />}
        {query.mine && <input type="hidden" name="mine" value={query.mine} />}
        <input type="search" name="q" defaultValue={query.q ?? ''} placeholder="Words in the claim…" aria-label="Text" />
        <ClaimFilterSelects query={query} options={options} withAuthor={!query.mine} />
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

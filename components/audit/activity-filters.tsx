import Link from 'next/link';
import { AUDIT_ACTION_LABELS, AUDIT_KIND_GROUPS } from '@/lib/audit/audit-actions';
import { DateRangeFilter, OptionSelect } from '@/components/ui/option-select';

export type ActivityQuery = { actor?: string; kind?: string; from?: string; to?: string; cursor?: string };

/** A plain GET form, so a filtered view lands in the URL. `kind` is an entity type (`user`) or one action (`user.created`). */
export function ActivityFilters({ query, actors }: { query: ActivityQuery; actors: { id: number; name: string; email: string }[] }) {
  return (
    <form className="filter-bar" method="get" action="/admin/activity" aria-label="Filter activity">
      <OptionSelect
        name="actor"
        label="Who"
        any="Anyone"
        value={query.actor}
        options={actors.map((u) => ({ value: u.id, label: `${u.name} (${u.email})` }))}
      />
      <select name="kind" defaultValue={query.kind ?? ''} aria-label="Kind">
        <option value="">Every kind</option>
        {AUDIT_KIND_GROUPS.map((g) => (
          <optgroup key={g.type} label={g.label}>
            <option value={g.type}>All: {g.label.toLowerCase()}</option>
            {g.actions.map((a) => (
              <option key={a} value={a}>
                {AUDIT_ACTION_LABELS[a]}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <DateRangeFilter from={query.from} to={query.to} />
      <Link href="/admin/activity">Clear</Link>
    </form>
  );
}

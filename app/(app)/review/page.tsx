import Link from 'next/link';
import { pageActor } from '@/lib/auth/page-actor';
import { can } from '@/lib/auth/permissions';
import { listClaims } from '@/lib/claims/list-claims';
import { filterOptions } from '@/lib/review/filter-options';
import { AppError } from '@/lib/errors';
import type { ClaimDto } from '@/components/annotator/types';
import { ClaimFilterSelects } from '@/components/board/claim-filter-selects';
import { ReviewQueue } from '@/components/review/review-queue';
import { getShortcuts } from '@/lib/shortcuts/get-shortcuts';

export const metadata = { title: 'Review queue' };

type Search = Record<string, string | string[] | undefined>;
const FILTERS = ['articleId', 'type', 'verdict', 'author', 'assignee', 'age', 'sort', 'cursor'] as const;

/** The query as a plain object of the queue's filters (unknown parameters ignored). */
function queueQuery(sp: Search): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of FILTERS) {
    const v = sp[key];
    if (typeof v === 'string' && v !== '') out[key] = v;
  }
  return out;
}

/** The time of this request; a server page renders once per request, so reading the clock here is intended. */
function requestTime(): number {
  return Date.now();
}

export default async function ReviewPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await pageActor();
  if (!can(actor, 'claim:review')) {
    return (
      <div className="page">
        <h1>Review queue</h1>
        <p className="muted">
          Only reviewers and admins review claims. Your claims in review are on the <Link href="/claims?status=in_review">claims board</Link>.
        </p>
      </div>
    );
  }
  const query = queueQuery(await searchParams);
  const options = await filterOptions({ actor });
  const liveQuery = { sort: 'updated_asc', limit: '100', ...query, status: 'in_review' };
  let result: { items: ClaimDto[]; nextCursor: string | null } = { items: [], nextCursor: null };
  let error: string | null = null;
  try {
    const page = await listClaims({ actor, input: liveQuery });
    result = JSON.parse(JSON.stringify(page));
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    error = e.message;
  }
  const titles = Object.fromEntries(options.articles.map((a) => [a.id, a.title]));
  const { cursor, ...withoutCursor } = query;
  const { keymap } = await getShortcuts({ actor });
  const helpKey = keymap['queue.help'];
  return (
    <div className="page wide">
      <div className="page-head">
        <h1>Review queue</h1>
        <span className="muted">
          {helpKey ? (
            <>
              Press <kbd>{helpKey}</kbd> for keyboard shortcuts
            </>
          ) : (
            <>
              Single-key shortcuts are off (<Link href="/account#shortcuts-heading">account</Link>)
            </>
          )}
        </span>
      </div>
      {/* On a phone the filters fold behind a "Filters" summary (see .filters-disclosure in globals.css). */}
      <details className="filters-disclosure" open={Object.keys(withoutCursor).length > 0}>
        <summary>Filters</summary>
        <form className="filter-bar" method="get" aria-label="Filter the queue">
          <ClaimFilterSelects query={query} options={options} verdictLabel="Proposed verdict" />
          <select name="assignee" defaultValue={query.assignee ?? ''} aria-label="Assignee">
            <option value="">Assigned or not</option>
            <option value="me">Assigned to me</option>
            <option value="none">Unassigned</option>
          </select>
          <select name="age" defaultValue={query.age ?? ''} aria-label="Waiting for at least">
            <option value="">Any age</option>
            <option value="1">Waiting 1+ day</option>
            <option value="3">Waiting 3+ days</option>
            <option value="7">Waiting 7+ days</option>
          </select>
          <select name="sort" defaultValue={query.sort ?? 'updated_asc'} aria-label="Order">
            <option value="updated_asc">Oldest first</option>
            <option value="updated_desc">Newest first</option>
          </select>
          <button type="submit">Filter</button>
          {Object.keys(withoutCursor).length > 0 && <Link href="/review">Clear</Link>}
        </form>
      </details>
      {error && <p className="form-error">{error}</p>}
      <ReviewQueue
        initialItems={result.items}
        articleTitles={titles}
        verdictLabels={Object.fromEntries(options.verdicts.map((v) => [v.id, v.label]))}
        now={requestTime()}
        liveQuery={liveQuery}
        viewerId={actor.id}
        me={{ id: actor.id, name: actor.name }}
      />
      {(cursor || result.nextCursor) && (
        <p className="pager">
          {cursor && <Link href={`/review?${new URLSearchParams(withoutCursor)}`}>← First page</Link>}
          {result.nextCursor && <Link href={`/review?${new URLSearchParams({ ...withoutCursor, cursor: result.nextCursor })}`}>Next page →</Link>}
        </p>
      )}
    </div>
  );
}

import Link from 'next/link';
import { pageActor } from '@/lib/auth/page-actor';
import { countClaimsByStatus, listClaims } from '@/lib/claims/list-claims';
import { filterOptions } from '@/lib/review/filter-options';
import { listNeedsChanges } from '@/lib/review/list-needs-changes';
import type { ClaimView } from '@/lib/claims/claim-view';
import { AppError } from '@/lib/errors';
import { CLAIM_STATUSES } from '@/db/enums';
import { STATUS_LABELS } from '@/components/labels';
import { boardHref, boardQuery } from '@/components/board/board-query';
import { BoardFilters } from '@/components/board/board-filters';
import { ClaimsTable } from '@/components/board/claims-table';
import { LiveRefresh } from '@/components/live/live-refresh';
import { NeedsChangesList } from '@/components/board/needs-changes-list';
import { BoardAssign } from '@/components/board/board-assign';
import { listPeople } from '@/lib/users/list-people';

export const metadata = { title: 'Claims' };

const PAGE_SIZE = 50;

export default async function ClaimsBoardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await pageActor();
  const query = boardQuery(await searchParams);
  const options = await filterOptions({ actor });
  const people = await listPeople({ actor });
  const titles = Object.fromEntries(options.articles.map((a) => [a.id, a.title]));
  const { mine, ...filters } = query;
  // "mine" narrows the board to the signed-in author; mine=needs_changes is the author's "sent back to me" list.
  const input = { ...filters, ...(mine ? { author: String(actor.id) } : {}), ...(mine === 'needs_changes' ? { status: 'needs_changes' } : {}) };
  let page: { items: ClaimView[]; nextCursor: string | null } = { items: [], nextCursor: null };
  let counts: Awaited<ReturnType<typeof countClaimsByStatus>> | null = null;
  let error: string | null = null;
  try {
    page = await listClaims({ actor, input: { ...input, limit: PAGE_SIZE } });
    counts = await countClaimsByStatus({ actor, input });
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    error = e.message;
  }
  if (mine === 'needs_changes') {
    return (
      <div className="page">
        <div className="page-head">
          <h1>Sent back to you</h1>
          <Link href="/claims?mine=1">All my claims</Link>
        </div>
        <p className="muted">Reviewers asked for changes on these claims. Fix them, then resubmit from the claim page.</p>
        <NeedsChangesList claims={await listNeedsChanges({ actor })} />
      </div>
    );
  }
  // Past COUNT_CAP matches only the total's lower bound is known: the status tabs then go without a number.
  const capped = counts?.capped
    ? `More than ${counts.total.toLocaleString('en')} claims match: counts by status are shown up to that many.`
    : undefined;
  const statusTab = (status: string | undefined, label: string, n: number | string | undefined) => (
    <Link
      key={label}
      href={boardHref(query, { status })}
      className={`tab${(query.status ?? '') === (status ?? '') ? ' active' : ''}${status ? ` status-${status}` : ''}`}
      title={capped}
    >
      {label} {n !== undefined && <span className="count">{n}</span>}
    </Link>
  );
  return (
    <div className="page wide">
      <div className="page-head">
        <h1>{mine ? 'My claims' : 'Claims'}</h1>
        <span className="actions">
          {mine ? <Link href="/claims">All claims</Link> : <Link href="/claims?mine=1">My claims</Link>}
          <Link href="/claims?mine=needs_changes">Sent back to me</Link>
        </span>
        <LiveRefresh viewerId={actor.id} />
      </div>
      <nav className="status-tabs" aria-label="Status">
        {statusTab(undefined, 'All', counts?.capped ? `${counts.total.toLocaleString('en')}+` : (counts?.total ?? 0))}
        {CLAIM_STATUSES.map((s) => statusTab(s, STATUS_LABELS[s], counts?.capped ? undefined : (counts?.[s] ?? 0)))}
      </nav>
      <BoardFilters query={query} options={options} people={people} />
      {error && <p className="form-error">{error}</p>}
      {page.items.length === 0 ? (
        <p className="muted">No claims match these filters.</p>
      ) : (
        <BoardAssign people={people}>
          <ClaimsTable items={page.items} query={query} articleTitles={titles} />
        </BoardAssign>
      )}
      <p className="pager">
        {query.cursor && <Link href={boardHref(query, { cursor: undefined })}>← First page</Link>}
        {page.nextCursor && <Link href={boardHref(query, { cursor: page.nextCursor })}>Next page →</Link>}
      </p>
    </div>
  );
}

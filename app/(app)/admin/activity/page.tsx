import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { pageActor } from '@/lib/auth/page-actor';
import { can } from '@/lib/auth/permissions';
import { listAudit, type AuditEventView } from '@/lib/audit/list-audit';
import { listUsers } from '@/lib/users/list-users';
import { AppError } from '@/lib/errors';
import { ActivityFilters, type ActivityQuery } from '@/components/audit/activity-filters';
import { ActivityList } from '@/components/audit/activity-list';

export const metadata = { title: 'Activity' };

const PAGE_SIZE = 50;
const KEYS = ['actor', 'kind', 'from', 'to', 'cursor'] as const;

function activityHref(query: ActivityQuery, change: Partial<ActivityQuery>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...query, ...change })) if (v) params.set(k, v);
  const qs = params.toString();
  return qs ? `/admin/activity?${qs}` : '/admin/activity';
}

export default async function ActivityPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await pageActor();
  if (!can(actor, 'audit:read')) forbidden();
  const raw = await searchParams;
  const query: ActivityQuery = Object.fromEntries(KEYS.map((k) => [k, [raw[k]].flat()[0] || undefined]));
  // A kind is either one action ("user.created") or everything about one entity type ("user").
  const kind = query.kind?.includes('.') ? { action: query.kind } : { entity: query.kind };
  let page: { items: AuditEventView[]; nextCursor: string | null } = { items: [], nextCursor: null };
  let error: string | null = null;
  try {
    page = await listAudit({ actor, input: { actor: query.actor, ...kind, from: query.from, to: query.to, cursor: query.cursor, limit: PAGE_SIZE } });
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    error = e.message;
  }
  return (
    <div className="page">
      <p className="crumbs">
        <Link href="/admin">Admin</Link>
      </p>
      <div className="page-head">
        <h1>Activity</h1>
      </div>
      <p className="muted">
        Every change to articles, sources, the verdict scale, settings, users and tokens, and every failed sign-in, newest first (times in UTC). Claim
        changes are in each claim’s history.
      </p>
      <ActivityFilters query={query} actors={await listUsers({ actor })} />
      {error && <p className="form-error">{error}</p>}
      {!error && page.items.length === 0 ? <p className="muted">No activity matches these filters.</p> : <ActivityList items={page.items} />}
      <p className="pager">
        {query.cursor && <Link href={activityHref(query, { cursor: undefined })}>← Newest</Link>}
        {page.nextCursor && <Link href={activityHref(query, { cursor: page.nextCursor })}>Older →</Link>}
      </p>
    </div>
  );
}

import Link from 'next/link';
import { pageActor } from '@/lib/auth/page-actor';
import { listArticles } from '@/lib/articles/list-articles';
import { CLAIM_STATUSES } from '@/db/schema';
import { STATUS_LABELS } from '@/components/annotator/types';
import { StatusCounts } from '@/components/ui/status-counts';

export const metadata = { title: 'Dashboard' };

export default async function DashboardPage() {
  const actor = await pageActor();
  const articles = listArticles({ actor });
  const totals = Object.fromEntries(CLAIM_STATUSES.map((s) => [s, articles.reduce((n, a) => n + a.claimCounts[s], 0)]));
  return (
    <div className="page">
      <div className="page-head">
        <h1>Welcome, {actor.name.split(' ')[0]}</h1>
        <Link className="button primary" href="/articles/new">
          Import article
        </Link>
      </div>
      <section className="stat-grid" aria-label="Claims by status">
        {CLAIM_STATUSES.map((s) => (
          <Link key={s} href={`/claims?status=${s}`} className={`stat status-${s}`}>
            <span className="stat-value">{totals[s]}</span>
            <span className="stat-label">{STATUS_LABELS[s]}</span>
          </Link>
        ))}
      </section>
      <section>
        <h2>Recent articles</h2>
        {articles.length === 0 ? (
          <p className="muted">No articles yet. Import one to start checking claims.</p>
        ) : (
          <ul className="plain-list">
            {articles.slice(0, 8).map((a) => (
              <li key={a.id}>
                <Link href={`/articles/${a.id}`}>{a.title}</Link> <StatusCounts counts={a.claimCounts} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

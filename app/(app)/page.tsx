import Link from 'next/link';
import { pageActor } from '@/lib/auth/page-actor';
import { can } from '@/lib/auth/permissions';
import { listArticles } from '@/lib/articles/list-articles';
import { claimTotals } from '@/lib/claims/list-claims';
import { claimStats } from '@/lib/review/claim-stats';
import { listNeedsChanges } from '@/lib/review/list-needs-changes';
import { CLAIM_STATUSES } from '@/db/enums';
import { STATUS_LABELS } from '@/components/labels';
import { StatusCounts } from '@/components/ui/status-counts';
import { StackedBars } from '@/components/board/stacked-bars';
import { NeedsChangesList } from '@/components/board/needs-changes-list';
import { listMyWork } from '@/lib/claims/list-my-work';
import { MyWork } from '@/components/board/my-work';

export const metadata = { title: 'Dashboard' };

export default async function DashboardPage() {
  const actor = await pageActor();
  // Only the articles shown, and totals from one count by status: summing every article's counts read every claim.
  const articles = await listArticles({ actor, limit: 8 });
  const totals = await claimTotals({ actor });
  const stats = await claimStats({ actor });
  const sentBack = await listNeedsChanges({ actor, limit: 10 });
  const work = await listMyWork({ actor });
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
      {can(actor, 'claim:review') && totals.in_review > 0 && (
        <p className="queue-callout">
          {totals.in_review} claim{totals.in_review === 1 ? ' is' : 's are'} waiting for review. <Link href="/review">Open the review queue →</Link>
        </p>
      )}
      <MyWork work={work} />
      {sentBack.length > 0 && (
        <section aria-labelledby="sent-back">
          <h2 id="sent-back">
            Sent back to you <span className="count">{sentBack.length}</span>
          </h2>
          <NeedsChangesList claims={sentBack} />
        </section>
      )}
      <section className="chart-grid" aria-label="Claims over time">
        <StackedBars
          title="New claims per week, by current status"
          empty={`No claims marked in the last ${stats.weeks.length} weeks. Open an article and select its words to mark one.`}
          buckets={stats.byStatus}
          series={stats.statuses.map((s) => ({ key: s, label: STATUS_LABELS[s], color: `var(--${s}-line)` }))}
        />
        <StackedBars
          title="Verified claims per week, by verdict"
          empty={`No claims verified in the last ${stats.weeks.length} weeks. Approved claims appear here.`}
          buckets={stats.byVerdict}
          series={stats.verdicts.map((v) => ({ key: v.label, label: v.label, color: v.color }))}
        />
      </section>
      <section>
        <h2>Recent articles</h2>
        {articles.length === 0 ? (
          <p className="muted">No articles yet. Import one to start checking claims.</p>
        ) : (
          <ul className="plain-list">
            {articles.map((a) => (
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

import Link from 'next/link';
import type { MyWork as MyWorkData } from '@/lib/claims/list-my-work';
import { STATUS_LABELS } from '@/components/labels';

/** The dashboard's "My work": articles to mark and claims assigned to the signed-in user, by status. */
export function MyWork({ work }: { work: MyWorkData }) {
  const total = work.claims.reduce((n, g) => n + g.items.length, 0);
  return (
    <section aria-labelledby="my-work" className="my-work">
      <h2 id="my-work">
        My work <span className="count">{total + work.articles.length}</span>
      </h2>
      {total === 0 && work.articles.length === 0 ? (
        <p className="muted">Nothing is assigned to you.</p>
      ) : (
        <>
          {work.articles.length > 0 && (
            <div className="my-work-group">
              <h3>Articles to mark</h3>
              <ul className="plain-list">
                {work.articles.map((a) => (
                  <li key={a.id}>
                    <Link href={`/articles/${a.id}`}>{a.title}</Link>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {work.claims.map((g) => (
            <div key={g.status} className="my-work-group">
              <h3>
                <span className={`badge status-${g.status}`}>{STATUS_LABELS[g.status]}</span> <span className="count">{g.items.length}</span>
              </h3>
              <ul className="plain-list">
                {g.items.map((c) => (
                  <li key={c.id}>
                    <Link href={`/claims/${c.id}`}>{c.claimText}</Link> <span className="muted">· {c.articleTitle}</span>
                  </li>
                ))}
              </ul>
            </div>
          ))}
          <p>
            <Link href="/claims?assignee=me">All claims assigned to me →</Link>
          </p>
        </>
      )}
    </section>
  );
}

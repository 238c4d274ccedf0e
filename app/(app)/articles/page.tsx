import Link from 'next/link';
import { pageActor } from '@/lib/auth/page-actor';
import { listArticles } from '@/lib/articles/list-articles';
import { StatusCounts } from '@/components/ui/status-counts';

export const metadata = { title: 'Articles' };

export default async function ArticlesPage() {
  const actor = await pageActor();
  const articles = await listArticles({ actor });
  return (
    <div className="page">
      <div className="page-head">
        <h1>Articles</h1>
        <Link className="button primary" href="/articles/new">
          Import article
        </Link>
      </div>
      {articles.length === 0 ? (
        <p className="muted">No articles yet.</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th>Title</th>
              <th>Publisher</th>
              <th>Published</th>
              <th>Claims</th>
            </tr>
          </thead>
          <tbody>
            {articles.map((a) => (
              <tr key={a.id}>
                <td>
                  <Link href={`/articles/${a.id}`}>{a.title}</Link>
                </td>
                <td>{a.publisher ?? <span className="muted">—</span>}</td>
                <td className="nowrap">{a.publishedAt ?? <span className="muted">—</span>}</td>
                <td>
                  <StatusCounts counts={a.claimCounts} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

import Link from 'next/link';
import { pageActor } from '@/lib/auth/page-actor';
import { AppError } from '@/lib/errors';
import { listSources, type SourceListItem } from '@/lib/sources/list-sources';
import { hostOf } from '@/components/sources/types';
import { StatusBadge } from '@/components/ui/status-badge';

export const metadata = { title: 'Sources' };

const LIMIT = 500;

export default async function SourcesPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const actor = await pageActor();
  const q = typeof (await searchParams).q === 'string' ? (await searchParams).q!.slice(0, 200) : '';
  let items: SourceListItem[] = [];
  try {
    items = (await listSources({ actor, input: { q: q || undefined, limit: LIMIT } })).items;
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'invalid')) throw error;
  }
  return (
    <div className="page">
      <div className="page-head">
        <h1>Sources</h1>
        <form className="source-search" role="search">
          <input type="search" name="q" defaultValue={q} placeholder="Title, publisher or URL" aria-label="Search sources" />
          <button type="submit">Search</button>
        </form>
      </div>
      <p className="muted">
        Every source cited by a claim, shared across articles. Sources are added from a claim in the annotate view.
        {items.length === LIMIT && ` Showing the first ${LIMIT}; search to narrow down.`}
      </p>
      {items.length === 0 ? (
        <p className="muted">{q ? `No source matches “${q}”.` : 'No sources yet.'}</p>
      ) : (
        <table className="data-table sources-table">
          <thead>
            <tr>
              <th>Source</th>
              <th>Publisher</th>
              <th>Published</th>
              <th>Cited by</th>
            </tr>
          </thead>
          <tbody>
            {items.map((s) => (
              <tr key={s.id}>
                <td>
                  <Link href={`/sources/${s.id}`}>{s.title || s.url}</Link>
                  <div className="muted source-host">{hostOf(s.url)}</div>
                </td>
                <td>{s.publisher || <span className="muted">—</span>}</td>
                <td className="nowrap">{s.publishedAt ?? <span className="muted">—</span>}</td>
                <td>
                  <strong>{s.claimCount}</strong> {s.claimCount === 1 ? 'claim' : 'claims'}
                  {s.claims.length > 0 && (
                    <ul className="citing-claims">
                      {s.claims.slice(0, 3).map((c) => (
                        <li key={c.id}>
                          <StatusBadge status={c.status} />{' '}
                          <Link href={`/claims/${c.id}`} title={`In: ${c.articleTitle}`}>
                            {c.claimText.length > 90 ? `${c.claimText.slice(0, 90)}…` : c.claimText}
                          </Link>
                        </li>
                      ))}
                      {s.claims.length > 3 && (
                        <li>
                          <Link href={`/sources/${s.id}`}>and {s.claims.length - 3} more</Link>
                        </li>
                      )}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

import Link from 'next/link';
import { pageActor } from '@/lib/auth/page-actor';
import { searchEverything } from '@/lib/search/search-everything';
import { HIT_OPEN } from '@/lib/search/markers';
import { searchTerms } from '@/lib/search/fts-query';
import { RANKED } from '@/lib/search/search-claims';
import { AppError } from '@/lib/errors';
import { Highlighted } from './highlighted';
import { VerdictBadge } from '@/components/ui/verdict-badge';
import { StatusBadge } from '@/components/ui/status-badge';

export const metadata = { title: 'Search' };

export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await pageActor();
  const sp = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() ?? '';
  const q = first(sp.q);
  const tag = first(sp.tag);
  let results: Awaited<ReturnType<typeof searchEverything>> = { claims: [], articles: [], sources: [] };
  let error: string | null = null;
  try {
    results = await searchEverything({ actor, q, tag: tag || undefined });
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    error = e.message;
  }
  // searchClaims lists more than RANKED matches newest first, unranked (rank 0): the reader is told, and how to rank.
  const newestFirst = Boolean(searchTerms(q)) && results.claims.length > 0 && results.claims.every((hit) => hit.rank === 0);
  return (
    <div className="page search-page">
      <h1>Search</h1>
      <form method="get" action="/search" className="filter-bar" role="search">
        <input
          type="search"
          name="q"
          defaultValue={q}
          placeholder="Claim text, rationale, claimant, article title, source…"
          aria-label="Search"
          autoFocus
        />
        <input type="search" name="tag" defaultValue={tag} placeholder="Tag" aria-label="Only claims tagged" className="tag-filter" />
        <button type="submit" className="primary">
          Search
        </button>
      </form>
      {error && <p className="form-error">{error}</p>}
      {(q || tag) && (
        <>
          <h2>
            Claims <span className="count">{results.claims.length}</span>
          </h2>
          {results.claims.length === 0 ? (
            <p className="muted">
              No claims match “{q}”{tag && ` tagged “${tag}”`}.
            </p>
          ) : (
            <>
              {newestFirst && (
                <p className="muted">
                  More than {RANKED.toLocaleString('en')} claims match, so the newest come first. Add a word to rank them by relevance.
                </p>
              )}
              <ol className="search-results">
                {results.claims.map((hit) => (
                  <li key={hit.id}>
                    <Link href={`/claims/${hit.id}`} className="hit-title">
                      <Highlighted text={hit.claimText} />
                    </Link>{' '}
                    <StatusBadge status={hit.status} /> <VerdictBadge label={hit.verdictLabel} color={hit.verdictColor} />
                    <p className="meta">
                      {hit.claimant && (
                        <>
                          <Highlighted text={hit.claimant} /> ·{' '}
                        </>
                      )}
                      <Link href={`/articles/${hit.articleId}?claim=${hit.id}`}>
                        <Highlighted text={hit.articleTitle} />
                      </Link>
                    </p>
                    {hit.rationale.includes(HIT_OPEN) && (
                      <p className="hit-rationale">
                        <Highlighted text={hit.rationale} />
                      </p>
                    )}
                  </li>
                ))}
              </ol>
            </>
          )}
          {/* Articles and sources carry no tags: a tag search lists claims only. */}
          {!tag && (
            <>
              <h2>
                Articles <span className="count">{results.articles.length}</span>
              </h2>
              {results.articles.length === 0 ? (
                <p className="muted">No article titles match “{q}”.</p>
              ) : (
                <ul className="search-results">
                  {results.articles.map((a) => (
                    <li key={a.id}>
                      <Link href={`/articles/${a.id}`} className="hit-title">
                        {a.title}
                      </Link>
                      {(a.publisher || a.publishedAt) && <p className="meta">{[a.publisher, a.publishedAt].filter(Boolean).join(' · ')}</p>}
                    </li>
                  ))}
                </ul>
              )}
              <h2>
                Sources <span className="count">{results.sources.length}</span>
              </h2>
              {results.sources.length === 0 ? (
                <p className="muted">No sources match “{q}”.</p>
              ) : (
                <ul className="search-results">
                  {results.sources.map((s) => (
                    <li key={s.id}>
                      <Link href={`/sources/${s.id}`} className="hit-title">
                        {s.title || s.url}
                      </Link>
                      <p className="meta">
                        <a href={s.url} target="_blank" rel="noopener noreferrer nofollow">
                          {s.url}
                        </a>{' '}
                        · cited by {s.claimCount} claim{s.claimCount === 1 ? '' : 's'}
                      </p>
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
        </>
      )}
    </div>
  );
}

import Link from 'next/link';
import { notFound } from 'next/navigation';
import { pageActor } from '@/lib/auth/page-actor';
import type { Metadata } from 'next';
import { getActor } from '@/lib/auth/current-actor';
import { getArticle } from '@/lib/articles/get-article';
import { articleTitle } from '@/lib/articles/list-articles';
import { AppError } from '@/lib/errors';
import { parseId } from '@/lib/validation';
import { Annotator } from '@/components/annotator/annotator';
import { packClaims } from '@/components/annotator/packed-claims';
import { VerdictLegend } from '@/components/annotator/verdict-legend';
import { toHighlight } from '@/components/annotator/highlight-marks';
import { renderArticleHtml } from '@/components/annotator/static-article';
import { listVerdicts } from '@/lib/verdicts/list-verdicts';
import { listArticleVersions } from '@/lib/articles/list-article-versions';
import { formatDateTime } from '@/components/claims/format';
import { RefreshButton } from './refresh-button';
import { PageSkipLinks } from '@/components/ui/skip-links';
import { listPeople } from '@/lib/users/list-people';
import { PeopleProvider } from '@/components/claims/people-context';
import { ArticleAssignee } from '@/components/articles/article-assignee';

/** Text drawn by the server for the first paint: a few screens of a 72ch column at 1280x900. */
const FIRST_SCREENS_CHARS = 10_000;

type PageProps = { params: Promise<{ id: string }>; searchParams: Promise<{ claim?: string }> };

/** The tab shows the article's title (signed-in readers only; the page itself redirects everyone else to login). */
export async function generateMetadata({ params }: Pick<PageProps, 'params'>): Promise<Metadata> {
  const id = parseId((await params).id);
  const title = id !== null && (await getActor()) ? await articleTitle(id) : undefined;
  return { title: title ?? 'Article' };
}

export default async function ArticlePage({ params, searchParams }: PageProps) {
  const actor = await pageActor();
  const id = parseId((await params).id);
  // Links from the queue, board and search open the article with `?claim=ID` selected.
  const linkedClaim = parseId((await searchParams).claim);
  if (id === null) notFound();
  let article;
  try {
    article = await getArticle({ actor, id, summaries: true });
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  }
  const { claims } = article;
  const selectedId = claims.some((c) => c.id === linkedClaim) ? linkedClaim : null;
  // The first paint shows the text with its highlights from this HTML; the editor takes over once it has mounted.
  // Built from the claims this reader may see (getArticle applied the draft rule), so hidden drafts stay out of it.
  // Only the first screens: the editor draws the rest, and a 200k-word article stays a small page to send and parse.
  const first = renderArticleHtml(
    article.doc,
    { claims: claims.filter((c) => !c.orphaned).map(toHighlight), selectedId },
    { maxChars: FIRST_SCREENS_CHARS },
  );
  // One more query, whatever the number of claims: the page stays at a constant query count.
  const verdicts = await listVerdicts({ actor });
  const versions = article.previousId || article.supersededBy ? await listArticleVersions({ actor, articleId: article.id }) : [];
  const people = await listPeople({ actor });
  return (
    <PeopleProvider people={people}>
      <div className="page wide">
        <PageSkipLinks
          links={[
            { target: 'article-text', label: 'Skip to the article' },
            { target: 'claims-panel', label: 'Skip to the claims sidebar' },
          ]}
        />
        <div className="article-head">
          <p className="crumbs">
            <Link href="/articles">Articles</Link>
            <span className="export-link">
              {!article.supersededBy && <Link href={`/articles/${article.id}/new-version`}>New version</Link>}
              <Link href={`/export?article=${article.id}`}>Export claims</Link>
            </span>
          </p>
          {article.supersededBy && (
            <p className="notice" role="status">
              This is an older version; its claims moved to the <Link href={`/articles/${article.supersededBy}`}>newer version</Link>.
            </p>
          )}
          {article.previousId && (
            <p className="meta">
              Updated version of <Link href={`/articles/${article.previousId}`}>an earlier text</Link>.
            </p>
          )}
          <h1>{article.title}</h1>
          <p className="meta">
            {[article.byline && `By ${article.byline}`, article.publisher, article.publishedAt].filter(Boolean).join(' · ')}
            {article.sourceUrl && (
              <>
                {' · '}
                <a href={article.sourceUrl} target="_blank" rel="noopener noreferrer nofollow">
                  Original
                </a>
              </>
            )}
          </p>
          <ArticleAssignee articleId={article.id} assigneeId={article.assigneeId} />
          {article.fetchedUrl && (
            <RefreshButton
              articleId={article.id}
              superseded={Boolean(article.supersededBy)}
              checked={article.lastCheckedAt ? `last checked ${formatDateTime(article.lastCheckedAt)} UTC` : 'never checked'}
            />
          )}
          {versions.length > 1 && (
            <ul className="version-list" aria-label="Versions">
              <li className="muted">Versions:</li>
              {versions.map((v, i) => (
                <li key={v.id}>
                  {v.id === article.id ? <strong>{i + 1} (this)</strong> : <Link href={`/articles/${v.id}`}>{i + 1}</Link>}{' '}
                  <span className="muted">{formatDateTime(v.createdAt)}</span>
                  {i > 0 && (
                    <>
                      {' '}
                      <Link href={`/articles/${v.id}/changes`}>changes</Link>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
          <VerdictLegend verdicts={verdicts} />
        </div>
        <Annotator
          initialSelectedId={linkedClaim}
          articleId={article.id}
          doc={article.doc}
          claims={packClaims(claims)}
          verdicts={verdicts}
          viewerId={actor.id}
          staticHtml={first.html}
          staticComplete={first.complete}
        />
      </div>
    </PeopleProvider>
  );
}

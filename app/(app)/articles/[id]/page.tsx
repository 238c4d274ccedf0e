import Link from 'next/link';
import { notFound } from 'next/navigation';
import { pageActor } from '@/lib/auth/page-actor';
import { getArticle } from '@/lib/articles/get-article';
import { AppError } from '@/lib/errors';
import { Annotator } from '@/components/annotator/annotator';
import type { ClaimDto } from '@/components/annotator/types';

export default async function ArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await pageActor();
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  let article;
  try {
    article = getArticle({ actor, id });
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  }
  const claims = JSON.parse(JSON.stringify(article.claims)) as ClaimDto[];
  return (
    <div className="page wide">
      <div className="article-head">
        <p className="crumbs">
          <Link href="/articles">Articles</Link>
        </p>
        <h1>{article.title}</h1>
        <p className="meta">
          {[article.publisher, article.publishedAt].filter(Boolean).join(' · ')}
          {article.sourceUrl && (
            <>
              {' · '}
              <a href={article.sourceUrl} target="_blank" rel="noopener noreferrer nofollow">
                Original
              </a>
            </>
          )}
        </p>
      </div>
      <Annotator articleId={article.id} doc={article.doc} text={article.text} initialClaims={claims} actor={{ id: actor.id, role: actor.role }} />
    </div>
  );
}

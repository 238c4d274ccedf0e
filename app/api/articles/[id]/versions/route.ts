import { apiRoute, readJson, routeId } from '@/lib/http/respond';
import { MAX_ARTICLE_BYTES } from '@/lib/articles/limits';
import { createArticleVersion } from '@/lib/articles/create-article-version';

/** New text for an article: `{format, content, title?}` -> 201 `{id, kept, moved, fuzzy, orphaned}`. */
export const POST = apiRoute<{ id: string }>(
  async ({ req, actor, params }) => createArticleVersion({ actor, articleId: routeId(params.id), input: await readJson(req, MAX_ARTICLE_BYTES * 2) }),
  { status: 201 },
);

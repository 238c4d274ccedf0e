import { apiRoute, readJson } from '@/lib/http/respond';
import { createArticle } from '@/lib/articles/create-article';
import { MAX_ARTICLE_BYTES } from '@/lib/articles/limits';
import { getArticle } from '@/lib/articles/get-article';
import { listArticles } from '@/lib/articles/list-articles';

export const GET = apiRoute(({ actor }) => listArticles({ actor }));

export const POST = apiRoute(
  async ({ req, actor }) => {
    // JSON escaping can inflate content; allow headroom above the content limit, the service checks the exact size.
    const { id } = await createArticle({ actor, input: await readJson(req, MAX_ARTICLE_BYTES * 2) });
    return getArticle({ actor, id });
  },
  { status: 201 },
);

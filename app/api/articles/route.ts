import { apiRoute, readJson } from '@/lib/http/respond';
import { createArticle } from '@/lib/articles/create-article';
import { MAX_ARTICLE_BYTES } from '@/lib/articles/limits';
import { getArticle } from '@/lib/articles/get-article';
import { importArticleFromUrl, isUrlImport } from '@/lib/articles/import-url';
import { listArticles } from '@/lib/articles/list-articles';

export const GET = apiRoute(({ actor }) => listArticles({ actor }));

export const POST = apiRoute(
  async ({ req, actor }) => {
    // JSON escaping can inflate content; allow headroom above the content limit, the service checks the exact size.
    const input = await readJson(req, MAX_ARTICLE_BYTES * 2);
    if (isUrlImport(input)) {
      // A link imported before answers 200 with that article (`existing: true`) instead of creating a duplicate.
      const { id, existing } = await importArticleFromUrl({ actor, input });
      return Response.json({ ...(await getArticle({ actor, id })), existing }, { status: existing ? 200 : 201 });
    }
    const { id } = await createArticle({ actor, input });
    return getArticle({ actor, id });
  },
  { status: 201 },
);

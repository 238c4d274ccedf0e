import { apiRoute } from '@/lib/http/respond';
import { searchEverything } from '@/lib/search/search-everything';

/** GET /api/search?q=...&tag=...: ranked claim hits (snippets carry U+E000/U+E001 around matches) and matching sources. */
export const GET = apiRoute(({ req, actor }) => {
  const params = new URL(req.url).searchParams;
  return searchEverything({ actor, q: params.get('q') ?? '', tag: params.get('tag') ?? undefined });
});

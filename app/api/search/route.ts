import { apiRoute } from '@/lib/http/respond';
import { searchEverything } from '@/lib/search/search-everything';

/** GET /api/search?q=...: ranked claim hits (snippets carry U+E000/U+E001 around matches) and matching sources. */
export const GET = apiRoute(({ req, actor }) => searchEverything({ actor, q: new URL(req.url).searchParams.get('q') ?? '' }));

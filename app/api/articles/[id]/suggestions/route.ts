import { apiRoute, routeId } from '@/lib/http/respond';
import { suggestForArticle } from '@/lib/suggest/suggest-for-article';

/** Proposes check-worthy spans of a stored article (POST: it runs the suggester; nothing is stored). */
export const POST = apiRoute<{ id: string }>(({ actor, params }) => suggestForArticle({ actor, articleId: routeId(params.id) }));

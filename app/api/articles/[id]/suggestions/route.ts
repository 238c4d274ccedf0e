import { apiRoute, queryObject, routeId } from '@/lib/http/respond';
import { suggestForArticle, suggestWithPeople, wantsPeople } from '@/lib/suggest/suggest-for-article';

/**
 * Proposes check-worthy spans of a stored article (POST: it runs the suggester; nothing is stored): the array of
 * suggestions, or with `?include=people` `{items, people}` adding every person the article mentions.
 */
export const POST = apiRoute<{ id: string }>(({ actor, params, req }) => {
  const input = { actor, articleId: routeId(params.id) };
  return wantsPeople(queryObject(req)) ? suggestWithPeople(input) : suggestForArticle(input);
});

import { apiRoute, routeId } from '@/lib/http/respond';
import { refreshArticle } from '@/lib/articles/refresh-article';

/** Fetches an article's link again: `{changed: false, checkedAt}` or `{changed: true, article, kept, moved, fuzzy, orphaned}`. */
export const POST = apiRoute<{ id: string }>(({ actor, params }) => refreshArticle({ actor, articleId: routeId(params.id) }));

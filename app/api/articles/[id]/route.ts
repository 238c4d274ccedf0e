import { apiRoute, routeId } from '@/lib/http/respond';
import { getArticle } from '@/lib/articles/get-article';

export const GET = apiRoute<{ id: string }>(({ actor, params }) => getArticle({ actor, id: routeId(params.id) }));

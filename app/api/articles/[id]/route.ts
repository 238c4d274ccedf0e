import { apiRoute, readJson, routeId } from '@/lib/http/respond';
import { getArticle } from '@/lib/articles/get-article';
import { assignArticle } from '@/lib/articles/assign-article';

type P = { id: string };

export const GET = apiRoute<P>(({ actor, params }) => getArticle({ actor, id: routeId(params.id) }));

export const PATCH = apiRoute<P>(async ({ req, actor, params }) => assignArticle({ actor, id: routeId(params.id), input: await readJson(req) }));

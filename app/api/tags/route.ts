import { apiRoute, queryObject } from '@/lib/http/respond';
import { suggestTags } from '@/lib/claims/suggest-tags';

export const GET = apiRoute(({ req, actor }) => suggestTags({ actor, input: queryObject(req) }));

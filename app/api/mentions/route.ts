import { apiRoute, queryObject } from '@/lib/http/respond';
import { suggestMentions } from '@/lib/notifications/suggest-mentions';

/** `?q=rev` -> `[{ handle, name }]`: people to @mention (enabled users, at most 8). */
export const GET = apiRoute(({ req, actor }) => suggestMentions({ actor, input: queryObject(req) }));

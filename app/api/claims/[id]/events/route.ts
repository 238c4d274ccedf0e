import { apiRoute, queryObject, readJson, routeId } from '@/lib/http/respond';
import { listEventPage, listEvents } from '@/lib/review/list-events';
import { commentOnClaim } from '@/lib/review/comment-claim';

type P = { id: string };

/** Oldest first. Without query parameters: the whole history as an array; with `cursor`/`limit`: `{items, nextCursor}`. */
export const GET = apiRoute<P>(({ req, actor, params }) => {
  const query = queryObject(req);
  const id = routeId(params.id);
  return Object.keys(query).length ? listEventPage({ actor, id, input: query }) : listEvents({ actor, id });
});

/** Adds a comment (the only kind of event a client may create directly). */
export const POST = apiRoute<P>(
  async ({ req, actor, params }) => {
    await commentOnClaim({ actor, id: routeId(params.id), input: await readJson(req) });
    return listEvents({ actor, id: routeId(params.id) });
  },
  { status: 201 },
);

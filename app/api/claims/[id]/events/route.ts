import { apiRoute, readJson, routeId } from '@/lib/http/respond';
import { listEvents } from '@/lib/review/list-events';
import { commentOnClaim } from '@/lib/review/comment-claim';

type P = { id: string };

export const GET = apiRoute<P>(({ actor, params }) => listEvents({ actor, id: routeId(params.id) }));

/** Adds a comment (the only kind of event a client may create directly). */
export const POST = apiRoute<P>(
  async ({ req, actor, params }) => {
    commentOnClaim({ actor, id: routeId(params.id), input: await readJson(req) });
    return listEvents({ actor, id: routeId(params.id) });
  },
  { status: 201 },
);

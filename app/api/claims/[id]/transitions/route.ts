import { apiRoute, readJson, routeId } from '@/lib/http/respond';
import { transitionClaim } from '@/lib/review/transition-claim';

export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) =>
  transitionClaim({ actor, id: routeId(params.id), input: await readJson(req) }),
);

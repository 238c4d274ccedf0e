import { apiRoute, queryObject, routeId } from '@/lib/http/respond';
import { detachSource } from '@/lib/sources/detach-source';

export const DELETE = apiRoute<{ id: string; sourceId: string }>(({ req, actor, params }) =>
  detachSource({ actor, claimId: routeId(params.id), sourceId: routeId(params.sourceId), input: queryObject(req) }),
);

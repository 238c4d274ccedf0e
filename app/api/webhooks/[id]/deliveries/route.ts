import { apiRoute, queryObject, routeId } from '@/lib/http/respond';
import { listDeliveries } from '@/lib/webhooks/list-deliveries';

/** The delivery log, newest first: `{items, nextCursor}`. */
export const GET = apiRoute<{ id: string }>(({ req, actor, params }) =>
  listDeliveries({ actor, webhookId: routeId(params.id), input: queryObject(req) }),
);

import { apiRoute, readJson, routeId } from '@/lib/http/respond';
import { deleteWebhook } from '@/lib/webhooks/delete-webhook';
import { updateWebhook } from '@/lib/webhooks/update-webhook';

type P = { id: string };

/** `{active}` turns it off or on; `{events}` changes what it receives. */
export const PATCH = apiRoute<P>(async ({ req, actor, params }) =>
  updateWebhook({ actor, id: routeId(params.id), input: await readJson(req, 16 * 1024) }),
);

export const DELETE = apiRoute<P>(({ actor, params }) => deleteWebhook({ actor, id: routeId(params.id) }));

import { apiRoute, readJson } from '@/lib/http/respond';
import { createWebhook } from '@/lib/webhooks/create-webhook';
import { listWebhooks } from '@/lib/webhooks/list-webhooks';

export const GET = apiRoute(({ actor }) => listWebhooks({ actor }));

/** 201 `{id}`; a URL that resolves to a private address is a 400 naming why. */
export const POST = apiRoute(async ({ req, actor }) => createWebhook({ actor, input: await readJson(req, 16 * 1024) }), { status: 201 });

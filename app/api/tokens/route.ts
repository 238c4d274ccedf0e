import { apiRoute, readJson } from '@/lib/http/respond';
import { createApiToken } from '@/lib/users/create-api-token';
import { listApiTokens } from '@/lib/users/list-api-tokens';

export const GET = apiRoute(({ actor }) => listApiTokens({ actor }));

/** 201 with `token`: the only time the secret is shown. */
export const POST = apiRoute(async ({ req, actor }) => createApiToken({ actor, input: await readJson(req, 16 * 1024) }), { status: 201 });

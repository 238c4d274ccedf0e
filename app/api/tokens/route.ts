import { apiRoute, readJson } from '@/lib/http/respond';
import { createApiToken, listApiTokens } from '@/lib/users/api-tokens';

export const GET = apiRoute(({ actor }) => listApiTokens({ actor }));

/** 201 with `token`: the only time the secret is shown. */
export const POST = apiRoute(async ({ req, actor }) => createApiToken({ actor, input: await readJson(req, 16 * 1024) }), { status: 201 });

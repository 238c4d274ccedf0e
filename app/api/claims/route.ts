import { apiRoute, queryObject, readJson } from '@/lib/http/respond';
import { createClaim } from '@/lib/claims/create-claim';
import { listClaims } from '@/lib/claims/list-claims';

export const GET = apiRoute(({ req, actor }) => listClaims({ actor, input: queryObject(req) }));

export const POST = apiRoute(async ({ req, actor }) => createClaim({ actor, input: await readJson(req) }), { status: 201 });

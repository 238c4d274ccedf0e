import { apiRoute, readJson, routeId } from '@/lib/http/respond';
import { linkClaims } from '@/lib/matching/link-claims';

export const POST = apiRoute<{ id: string }>(
  async ({ req, actor, params }) => linkClaims({ actor, claimId: routeId(params.id), input: await readJson(req) }),
  { status: 201 },
);

import { apiRoute, queryObject, routeId } from '@/lib/http/respond';
import { findClaimMatches } from '@/lib/matching/find-matches';

export const GET = apiRoute<{ id: string }>(({ req, actor, params }) =>
  findClaimMatches({ actor, claimId: routeId(params.id), input: queryObject(req) }),
);

import { apiRoute, routeId } from '@/lib/http/respond';
import { revokeUserApiToken } from '@/lib/users/revoke-api-token';

/** Admin: revokes one of the user's tokens -> 204. */
export const DELETE = apiRoute<{ id: string; tokenId: string }>(({ actor, params }) =>
  revokeUserApiToken({ actor, userId: routeId(params.id), tokenId: routeId(params.tokenId) }),
);

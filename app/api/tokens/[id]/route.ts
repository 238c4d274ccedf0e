import { apiRoute, routeId } from '@/lib/http/respond';
import { revokeApiToken } from '@/lib/users/revoke-api-token';

export const DELETE = apiRoute<{ id: string }>(({ actor, params }) => revokeApiToken({ actor, id: routeId(params.id) }));

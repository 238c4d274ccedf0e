import { apiRoute, routeId } from '@/lib/http/respond';
import { listUserApiTokens } from '@/lib/users/list-api-tokens';

/** Admin: the user's live API tokens (names and dates, never secrets). */
export const GET = apiRoute<{ id: string }>(({ actor, params }) => listUserApiTokens({ actor, userId: routeId(params.id) }));

import { apiRoute, readJson, routeId } from '@/lib/http/respond';
import { getUser } from '@/lib/users/get-user';
import { updateUser } from '@/lib/users/update-user';

type P = { id: string };

export const GET = apiRoute<P>(({ actor, params }) => getUser({ actor, id: routeId(params.id) }));

export const PATCH = apiRoute<P>(async ({ req, actor, params }) =>
  updateUser({ actor, id: routeId(params.id), input: await readJson(req, 16 * 1024) }),
);

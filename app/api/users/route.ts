import { apiRoute, readJson } from '@/lib/http/respond';
import { listUsers } from '@/lib/users/list-users';
import { createUser } from '@/lib/users/create-user';

export const GET = apiRoute(({ actor }) => listUsers({ actor }));

/** 201 `{ user, setPasswordLink? }`: the link path is returned only here, once. */
export const POST = apiRoute(async ({ req, actor }) => createUser({ actor, input: await readJson(req, 16 * 1024) }), { status: 201 });

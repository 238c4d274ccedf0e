import { apiRoute, readJson } from '@/lib/http/respond';
import { changeOwnPassword } from '@/lib/users/change-own-password';

/** `{ currentPassword, newPassword }` -> 204. */
export const POST = apiRoute(async ({ req, actor }) => changeOwnPassword({ actor, input: await readJson(req, 16 * 1024) }));

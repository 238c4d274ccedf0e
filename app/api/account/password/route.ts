import { apiRoute, readJson } from '@/lib/http/respond';
import { currentSessionId } from '@/lib/auth/current-actor';
import { clientAddress } from '@/lib/auth/request-origin';
import { changeOwnPassword } from '@/lib/users/change-own-password';

/** `{ currentPassword, newPassword }` -> 204; this session stays signed in, every other one and every token is revoked. */
export const POST = apiRoute(async ({ req, actor }) =>
  changeOwnPassword({ actor, input: await readJson(req, 16 * 1024), ip: clientAddress(req.headers), keepSessionId: await currentSessionId() }),
);

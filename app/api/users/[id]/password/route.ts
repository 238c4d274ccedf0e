import { apiRoute, readJson, routeId } from '@/lib/http/respond';
import { resetPassword } from '@/lib/users/reset-password';

/** `{ password }` sets it; `{}` returns `{ setPasswordLink }` (shown once). Signs the user out everywhere. */
export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) =>
  resetPassword({ actor, id: routeId(params.id), input: await readJson(req, 16 * 1024) }),
);

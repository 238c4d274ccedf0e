import { publicRoute, readJson } from '@/lib/http/respond';
import { setPasswordWithLink } from '@/lib/users/set-password-with-link';

/** Anonymous: `{ token, password }` sets the password of a one-time link's user (the token is the credential) -> `{ email }`. */
export const POST = publicRoute(async ({ req }) => setPasswordWithLink({ input: await readJson(req, 4 * 1024) }));

import { Unauthorized } from '@/lib/errors';
import { readEnv } from '@/lib/env';
import { actorForToken } from './actor-for-token';
import type { Actor } from './permissions';

/** Name of the environment variable CLIs read a personal API token from. */
export const CLI_TOKEN_ENV = 'CLAIMDESK_TOKEN';

/**
 * For scripts/ that must act as a real user: the actor of the personal API token in CLAIMDESK_TOKEN (required).
 * Throws Unauthorized if unset, revoked or disabled. Compare tokenOrEmailActor (export CLI), which falls back.
 */
export async function requireTokenActor(env: NodeJS.ProcessEnv = process.env): Promise<Actor> {
  const token = readEnv(env).CLAIMDESK_TOKEN;
  if (!token) throw Unauthorized(`Set ${CLI_TOKEN_ENV} to a personal API token (create one on your Account page).`);
  const actor = await actorForToken(token);
  if (!actor) throw Unauthorized(`${CLI_TOKEN_ENV} is not a valid, active token.`);
  return actor;
}

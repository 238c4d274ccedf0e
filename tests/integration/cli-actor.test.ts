/** Who the CLIs act as: the owner of CLAIMDESK_TOKEN, else `--as EMAIL` (export), else the system actor. */
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { CLI_TOKEN_ENV, requireTokenActor } from '@/lib/auth/require-token-actor';
import { SYSTEM_ACTOR, tokenOrEmailActor } from '@/lib/export/token-or-email-actor';
import { createApiToken } from '@/lib/users/create-api-token';
import { revokeApiToken } from '@/lib/users/revoke-api-token';
import { asyncErrorOf } from './app-error';
import { freshDb } from './setup-db';

let actors: { editor: Actor; reviewer: Actor; admin: Actor };
beforeEach(async () => {
  ({ actors } = await freshDb());
  delete process.env[CLI_TOKEN_ENV];
});
afterEach(() => {
  delete process.env[CLI_TOKEN_ENV];
});

describe('requireTokenActor', () => {
  it('is the live owner of the token, and refuses a missing, unknown or revoked one', async () => {
    const { id, token } = await createApiToken({ actor: actors.reviewer, input: { name: 'cron' } });
    expect(await requireTokenActor({ ...process.env, [CLI_TOKEN_ENV]: ` ${token} ` })).toEqual(actors.reviewer);
    expect((await asyncErrorOf(() => requireTokenActor({ ...process.env }))).message).toMatch(/Set CLAIMDESK_TOKEN/);
    expect((await asyncErrorOf(() => requireTokenActor({ ...process.env, [CLI_TOKEN_ENV]: 'cdk_unknown' }))).code).toBe('unauthorized');
    await revokeApiToken({ actor: actors.reviewer, id });
    expect((await asyncErrorOf(() => requireTokenActor({ ...process.env, [CLI_TOKEN_ENV]: token }))).message).toMatch(/not a valid, active token/);
  });
});

describe('tokenOrEmailActor', () => {
  it('prefers the token over --as, then the named user (any case), then the system actor', async () => {
    const { token } = await createApiToken({ actor: actors.editor, input: { name: 'export' } });
    process.env[CLI_TOKEN_ENV] = token;
    expect(await tokenOrEmailActor('admin@example.com')).toEqual(actors.editor);
    delete process.env[CLI_TOKEN_ENV];
    expect(await tokenOrEmailActor('REVIEWER@example.com')).toEqual(actors.reviewer);
    expect(await tokenOrEmailActor()).toEqual(SYSTEM_ACTOR);
  });

  it('refuses an unknown user, a disabled one, and a bad token without falling back', async () => {
    expect((await asyncErrorOf(() => tokenOrEmailActor('nobody@example.com'))).code).toBe('invalid');
    await getDb().update(users).set({ disabled: true }).where(eq(users.id, actors.editor.id));
    expect((await asyncErrorOf(() => tokenOrEmailActor('editor@example.com'))).code).toBe('forbidden');
    process.env[CLI_TOKEN_ENV] = 'cdk_not-a-token';
    expect((await asyncErrorOf(() => tokenOrEmailActor('admin@example.com'))).code).toBe('unauthorized');
  });
});

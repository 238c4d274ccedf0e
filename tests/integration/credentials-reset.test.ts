import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from './setup-db';
import { asyncErrorOf } from './app-error';
import type { Actor } from '@/lib/auth/permissions';
import { actorForSession, startSession } from '@/lib/auth/sessions';
import { actorForToken } from '@/lib/auth/actor-for-token';
import { verifyCredentials } from '@/lib/auth/verify-credentials';
import { resetPassword } from '@/lib/users/reset-password';
import { setPasswordWithLink } from '@/lib/users/set-password-with-link';
import { changeOwnPassword } from '@/lib/users/change-own-password';
import { createApiToken } from '@/lib/users/create-api-token';
import { revokeUserApiToken } from '@/lib/users/revoke-api-token';
import { listUserApiTokens } from '@/lib/users/list-api-tokens';

let actors: { editor: Actor; reviewer: Actor; admin: Actor };
beforeEach(async () => {
  ({ actors } = await freshDb());
});
afterEach(() => {
  delete process.env.LOGIN_MAX_FAILURES_PER_ACCOUNT_ADDRESS;
});

const tokenOf = (link: string) => new URL(link, 'http://x').searchParams.get('token')!;
const failure = async (fn: () => unknown) => {
  const { code, message } = await asyncErrorOf(async () => fn());
  return { code, message };
};
/** Two sessions and a token of the editor, to see which of them survive. */
const credentials = async () => ({
  sessionA: await startSession(actors.editor.id),
  sessionB: await startSession(actors.editor.id),
  token: (await createApiToken({ actor: actors.editor, input: { name: 'script' } })).token,
});
const DEMO = { email: 'editor@example.com', password: 'claimdesk-demo' };

describe('credentials after a password reset or change', () => {
  it('an admin setting a password revokes every session and API token of the user', async () => {
    const c = await credentials();
    await resetPassword({ actor: actors.admin, id: actors.editor.id, input: { password: 'granite-window-5' } });
    expect(await actorForSession(c.sessionA)).toBeNull();
    expect(await actorForToken(c.token)).toBeNull();
  });

  it('issuing a reset link stops the old password, sessions and tokens at once', async () => {
    const c = await credentials();
    const { setPasswordLink } = await resetPassword({ actor: actors.admin, id: actors.editor.id, input: {} });
    expect(await verifyCredentials(DEMO, { ip: 'r1' })).toBeNull();
    expect(await actorForSession(c.sessionB)).toBeNull();
    expect(await actorForToken(c.token)).toBeNull();
    // Credentials made between issuing and using the link end when it is used.
    const later = await credentials();
    await setPasswordWithLink({ input: { token: tokenOf(setPasswordLink!), password: 'lantern-fjord-9' } });
    expect(await actorForSession(later.sessionA)).toBeNull();
    expect(await actorForToken(later.token)).toBeNull();
    expect(await verifyCredentials({ ...DEMO, password: 'lantern-fjord-9' }, { ip: 'r1' })).toMatchObject({ id: actors.editor.id });
  });

  it('changing one’s own password keeps the current session and ends every other one and every token', async () => {
    const c = await credentials();
    await changeOwnPassword({
      actor: actors.editor,
      input: { currentPassword: 'claimdesk-demo', newPassword: 'copper-kettle-river' },
      ip: 'r2',
      keepSessionId: c.sessionA,
    });
    expect(await actorForSession(c.sessionA)).toMatchObject({ id: actors.editor.id });
    expect(await actorForSession(c.sessionB)).toBeNull();
    expect(await actorForToken(c.token)).toBeNull();
  });

  it('throttles the current-password check like sign-in', async () => {
    process.env.LOGIN_MAX_FAILURES_PER_ACCOUNT_ADDRESS = '3';
    const change = (currentPassword: string) =>
      failure(() => changeOwnPassword({ actor: actors.editor, input: { currentPassword, newPassword: 'copper-kettle-river' }, ip: 'r3' }));
    for (let i = 0; i < 3; i++) expect(await change('guess-number-' + i)).toMatchObject({ code: 'invalid', message: /not correct/ });
    // Locked now: even the right password is refused, and the password is unchanged.
    expect(await change('claimdesk-demo')).toMatchObject({ code: 'invalid', message: /Too many/ });
    expect(await verifyCredentials(DEMO, { ip: 'elsewhere' })).not.toBeNull();
  });
});

describe('admin management of another user’s API tokens', () => {
  it('lists a user’s live tokens and revokes one', async () => {
    const keep = await createApiToken({ actor: actors.editor, input: { name: 'keep' } });
    const leaked = await createApiToken({ actor: actors.editor, input: { name: 'leaked' } });
    expect((await listUserApiTokens({ actor: actors.admin, userId: actors.editor.id })).map((t) => t.name)).toEqual(['leaked', 'keep']);
    await revokeUserApiToken({ actor: actors.admin, userId: actors.editor.id, tokenId: leaked.id });
    expect(await actorForToken(leaked.token)).toBeNull();
    expect(await actorForToken(keep.token)).toMatchObject({ id: actors.editor.id });
    expect((await listUserApiTokens({ actor: actors.admin, userId: actors.editor.id })).map((t) => t.name)).toEqual(['keep']);
    expect(JSON.stringify(await listUserApiTokens({ actor: actors.admin, userId: actors.editor.id }))).not.toContain(keep.token);
  });

  it('is for admins only, and a token of another user or already revoked is not found', async () => {
    const t = await createApiToken({ actor: actors.editor, input: { name: 'x' } });
    expect(await failure(() => listUserApiTokens({ actor: actors.reviewer, userId: actors.editor.id }))).toMatchObject({ code: 'forbidden' });
    expect(await failure(() => revokeUserApiToken({ actor: actors.editor, userId: actors.editor.id, tokenId: t.id }))).toMatchObject({
      code: 'forbidden',
    });
    expect(await failure(() => revokeUserApiToken({ actor: actors.admin, userId: actors.reviewer.id, tokenId: t.id }))).toMatchObject({
      code: 'not_found',
    });
    expect(await failure(() => listUserApiTokens({ actor: actors.admin, userId: 9999 }))).toMatchObject({ code: 'not_found' });
    await revokeUserApiToken({ actor: actors.admin, userId: actors.editor.id, tokenId: t.id });
    expect(await failure(() => revokeUserApiToken({ actor: actors.admin, userId: actors.editor.id, tokenId: t.id }))).toMatchObject({
      code: 'not_found',
    });
  });
});

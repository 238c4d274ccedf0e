import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from './setup-db';
import { asyncErrorOf } from './app-error';
import { getDb } from '@/db/client';
import { passwordResets, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { actorForSession, startSession } from '@/lib/auth/sessions';
import { actorForToken } from '@/lib/auth/actor-for-token';
import { verifyCredentials } from '@/lib/auth/verify-credentials';
import { createUser } from '@/lib/users/create-user';
import { updateUser } from '@/lib/users/update-user';
import { resetPassword } from '@/lib/users/reset-password';
import { describeSetPasswordLink, setPasswordWithLink } from '@/lib/users/set-password-with-link';
import { changeOwnPassword } from '@/lib/users/change-own-password';
import { createApiToken } from '@/lib/users/create-api-token';
import { revokeApiToken } from '@/lib/users/revoke-api-token';
import { listApiTokens } from '@/lib/users/list-api-tokens';
import { listUsers } from '@/lib/users/list-users';

let actors: { editor: Actor; reviewer: Actor; admin: Actor };
beforeEach(async () => {
  ({ actors } = await freshDb());
});

const tokenOf = (link: string) => new URL(link, 'http://x').searchParams.get('token')!;
const code = async (fn: () => unknown) => (await asyncErrorOf(async () => fn())).code;

/** 'ok' or the AppError code of each settled call, sorted (which of two racing calls wins is up to the database). */
const outcomes = (results: PromiseSettledResult<unknown>[]) =>
  results.map((r) => (r.status === 'fulfilled' ? 'ok' : ((r.reason as { code?: string }).code ?? String(r.reason)))).sort();

describe('createUser', () => {
  it('creates a user with an initial password who can then sign in', async () => {
    const { user, setPasswordLink } = await createUser({
      actor: actors.admin,
      input: { email: ' New@Example.com ', name: 'Nia New', role: 'reviewer', password: 'tidal-harbor-42' },
    });
    expect(user).toMatchObject({ email: 'new@example.com', role: 'reviewer', disabled: false });
    expect(setPasswordLink).toBeUndefined();
    expect(await verifyCredentials({ email: 'new@example.com', password: 'tidal-harbor-42' }, { ip: 't1' })).toMatchObject({ id: user.id });
  });

  it('without a password returns a one-time link that sets the password once', async () => {
    const { user, setPasswordLink } = await createUser({ actor: actors.admin, input: { email: 'l@example.com', name: 'Lee', role: 'editor' } });
    expect(setPasswordLink).toMatch(/^\/set-password\?token=/);
    const token = tokenOf(setPasswordLink!);
    // Only a hash is stored.
    expect((await getDb().select().from(passwordResets)).map((r) => r.tokenHash)).not.toContain(token);
    expect(await describeSetPasswordLink(token)).toEqual({ email: 'l@example.com', name: 'Lee' });
    await setPasswordWithLink({ input: { token, password: 'lantern-fjord-9' } });
    expect(await verifyCredentials({ email: 'l@example.com', password: 'lantern-fjord-9' }, { ip: 't2' })).toMatchObject({ id: user.id });
    expect(await describeSetPasswordLink(token)).toBeNull();
    expect(await code(() => setPasswordWithLink({ input: { token, password: 'another-pass-77' } }))).toBe('invalid');
  });

  it('two admins creating the same email at once: one user, the other gets a conflict', async () => {
    const create = () =>
      createUser({ actor: actors.admin, input: { email: 'twice@example.com', name: 'Tw', role: 'editor', password: 'tidal-harbor-42' } });
    expect(outcomes(await Promise.allSettled([create(), create()]))).toEqual(['conflict', 'ok']);
    expect(await getDb().$count(users, eq(users.email, 'twice@example.com'))).toBe(1);
  });

  it('refuses a duplicate email, and refuses non-admins', async () => {
    expect(await code(() => createUser({ actor: actors.admin, input: { email: 'EDITOR@example.com', name: 'X', role: 'editor' } }))).toBe('conflict');
    expect(await code(() => createUser({ actor: actors.reviewer, input: { email: 'z@example.com', name: 'Z', role: 'admin' } }))).toBe('forbidden');
  });
});

describe('password policy', () => {
  it('rejects passwords shorter than 10 characters and the most common ones', async () => {
    const change = (newPassword: string) =>
      code(() => changeOwnPassword({ actor: actors.editor, input: { currentPassword: 'claimdesk-demo', newPassword } }));
    expect(await change('short-1')).toBe('invalid');
    expect(await change('qwertyuiop')).toBe('invalid'); // in the 1,000 most common
    expect(await change('Password123')).toBe('invalid'); // case does not help
    await changeOwnPassword({ actor: actors.editor, input: { currentPassword: 'claimdesk-demo', newPassword: 'copper-kettle-river' } });
  });

  it('requires the current password to change one’s own', async () => {
    expect(
      await code(() => changeOwnPassword({ actor: actors.editor, input: { currentPassword: 'nope', newPassword: 'copper-kettle-river' } })),
    ).toBe('invalid');
    expect(await verifyCredentials({ email: 'editor@example.com', password: 'claimdesk-demo' }, { ip: 't3' })).not.toBeNull();
  });
});

describe('updateUser', () => {
  it('a disabled user cannot sign in and their existing session stops working', async () => {
    const sid = await startSession(actors.editor.id);
    expect(await actorForSession(sid)).toMatchObject({ id: actors.editor.id });
    await updateUser({ actor: actors.admin, id: actors.editor.id, input: { disabled: true } });
    expect(await actorForSession(sid)).toBeNull();
    expect(await verifyCredentials({ email: 'editor@example.com', password: 'claimdesk-demo' }, { ip: 't4' })).toBeNull();
    await updateUser({ actor: actors.admin, id: actors.editor.id, input: { disabled: false } });
    expect(await actorForSession(sid)).toMatchObject({ id: actors.editor.id });
  });

  it('a role change takes effect at the next request', async () => {
    const sid = await startSession(actors.editor.id);
    await updateUser({ actor: actors.admin, id: actors.editor.id, input: { role: 'reviewer' } });
    expect((await actorForSession(sid))?.role).toBe('reviewer');
  });

  it('will not disable or demote the last active admin', async () => {
    expect(await code(() => updateUser({ actor: actors.admin, id: actors.admin.id, input: { disabled: true } }))).toBe('conflict');
    expect(await code(() => updateUser({ actor: actors.admin, id: actors.admin.id, input: { role: 'editor' } }))).toBe('conflict');
    await updateUser({ actor: actors.admin, id: actors.reviewer.id, input: { role: 'admin' } });
    expect((await updateUser({ actor: actors.admin, id: actors.admin.id, input: { role: 'editor' } })).role).toBe('editor');
    expect((await listUsers({ actor: { ...actors.reviewer, role: 'admin' } })).filter((u) => u.role === 'admin')).toHaveLength(1);
  });

  it('two admins demoting each other at once leave one admin (the count and the change are one serialised step)', async () => {
    const second = await updateUser({ actor: actors.admin, id: actors.reviewer.id, input: { role: 'admin' } });
    const results = await Promise.allSettled([
      updateUser({ actor: actors.admin, id: second.id, input: { role: 'editor' } }),
      updateUser({ actor: { ...actors.reviewer, role: 'admin' }, id: actors.admin.id, input: { role: 'editor' } }),
    ]);
    expect(outcomes(results)).toEqual(['conflict', 'ok']);
    expect((await listUsers({ actor: actors.admin })).filter((u) => u.role === 'admin' && !u.disabled)).toHaveLength(1);
  });
});

describe('resetPassword', () => {
  it('sets a new password and signs the user out everywhere', async () => {
    const sid = await startSession(actors.editor.id);
    await resetPassword({ actor: actors.admin, id: actors.editor.id, input: { password: 'granite-window-5' } });
    expect(await actorForSession(sid)).toBeNull();
    expect(await verifyCredentials({ email: 'editor@example.com', password: 'granite-window-5' }, { ip: 't5' })).not.toBeNull();
  });

  it('issues a link; a newer link makes the older one useless', async () => {
    const first = await resetPassword({ actor: actors.admin, id: actors.editor.id, input: {} });
    const second = await resetPassword({ actor: actors.admin, id: actors.editor.id, input: {} });
    expect(await describeSetPasswordLink(tokenOf(first.setPasswordLink!))).toBeNull();
    expect(await describeSetPasswordLink(tokenOf(second.setPasswordLink!))).not.toBeNull();
  });

  it('a link of a user who has since been disabled does not work', async () => {
    const { setPasswordLink } = await resetPassword({ actor: actors.admin, id: actors.editor.id, input: {} });
    await getDb().update(users).set({ disabled: true }).where(eq(users.id, actors.editor.id));
    expect(await code(() => setPasswordWithLink({ input: { token: tokenOf(setPasswordLink!), password: 'granite-window-5' } }))).toBe('invalid');
  });
});

describe('personal API tokens', () => {
  it('are shown once, stored hashed, act as their user, record last use and can be revoked', async () => {
    const created = await createApiToken({ actor: actors.reviewer, input: { name: 'nightly export' } });
    expect(created.token).toMatch(/^cdk_/);
    expect(await actorForToken(created.token)).toMatchObject({ id: actors.reviewer.id, role: 'reviewer' });
    const [listed] = await listApiTokens({ actor: actors.reviewer });
    expect(listed).not.toHaveProperty('token');
    expect(listed.lastUsedAt).toBeInstanceOf(Date);
    await expect(revokeApiToken({ actor: actors.editor, id: created.id })).rejects.toThrow(/not found/i);
    await revokeApiToken({ actor: actors.reviewer, id: created.id });
    expect(await actorForToken(created.token)).toBeNull();
    expect(await listApiTokens({ actor: actors.reviewer })).toEqual([]);
  });

  it('stop working when their user is disabled', async () => {
    const { token } = await createApiToken({ actor: actors.editor, input: { name: 'cli' } });
    await updateUser({ actor: actors.admin, id: actors.editor.id, input: { disabled: true } });
    expect(await actorForToken(token)).toBeNull();
  });

  it('reject unknown or malformed tokens', async () => {
    expect(await actorForToken('cdk_not-a-real-token')).toBeNull();
    expect(await actorForToken('something-else')).toBeNull();
  });
});

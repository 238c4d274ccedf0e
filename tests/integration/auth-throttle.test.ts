import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshDb } from './setup-db';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { loginThrottle } from '@/db/schema';
import { checkCredentials, verifyCredentials } from '@/lib/auth/verify-credentials';
import { recordLoginAttempt } from '@/lib/auth/login-throttle';
import * as passwords from '@/lib/auth/passwords';

const RIGHT = { email: 'admin@example.com', password: 'claimdesk-demo' };
const WRONG = { email: 'admin@example.com', password: 'not-my-password' };
const HOME = '192.0.2.10'; // the real admin's usual address

beforeEach(async () => {
  await freshDb();
  // Only Date is faked: the lock expiry is reached by moving the clock, not by sleeping (bcrypt still runs for real).
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
  for (const k of ['LOGIN_MAX_FAILURES_PER_IP', 'LOGIN_MAX_FAILURES_PER_ACCOUNT', 'LOGIN_MAX_FAILURES_PER_ACCOUNT_ADDRESS']) delete process.env[k];
});

// Each attempt is a real bcrypt compare (~0.25 s here): tests other than the defaults' use small limits.
const pairLimit = (n: number) => (process.env.LOGIN_MAX_FAILURES_PER_ACCOUNT_ADDRESS = String(n));
const fail = (n: number, ip: string, creds = WRONG) =>
  Array.from({ length: n }).reduce<Promise<unknown>>((p) => p.then(() => verifyCredentials(creds, { ip })), Promise.resolve());

/** recordLoginAttempt as another app instance runs it: a fresh copy of the module, the same database client. */
async function anotherInstance(): Promise<typeof recordLoginAttempt> {
  const client = await import('@/db/client');
  const schema = await import('@/db/schema');
  vi.resetModules();
  vi.doMock('@/db/client', () => client);
  vi.doMock('@/db/schema', () => schema);
  try {
    const copy = await import('@/lib/auth/login-throttle');
    expect(copy.recordLoginAttempt).not.toBe(recordLoginAttempt);
    return copy.recordLoginAttempt;
  } finally {
    vi.doUnmock('@/db/client');
    vi.doUnmock('@/db/schema');
  }
}

describe('login throttle', () => {
  it('a stranger failing ten times locks only their own address out of the account, until the lock expires', async () => {
    await verifyCredentials(RIGHT, { ip: HOME });
    await fail(10, '203.0.113.7');
    expect(await verifyCredentials(RIGHT, { ip: '203.0.113.7' })).toBeNull();
    // The real admin, from their address, is not locked out.
    expect(await verifyCredentials(RIGHT, { ip: HOME })).toMatchObject({ email: 'admin@example.com' });
    expect(await verifyCredentials(RIGHT, { ip: '198.51.100.1' })).toMatchObject({ email: 'admin@example.com' });
    vi.setSystemTime(Date.now() + 901_000);
    expect(await verifyCredentials(RIGHT, { ip: '203.0.113.7' })).toMatchObject({ email: 'admin@example.com' });
  });

  it('says what happened: failures, the failure that starts the lock, then refusals', async () => {
    pairLimit(3);
    const first = await checkCredentials(WRONG, { ip: '203.0.113.8' });
    expect(first.attempt).toEqual({ outcome: 'failure', lockedNow: [] });
    await fail(1, '203.0.113.8');
    expect((await checkCredentials(WRONG, { ip: '203.0.113.8' })).attempt).toEqual({ outcome: 'failure', lockedNow: ['account-address'] });
    const refused = await checkCredentials(RIGHT, { ip: '203.0.113.8' });
    expect(refused.user).toBeNull();
    expect(refused.attempt).toMatchObject({ outcome: 'refused', lockedBy: 'account-address' });
  });

  it('allows failures up to one below the limit from one address and a success resets that count', async () => {
    pairLimit(4);
    await fail(3, '10.0.2.1');
    expect(await verifyCredentials(RIGHT, { ip: '10.0.2.1' })).not.toBeNull();
    await fail(3, '10.0.2.1');
    expect(await verifyCredentials(RIGHT, { ip: '10.0.2.1' })).not.toBeNull();
  });

  it('failures spread over a window do not add up', async () => {
    pairLimit(3);
    await fail(2, '10.0.3.1');
    vi.setSystemTime(Date.now() + 61_000);
    await fail(2, '10.0.3.1');
    expect(await verifyCredentials(RIGHT, { ip: '10.0.3.1' })).not.toBeNull();
  });

  it('locks an address that guesses across many accounts', async () => {
    process.env.LOGIN_MAX_FAILURES_PER_IP = '3';
    for (let i = 0; i < 3; i++) await verifyCredentials({ email: `nobody${i}@example.com`, password: 'guess-guess' }, { ip: '10.9.9.9' });
    expect((await checkCredentials(RIGHT, { ip: '10.9.9.9' })).attempt).toMatchObject({ outcome: 'refused', lockedBy: 'address' });
    expect(await verifyCredentials(RIGHT, { ip: '10.9.9.10' })).not.toBeNull();
  });

  it('a distributed attack on one account locks new addresses only; the address the user signs in from keeps working', async () => {
    process.env.LOGIN_MAX_FAILURES_PER_ACCOUNT = '4';
    await verifyCredentials(RIGHT, { ip: HOME });
    for (let i = 0; i < 4; i++) await verifyCredentials(WRONG, { ip: `203.0.113.${100 + i}` });
    expect((await checkCredentials(RIGHT, { ip: '198.51.100.77' })).attempt).toMatchObject({ outcome: 'refused', lockedBy: 'account' });
    expect(await verifyCredentials(RIGHT, { ip: HOME })).not.toBeNull();
  });

  it('keeps its state in the database (shared by every app instance) and prunes expired rows', async () => {
    await fail(3, '10.0.4.1');
    const keys = (await getDb().select({ key: loginThrottle.key }).from(loginThrottle)).map((r) => r.key);
    expect(keys).toEqual(expect.arrayContaining(['pair:admin@example.com 10.0.4.1', 'ip:10.0.4.1', 'account:admin@example.com']));
    vi.setSystemTime(Date.now() + 61_000);
    await verifyCredentials(RIGHT, { ip: '10.0.4.2' });
    expect((await getDb().select({ key: loginThrottle.key }).from(loginThrottle)).map((r) => r.key)).toEqual(['known:admin@example.com 10.0.4.2']);
  });

  it('counts failures arriving at once on several instances exactly: the lock starts at the limit however they interleave', async () => {
    pairLimit(6);
    // Four instances (each its own copy of the module, so its own queue) with two attempts each, straight to the
    // throttle (the password check runs before it): their read-modify-writes overlap in the one database.
    const instances = [recordLoginAttempt, ...(await Promise.all([1, 2, 3].map(() => anotherInstance())))];
    const attempt = () => ({ email: 'admin@example.com', ip: '10.0.6.1', passwordOk: false });
    const attempts = await Promise.all(instances.flatMap((record) => [record(attempt()), record(attempt())]));
    const [pair] = await getDb().select().from(loginThrottle).where(eq(loginThrottle.key, 'pair:admin@example.com 10.0.6.1'));
    // As if one after another: five failures, the sixth starts the lock, the last two are refused without counting.
    expect(pair.failures).toBe(6);
    expect(attempts.filter((a) => a.outcome === 'failure' && a.lockedNow.length === 0)).toHaveLength(5);
    expect(attempts.filter((a) => a.outcome === 'failure' && a.lockedNow.includes('account-address'))).toHaveLength(1);
    expect(attempts.filter((a) => a.outcome === 'refused')).toHaveLength(2);
  });

  it('answers a locked attempt only after comparing the password, like any other', async () => {
    pairLimit(2);
    await fail(2, '10.0.5.1');
    const spy = vi.spyOn(passwords, 'verifyPassword');
    expect(await verifyCredentials(RIGHT, { ip: '10.0.5.1' })).toBeNull();
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from './setup-db';
import { verifyCredentials } from '@/lib/auth/verify-credentials';

const RIGHT = { email: 'editor@example.com', password: 'claimdesk-demo' };
const WRONG = { email: 'editor@example.com', password: 'not-my-password' };

beforeEach(async () => {
  await freshDb();
  process.env.LOGIN_LOCK_SECONDS = '1';
  process.env.LOGIN_WINDOW_SECONDS = '60';
  // A new config builds new limiters, so each test starts with clean counts.
  process.env.LOGIN_MAX_FAILURES_PER_IP = String(50 + Math.floor(Math.random() * 1000));
});
afterEach(() => {
  delete process.env.LOGIN_LOCK_SECONDS;
  delete process.env.LOGIN_WINDOW_SECONDS;
  delete process.env.LOGIN_MAX_FAILURES_PER_IP;
});

describe('login brute-force protection', () => {
  it('refuses the 11th attempt in a minute even with the right password, until the lock expires', async () => {
    for (let i = 0; i < 10; i++) expect(await verifyCredentials(WRONG, { ip: `10.0.0.${i}` })).toBeNull();
    expect(await verifyCredentials(RIGHT, { ip: '10.0.1.1' })).toBeNull();
    await new Promise((r) => setTimeout(r, 1200));
    expect(await verifyCredentials(RIGHT, { ip: '10.0.1.1' })).toMatchObject({ email: 'editor@example.com' });
  });

  it('allows up to ten failures and a success resets the account count', async () => {
    for (let i = 0; i < 9; i++) await verifyCredentials(WRONG, { ip: '10.0.2.1' });
    expect(await verifyCredentials(RIGHT, { ip: '10.0.2.1' })).not.toBeNull();
    for (let i = 0; i < 9; i++) await verifyCredentials(WRONG, { ip: '10.0.2.1' });
    expect(await verifyCredentials(RIGHT, { ip: '10.0.2.1' })).not.toBeNull();
  });

  it('locks an IP that guesses across many accounts', async () => {
    process.env.LOGIN_MAX_FAILURES_PER_IP = '5';
    for (let i = 0; i < 5; i++) await verifyCredentials({ email: `nobody${i}@example.com`, password: 'guess-guess' }, { ip: '10.9.9.9' });
    expect(await verifyCredentials(RIGHT, { ip: '10.9.9.9' })).toBeNull();
    expect(await verifyCredentials(RIGHT, { ip: '10.9.9.10' })).not.toBeNull();
  });
});

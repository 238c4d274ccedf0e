import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from './setup-db';
import { getDb } from '@/db/client';
import { databaseTarget } from '@/db/engine';
import { settings } from '@/db/schema';
import { getAuthSecret, loadAuthSecret } from '@/lib/auth/secret';
import { getSettings } from '@/lib/settings/get-settings';
import { onPostgres } from '../test-database';

// What another app instance (a separate process) starts with: nothing loaded yet.
const newInstance = () => delete (globalThis as { __claimdeskAuthSecret?: unknown }).__claimdeskAuthSecret;

const configured = process.env.NEXTAUTH_SECRET;
beforeEach(async () => {
  delete process.env.NEXTAUTH_SECRET;
  newInstance();
  await freshDb();
});
afterEach(() => {
  if (configured === undefined) delete process.env.NEXTAUTH_SECRET;
  else process.env.NEXTAUTH_SECRET = configured;
});

describe('the generated auth secret (no NEXTAUTH_SECRET)', () => {
  it('is the same for instances starting together and after a restart, and getAuthSecret answers it synchronously', async () => {
    const [a, b] = await Promise.all([loadAuthSecret(), loadAuthSecret()]);
    expect(a).toMatch(/^[\w-]{43}$/);
    expect(b).toBe(a);
    expect(getAuthSecret()).toBe(a);
    newInstance();
    expect(await loadAuthSecret()).toBe(a);
  });

  // Where it is kept differs by design: every PostgreSQL instance must reach it; SQLite keeps the file it always had.
  it(
    onPostgres ? 'is kept in the database on PostgreSQL, not among the organisation settings' : 'is kept in a file beside the SQLite database',
    async () => {
      const secret = await loadAuthSecret();
      const [row] = await getDb().select().from(settings).where(eq(settings.key, 'auth_secret'));
      const target = databaseTarget();
      if (target.engine === 'postgres') {
        expect(row?.value).toBe(secret);
      } else {
        expect(row).toBeUndefined();
        expect(fs.readFileSync(path.join(path.dirname(target.file), 'auth-secret'), 'utf8')).toBe(secret);
      }
      expect(JSON.stringify(await getSettings())).not.toContain(secret);
    },
  );

  it('is not needed when NEXTAUTH_SECRET is set', async () => {
    process.env.NEXTAUTH_SECRET = 'a-configured-secret-of-some-length';
    expect(getAuthSecret()).toBe('a-configured-secret-of-some-length');
    expect(await loadAuthSecret()).toBe('a-configured-secret-of-some-length');
    expect(await getDb().$count(settings, eq(settings.key, 'auth_secret'))).toBe(0);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { databaseTarget } from '@/db/engine';
import { settings } from '@/db/schema';
import { readEnv } from '@/lib/env';

/** The settings row that holds the generated secret on PostgreSQL (not one of the organisation's settings). */
const SECRET_SETTING = 'auth_secret';

// Loaded once per database and kept on globalThis: instrumentation.ts and the route bundles hold separate copies
// of this module, and next-auth reads the secret synchronously.
const cache = globalThis as unknown as { __claimdeskAuthSecret?: { database: string; secret: string } };

const newSecret = () => crypto.randomBytes(32).toString('base64url');

/**
 * NEXTAUTH_SECRET if set, else the generated secret: on SQLite a file beside the database (created on first use, so a
 * backup of the folder keeps sessions valid); on PostgreSQL the one loadAuthSecret() read from the database, which
 * every app instance shares. Throws on PostgreSQL when it has not been loaded yet (instrumentation.ts loads it).
 */
export function getAuthSecret(): string {
  const fromEnv = readEnv().NEXTAUTH_SECRET;
  if (fromEnv) return fromEnv;
  const target = databaseTarget();
  if (target.engine === 'sqlite') return fileSecret(path.join(path.dirname(target.file), 'auth-secret'));
  const loaded = cache.__claimdeskAuthSecret;
  if (loaded?.database === target.url) return loaded.secret;
  throw new Error('The auth secret has not been loaded from the database yet (loadAuthSecret), and NEXTAUTH_SECRET is not set.');
}

/**
 * Makes getAuthSecret() answer: on PostgreSQL without NEXTAUTH_SECRET, stores a generated secret in the settings
 * table unless one is there (insert-if-absent, so instances starting together agree on the first one written), then
 * reads it. Call before serving requests (scripts/prepare-db.ts, instrumentation.ts); cheap once loaded.
 */
export async function loadAuthSecret(): Promise<string> {
  const target = databaseTarget();
  if (readEnv().NEXTAUTH_SECRET || target.engine === 'sqlite') return getAuthSecret();
  const loaded = cache.__claimdeskAuthSecret;
  if (loaded?.database === target.url) return loaded.secret;
  const db = getDb();
  await db.insert(settings).values({ key: SECRET_SETTING, value: newSecret() }).onConflictDoNothing({ target: settings.key });
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, SECRET_SETTING));
  cache.__claimdeskAuthSecret = { database: target.url, secret: row.value };
  return row.value;
}

function fileSecret(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const secret = newSecret();
    // 'wx' so two processes starting together cannot overwrite each other's secret.
    try {
      fs.writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
      return secret;
    } catch {
      return fs.readFileSync(file, 'utf8').trim();
    }
  }
}

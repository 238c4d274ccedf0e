import { eq } from 'drizzle-orm';
import { closeDb, getDb, migrateDb } from '@/db/client';
import { seed } from '@/lib/seed/seed';
import { users } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { copyTestDatabase, newTestDatabaseUrl } from '../test-database';

/**
 * This worker's migrated and seeded database, made once: every freshDb() is a copy of it. Migrating and seeding
 * (a bcrypt hash among it) each time was most of a test's set-up, many times over on PostgreSQL.
 */
let template: Promise<string> | undefined;

async function makeTemplate(): Promise<string> {
  const url = await newTestDatabaseUrl();
  process.env.DATABASE_URL = url;
  await migrateDb();
  await seed(getDb(), { demo: true });
  await closeDb();
  return url;
}

/** Points DATABASE_URL at a new database (SQLite file or PostgreSQL) with the real migrations applied and demo data seeded. */
export async function freshDb(): Promise<{ url: string; actors: { editor: Actor; reviewer: Actor; admin: Actor } }> {
  await closeDb();
  template ??= makeTemplate();
  const url = await copyTestDatabase(await template);
  process.env.DATABASE_URL = url;
  const db = getDb();
  const actor = async (email: string): Promise<Actor> => {
    const [u] = await db.select().from(users).where(eq(users.email, email));
    return { id: u.id, role: u.role, name: u.name, email: u.email };
  };
  return {
    url,
    actors: { editor: await actor('editor@example.com'), reviewer: await actor('reviewer@example.com'), admin: await actor('admin@example.com') },
  };
}

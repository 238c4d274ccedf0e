import { eq } from 'drizzle-orm';
import { closeDb, getDb, migrateDb } from '@/db/client';
import { seed } from '@/lib/seed/seed';
import { users } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { newTestDatabaseUrl } from '../test-database';

/** Points DATABASE_URL at a new database (SQLite file or PostgreSQL), applies the real migrations and seeds demo data. */
export async function freshDb(): Promise<{ url: string; actors: { editor: Actor; reviewer: Actor; admin: Actor } }> {
  await closeDb();
  const url = await newTestDatabaseUrl();
  process.env.DATABASE_URL = url;
  await migrateDb();
  const db = getDb();
  await seed(db, { demo: true });
  const actor = async (email: string): Promise<Actor> => {
    const [u] = await db.select().from(users).where(eq(users.email, email));
    return { id: u.id, role: u.role, name: u.name, email: u.email };
  };
  return {
    url,
    actors: { editor: await actor('editor@example.com'), reviewer: await actor('reviewer@example.com'), admin: await actor('admin@example.com') },
  };
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { closeDb, getDb, migrateDb } from '@/db/client';
import { seed } from '@/db/seed';
import { users } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';

/** Points DATABASE_URL at a new temp file, applies the real migrations and seeds demo data. */
export async function freshDb(): Promise<{ file: string; actors: { editor: Actor; reviewer: Actor; admin: Actor } }> {
  closeDb();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-int-'));
  const file = path.join(dir, 'test.db');
  process.env.DATABASE_URL = file;
  const db = getDb();
  migrateDb(db);
  await seed(db, { demo: true });
  const actor = (email: string): Actor => {
    const u = db.select().from(users).where(eq(users.email, email)).get()!;
    return { id: u.id, role: u.role, name: u.name, email: u.email };
  };
  return { file, actors: { editor: actor('editor@example.com'), reviewer: actor('reviewer@example.com'), admin: actor('admin@example.com') } };
}

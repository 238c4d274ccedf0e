/** Creates/migrates the database, seeds it once, and makes sure an auth secret exists. Safe to run on every start. */
import { getDb, migrateDb, closeDb } from '@/db/client';
import { seed } from '@/db/seed';
import { databasePath, readEnv } from '@/lib/env';
import { getAuthSecret } from '@/lib/auth/secret';

async function main() {
  const env = readEnv();
  const db = getDb();
  migrateDb(db);
  const seeded = await seed(db, { demo: env.SEED_DEMO === '1', demoClaims: true });
  getAuthSecret();
  closeDb();
  console.log(`Database ready at ${databasePath()}${seeded.length ? ` (seeded ${seeded.join(', ')})` : ''}.`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

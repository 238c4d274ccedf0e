/** Creates/migrates the database, seeds it once, and makes sure an auth secret exists. Safe to run on every start. */
import { getDb, migrateDb, closeDb } from '@/db/client';
import { seed } from '@/lib/seed/seed';
import { databaseLabel } from '@/db/engine';
import { readEnv } from '@/lib/env';
import { loadAuthSecret } from '@/lib/auth/secret';

async function main() {
  const env = readEnv();
  await migrateDb();
  const seeded = await seed(getDb(), { demo: env.SEED_DEMO === '1', demoClaims: true });
  await loadAuthSecret();
  await closeDb();
  console.log(`Database ready at ${databaseLabel()}${seeded.length ? ` (seeded ${seeded.join(', ')})` : ''}.`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

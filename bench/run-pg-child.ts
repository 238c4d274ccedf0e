/**
 * `tsx bench/run-pg-child.ts NAME [claims]` with DATABASE_URL = a PostgreSQL bench database: runs the in-process
 * part of one benchmark and prints its figures as one JSON line. Started by bench/lib/postgres.ts runPgChild, since a
 * process keeps the engine it first imported db/schema with.
 */
import { closeDb } from '@/db/client';
import { databaseTarget } from '@/db/engine';

async function main() {
  const [name, claimsArg] = process.argv.slice(2);
  if (databaseTarget().engine !== 'postgres') throw new Error('run-pg-child needs DATABASE_URL = a postgres:// URL.');
  const claims = Number(claimsArg);
  let out: unknown;
  if (name === 'search') {
    const { measureSearch } = await import('./benches/search');
    out = await measureSearch(claims);
  } else if (name === 'export') {
    const { measureExportFormats } = await import('./export');
    out = await measureExportFormats({ claims, seedMs: 0 });
  } else {
    throw new Error(`run-pg-child: unknown benchmark ${name} (search, export).`);
  }
  await closeDb();
  console.log(JSON.stringify(out));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

/**
 * `npm run -s db:copy -- --to postgres://user:pass@host:5432/claimdesk`: moves the SQLite database named by
 * DATABASE_URL (default data/claimdesk.db) into an empty PostgreSQL database, verifying every table
 * (db/copy.ts). Then run the app with DATABASE_URL set to the PostgreSQL URL.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { copySqliteToPostgres } from '@/db/copy';
import { databaseTarget } from '@/db/engine';

const args = z.object({
  to: z
    .string({ error: 'Give the target with --to postgres://user:pass@host:5432/db' })
    .regex(/^postgres(ql)?:\/\//, 'The target must be a postgres:// URL'),
});

async function main() {
  const { values } = parseArgs({ options: { to: { type: 'string' } }, strict: true });
  const parsed = args.safeParse(values);
  if (!parsed.success) {
    console.error(`${parsed.error.issues.map((i) => i.message).join('; ')}\nUsage: npm run -s db:copy -- --to postgres://…`);
    process.exit(2);
  }
  const source = databaseTarget();
  if (source.engine !== 'sqlite') throw new Error('DATABASE_URL must name the SQLite file to copy from.');
  if (!fs.existsSync(source.file)) throw new Error(`No database at ${source.file}.`);
  const started = Date.now();
  const report = await copySqliteToPostgres(source.file, parsed.data.to);
  for (const t of report) console.log(`${t.table.padEnd(22)} ${String(t.rows).padStart(8)} rows  sha256 ${t.checksum.slice(0, 16)}  ok`);
  const total = report.reduce((n, t) => n + t.rows, 0);
  console.log(`Copied ${total} rows in ${report.length} tables in ${((Date.now() - started) / 1000).toFixed(1)} s; counts and checksums match.`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

/**
 * `npm run -s db:backup -- FILE`: a consistent online backup of the database (SQLite's backup API through
 * better-sqlite3), safe while the server is running and writing. Prints the backup path and its integrity check.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { databasePath } from '@/lib/env';

async function main() {
  const target = process.argv[2];
  if (!target || target.startsWith('-')) {
    console.error('Usage: npm run -s db:backup -- FILE   (copies the database named by DATABASE_URL to FILE)');
    process.exit(2);
  }
  const source = databasePath();
  if (!fs.existsSync(source)) throw new Error(`No database at ${source}.`);
  const out = path.resolve(target);
  if (fs.existsSync(out)) throw new Error(`${out} already exists; choose a new file name.`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  // A separate read-only connection: the backup API copies pages while other connections keep writing.
  const db = new Database(source, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  try {
    await db.backup(out);
  } finally {
    db.close();
  }
  const copy = new Database(out, { readonly: true });
  const check = copy.pragma('integrity_check', { simple: true });
  copy.close();
  if (check !== 'ok') throw new Error(`Backup written to ${out} but integrity_check says: ${String(check)}`);
  console.log(`Backed up ${source} to ${out} (${fs.statSync(out).size} bytes, integrity ok).`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

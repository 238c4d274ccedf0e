/**
 * `npm run -s db:backup -- FILE`: a consistent online backup of the database, safe while the server is running and
 * writing. SQLite: the backup API through better-sqlite3, then an integrity check of the copy. PostgreSQL: `pg_dump`
 * in custom format (restore with `pg_restore`) when it is on PATH, else the exact command to run (exit status 1:
 * no backup was written). Tests: tests/integration/backup.test.ts (SQLite), tests/pg/backup.test.ts.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { databaseLabel, databaseTarget } from '@/db/engine';

async function main() {
  const target = process.argv[2];
  if (!target || target.startsWith('-')) {
    console.error('Usage: npm run -s db:backup -- FILE   (copies the database named by DATABASE_URL to FILE)');
    process.exit(2);
  }
  const out = path.resolve(target);
  if (fs.existsSync(out)) throw new Error(`${out} already exists; choose a new file name.`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const db = databaseTarget();
  if (db.engine === 'postgres') backupPostgres(db.url, out);
  else await backupSqlite(db.file, out);
}

async function backupSqlite(source: string, out: string) {
  if (!fs.existsSync(source)) throw new Error(`No database at ${source}.`);
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

/** pg_dump runs in one repeatable-read snapshot, so the dump is consistent while instances keep writing. */
function backupPostgres(url: string, out: string) {
  const args = ['--format=custom', `--file=${out}`];
  if (!onPath('pg_dump')) {
    // The URL stays in the variable: printing it would print its password.
    console.error(
      [
        'pg_dump is not on PATH: install the PostgreSQL client tools (the same major version as the server, or newer), then run:',
        `  pg_dump ${args.map(shellQuote).join(' ')} --dbname="$DATABASE_URL"`,
        `with DATABASE_URL set to the database's URL (${databaseLabel()}). Restore into an empty database with pg_restore.`,
      ].join('\n'),
    );
    process.exit(1);
  }
  // The password goes through the environment, not the command line other users can read in the process list.
  const { dbname, password } = splitPassword(url);
  const env = password === undefined ? process.env : { ...process.env, PGPASSWORD: password };
  const dump = spawnSync('pg_dump', [...args, `--dbname=${dbname}`], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  if (dump.status !== 0) {
    fs.rmSync(out, { force: true });
    throw new Error(`pg_dump failed (exit ${dump.status ?? dump.signal}); no backup written.`);
  }
  // Reading the archive's table of contents back is the custom format's cheap integrity check.
  const list = onPath('pg_restore') ? spawnSync('pg_restore', ['--list', out], { encoding: 'utf8' }) : null;
  if (list && list.status !== 0) throw new Error(`Backup written to ${out} but pg_restore --list cannot read it: ${list.stderr.trim()}`);
  const entries = list ? `, ${list.stdout.split('\n').filter((l) => l && !l.startsWith(';')).length} archive entries` : '';
  console.log(`Backed up ${databaseLabel()} to ${out} (${fs.statSync(out).size} bytes, pg_dump custom format${entries}).`);
}

function onPath(tool: string): boolean {
  return !spawnSync(tool, ['--version'], { stdio: 'ignore' }).error;
}

/** The URL without its password, and the (decoded) password if it had one. */
function splitPassword(url: string): { dbname: string; password?: string } {
  const parsed = new URL(url);
  if (!parsed.password) return { dbname: url };
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { dbname: parsed.toString(), password };
}

const shellQuote = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

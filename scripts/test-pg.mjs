// `npm run test:pg [stage...]`: the integration, end-to-end and PostgreSQL-only (tests/pg) suites against a throwaway
// PostgreSQL cluster.
// Starts the cluster from Debian's postgresql package (initdb + pg_ctl into a temp folder, its own port, as the
// `postgres` user when run as root), runs scripts/test.mjs with PG_TEST_ADMIN_URL set, and always stops and
// deletes the cluster afterwards, also on failure or Ctrl-C.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const stages = process.argv.slice(2).length ? process.argv.slice(2) : ['integration', 'e2e', 'pg'];

function pgBin() {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const dir = versions.map((v) => path.join(root, v, 'bin')).find((d) => fs.existsSync(path.join(d, 'initdb')));
  if (!dir) {
    console.error('PostgreSQL is not installed. Install it with: apt-get update && apt-get install -y postgresql');
    process.exit(1);
  }
  return dir;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

const bin = pgBin();
const asRoot = process.getuid?.() === 0;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-pg-'));
const port = await freePort();
/** Runs a PostgreSQL tool, as the postgres user when we are root (initdb refuses to run as root). */
const pgTool = (tool, args) =>
  asRoot
    ? execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args], { stdio: 'pipe' })
    : execFileSync(path.join(bin, tool), args, { stdio: 'pipe' });

let started = false;
function cleanup() {
  if (started) {
    try {
      pgTool('pg_ctl', ['-D', dir, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // already stopped
    }
    started = false;
  }
  fs.rmSync(dir, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => (cleanup(), process.exit(130)));

let code = 1;
try {
  if (asRoot) execFileSync('chown', ['postgres:', dir]);
  pgTool('initdb', ['-D', dir, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C.UTF-8']);
  // fsync off: a test cluster that is deleted afterwards needs no durability. Enough connections for parallel
  // test files and several app instances, each with a pool of 10.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400`;
  pgTool('pg_ctl', ['-D', dir, '-o', options, '-l', path.join(dir, 'server.log'), '-w', 'start']);
  started = true;
  console.log(`PostgreSQL test cluster on port ${port} (${dir})`);
  const admin = `postgres://postgres@127.0.0.1:${port}/postgres`;
  // DATABASE_URL names PostgreSQL from the start, so every module (db/schema picks its tables on import) sees the
  // engine; each test file and app then gets a database of its own (tests/test-database.ts).
  const env = { ...process.env, PG_TEST_ADMIN_URL: admin, DATABASE_URL: admin };
  code = await new Promise((resolve) => {
    const child = spawn(process.execPath, ['scripts/test.mjs', ...stages], { stdio: 'inherit', env });
    child.on('close', (c) => resolve(c ?? 1));
  });
} catch (error) {
  console.error(`test:pg failed to start PostgreSQL: ${error.stderr?.toString() || error.message}`);
  const log = path.join(dir, 'server.log');
  if (fs.existsSync(log)) console.error(fs.readFileSync(log, 'utf8'));
} finally {
  cleanup();
}
process.exit(code);

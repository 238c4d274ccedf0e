// A throwaway PostgreSQL cluster from Debian's postgresql package, for `npm run test:pg` and `npm run bench`:
// initdb + pg_ctl into a temp folder on its own port (as the `postgres` user when run as root, since initdb refuses
// root), fsync off. stop() stops it and deletes the folder; it also runs on process exit and on SIGINT/SIGTERM, so
// a crash or Ctrl-C never leaves a server or a temp folder behind.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const PG_INSTALL_HINT = 'Install it with: apt-get update && apt-get install -y postgresql';

/** The newest installed PostgreSQL bin folder with initdb, or null when PostgreSQL is not installed. */
export function pgBin() {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  return versions.map((v) => path.join(root, v, 'bin')).find((d) => fs.existsSync(path.join(d, 'initdb'))) ?? null;
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

/** Clusters this process started and has not stopped yet. */
const live = new Set();
let hooked = false;
function hookExit() {
  if (hooked) return;
  hooked = true;
  // Synchronous tools only, so this also works inside the 'exit' event.
  process.on('exit', () => live.forEach((stop) => stop()));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => (live.forEach((stop) => stop()), process.exit(130)));
}

/**
 * Starts a cluster and resolves to { port, dir, adminUrl, stop }. Throws when PostgreSQL is not installed or does not
 * start (the error carries initdb's output and the server log); the temp folder is deleted in both cases.
 */
export async function startCluster({ maxConnections = 400 } = {}) {
  const bin = pgBin();
  if (!bin) throw new Error(`PostgreSQL is not installed. ${PG_INSTALL_HINT}`);
  const asRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-pg-'));
  const port = await freePort();
  const pgTool = (tool, args) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args], { stdio: 'pipe' })
      : execFileSync(path.join(bin, tool), args, { stdio: 'pipe' });
  let started = false;
  const stop = () => {
    live.delete(stop);
    if (started) {
      try {
        pgTool('pg_ctl', ['-D', dir, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // already stopped
      }
      started = false;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  hookExit();
  live.add(stop);
  try {
    if (asRoot) execFileSync('chown', ['postgres:', dir]);
    pgTool('initdb', ['-D', dir, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C.UTF-8']);
    // fsync off: a cluster that is deleted afterwards needs no durability. Enough connections for parallel test
    // files and several app instances, each with a pool of 10.
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=${maxConnections}`;
    pgTool('pg_ctl', ['-D', dir, '-o', options, '-l', path.join(dir, 'server.log'), '-w', 'start']);
    started = true;
  } catch (error) {
    const log = path.join(dir, 'server.log');
    const detail = [error.stderr?.toString() || error.message, fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : ''].join('\n');
    stop();
    throw new Error(`PostgreSQL did not start: ${detail}`);
  }
  return { port, dir, adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
}

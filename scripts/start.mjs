// `npm start`: build if needed, prepare the database, then serve on PORT (default 3000) through scripts/serve.mjs.
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = process.cwd();
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

function needsBuild() {
  const stamp = path.join(root, '.next', 'BUILD_ID');
  if (!fs.existsSync(stamp)) return true;
  const built = fs.statSync(stamp).mtimeMs;
  const sources = ['app', 'components', 'lib', 'db'].map((d) => newestMtime(path.join(root, d)));
  return Math.max(...sources, fs.statSync(path.join(root, 'package-lock.json')).mtimeMs) > built;
}

function run(cmd, args) {
  const result = spawnSync(cmd, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (needsBuild()) run(bin('next'), ['build']);
run(bin('tsx'), ['scripts/prepare-db.ts']);
// serve.mjs instead of `next start`: it resolves the client address and origin (TRUST_PROXY_HOPS) before Next.js, and
// lets next-auth build every redirect from the origin the request came to, on any PORT, without NEXTAUTH_URL.
const server = spawn(process.execPath, ['scripts/serve.mjs'], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from '@/tests/e2e/harness';

export const ROOT = path.resolve(__dirname, '../..');
/** The benchmark's own build folder, so it never clobbers a dev or e2e build. */
const BENCH_DIST_DIR = process.env.NEXT_DIST_DIR ?? '.next-bench';
/** Fixed so the server never races to create a secret file; sessions only live for one run anyway. */
const BENCH_SECRET = 'claimdesk-benchmark-secret-not-for-production';
const bin = (name: string) => path.join(ROOT, 'node_modules', '.bin', name);

export type Server = { baseUrl: string; pid: number; stop: () => Promise<void> };

/** Builds the app into BENCH_DIST_DIR unless BENCH_REUSE_BUILD=1 and a build exists; returns the build time in ms (0 if reused). */
export function ensureBuild(): number {
  if (process.env.BENCH_REUSE_BUILD === '1' && fs.existsSync(path.join(ROOT, BENCH_DIST_DIR, 'BUILD_ID'))) return 0;
  const started = performance.now();
  const result = spawnSync(bin('next'), ['build'], {
    cwd: ROOT,
    // BENCH_FLOOR_ROUTE adds app/api/bench-floor/route.bench.ts (see next.config.js): only this build has it.
    env: { ...process.env, NEXT_DIST_DIR: BENCH_DIST_DIR, NEXT_TELEMETRY_DISABLED: '1', BENCH_FLOOR_ROUTE: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`next build failed:\n${result.stdout}\n${result.stderr}`);
  return performance.now() - started;
}

/** `next start` of the bench build on 127.0.0.1 and a free port, over an already seeded database (SQLite file or postgres:// URL). */
export async function startServer(databaseUrl: string, extraEnv: Record<string, string> = {}): Promise<Server> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    NEXT_DIST_DIR: BENCH_DIST_DIR,
    NEXTAUTH_URL: baseUrl,
    NEXTAUTH_SECRET: BENCH_SECRET,
    NEXT_TELEMETRY_DISABLED: '1',
    PORT: String(port),
    ...extraEnv,
  };
  const args = [path.join(ROOT, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port), '-H', '127.0.0.1'];
  // BENCH_CPU_PROF=1 writes V8 CPU profiles of the server to bench/results/profiles/ when it stops (NODE_OPTIONS refuses --cpu-prof).
  if (process.env.BENCH_CPU_PROF === '1') args.unshift('--cpu-prof', `--cpu-prof-dir=${path.join(ROOT, 'bench/results/profiles')}`);
  const child: ChildProcess = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const logs: string[] = [];
  child.stdout!.on('data', (d) => logs.push(String(d)));
  child.stderr!.on('data', (d) => logs.push(String(d)));
  await waitForHttp(`${baseUrl}/login`, 60_000, child, () => logs.join(''));
  return {
    baseUrl,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Resolves once `url` answers below 500; rejects on timeout or if the process dies. */
export async function waitForHttp(url: string, timeoutMs: number, child: ChildProcess, logs: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Server exited with ${child.exitCode}.\n${logs()}`);
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Server did not answer ${url} in ${timeoutMs} ms.\n${logs()}`);
}

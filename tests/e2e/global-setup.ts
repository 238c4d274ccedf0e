import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CHROMIUM, DIST_DIR } from './harness';

/** Fails loudly without Chromium (never skips), then makes one production build for all e2e files. */
export default function setup() {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `End-to-end tests need Chromium at ${CHROMIUM}. Install it with: apt-get update && apt-get install -y chromium ` + '(or set CHROMIUM_PATH).',
    );
  }
  const root = path.resolve(__dirname, '../..');
  if (process.env.E2E_REUSE_BUILD === '1' && fs.existsSync(path.join(root, DIST_DIR, 'BUILD_ID'))) return;
  const result = spawnSync(path.join(root, 'node_modules/.bin/next'), ['build'], {
    cwd: root,
    env: { ...process.env, NEXT_DIST_DIR: DIST_DIR },
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  // A build killed by a signal prints nothing of its own (one CI run stopped silently at "Running TypeScript"): say how it ended.
  const ended = result.error
    ? `could not run (${result.error.message})`
    : result.signal
      ? `killed by ${result.signal}`
      : `exit code ${result.status}`;
  if (result.status !== 0) throw new Error(`next build failed (${ended}):\n${result.stdout}\n${result.stderr}`);
  // Another project of the same run (e2e-alone, pg) shares this build.
  process.env.E2E_REUSE_BUILD = '1';
}

import { defineConfig } from 'vitest/config';
import path from 'node:path';

const alias = { '@': path.resolve(import.meta.dirname) };
// db/schema/index.ts picks the engine's tables when it is first imported, before freshDb() points DATABASE_URL at a
// new database: on a PostgreSQL run (PG_TEST_ADMIN_URL) the test files must import with a postgres:// URL already set.
const pgAdmin = process.env.PG_TEST_ADMIN_URL;
const integrationEnv = pgAdmin ? { DATABASE_URL: pgAdmin } : {};
// vitest's default is one worker less than the cores: a single worker on CI's 2 cores, which leaves one idle while a
// test waits on SQLite, PostgreSQL or a server. Every test file has its own database (and each e2e file its own app),
// so two at a time is safe.
const WORKERS = 2;
const E2E_ALONE = ['tests/e2e/hostile-input.test.ts'];
/** What every browser-test project shares: one production build, and time for a page on a busy machine. */
const browserTests = {
  environment: 'node',
  testTimeout: 120_000,
  hookTimeout: 240_000,
  // expect.poll gives up after 1 s by default: too short for a page to update here (Playwright's waits allow 30 s).
  expect: { poll: { timeout: 15_000 } },
  globalSetup: ['tests/e2e/global-setup.ts'],
} as const;

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        // Unit tests are fast, but a few import large modules (the bench, the suggester) on first use, which took
        // over vitest's 5 s default on a loaded CI machine.
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', testTimeout: 30_000, maxWorkers: WORKERS },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          env: integrationEnv,
          maxWorkers: WORKERS,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          ...browserTests,
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          exclude: E2E_ALONE,
          // Two files at a time: a browser test spends most of its time waiting for a page, not computing.
          maxWorkers: WORKERS,
          sequence: { groupOrder: 0 },
        },
      },
      {
        // Files that assert how long other requests wait while they run: alone, after the others, so that another
        // file's load is not what they measure.
        resolve: { alias },
        test: {
          ...browserTests,
          name: 'e2e-alone',
          include: E2E_ALONE,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
      {
        // PostgreSQL only (npm run test:pg): db:copy and several app instances sharing one database.
        resolve: { alias },
        test: {
          ...browserTests,
          name: 'pg',
          include: ['tests/pg/**/*.test.ts'],
          testTimeout: 180_000,
          fileParallelism: false,
          globalSetup: [...browserTests.globalSetup, 'tests/pg/global-setup.ts'],
        },
      },
    ],
  },
});

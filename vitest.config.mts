import { defineConfig } from 'vitest/config';
import path from 'node:path';

const alias = { '@': path.resolve(import.meta.dirname) };
// db/schema/index.ts picks the engine's tables when it is first imported, before freshDb() points DATABASE_URL at a
// new database: on a PostgreSQL run (PG_TEST_ADMIN_URL) the test files must import with a postgres:// URL already set.
const pgAdmin = process.env.PG_TEST_ADMIN_URL;
const integrationEnv = pgAdmin ? { DATABASE_URL: pgAdmin } : {};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        // Unit tests are fast, but a few import large modules (the bench, the suggester) on first use, which took
        // over vitest's 5 s default on a loaded CI machine.
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', testTimeout: 30_000 },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          env: integrationEnv,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 240_000,
          fileParallelism: false,
          globalSetup: ['tests/e2e/global-setup.ts'],
        },
      },
      {
        // PostgreSQL only (npm run test:pg): db:copy and several app instances sharing one database.
        resolve: { alias },
        test: {
          name: 'pg',
          include: ['tests/pg/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 240_000,
          fileParallelism: false,
          globalSetup: ['tests/e2e/global-setup.ts', 'tests/pg/global-setup.ts'],
        },
      },
    ],
  },
});

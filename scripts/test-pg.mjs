// `npm run test:pg [stage...]`: the integration, end-to-end and PostgreSQL-only (tests/pg) suites against a throwaway
// PostgreSQL cluster (scripts/pg-cluster.mjs): runs scripts/test.mjs with PG_TEST_ADMIN_URL set, and always stops
// and deletes the cluster afterwards, also on failure or Ctrl-C.
import { spawn } from 'node:child_process';
import { pgBin, PG_INSTALL_HINT, startCluster } from './pg-cluster.mjs';

const stages = process.argv.slice(2).length ? process.argv.slice(2) : ['integration', 'e2e', 'pg'];

if (!pgBin()) {
  console.error(`PostgreSQL is not installed. ${PG_INSTALL_HINT}`);
  process.exit(1);
}

let cluster;
try {
  cluster = await startCluster();
} catch (error) {
  console.error(`test:pg failed to start PostgreSQL: ${error.message}`);
  process.exit(1);
}
let code = 1;
try {
  console.log(`PostgreSQL test cluster on port ${cluster.port} (${cluster.dir})`);
  // DATABASE_URL names PostgreSQL from the start, so every module (db/schema picks its tables on import) sees the
  // engine; each test file and app then gets a database of its own (tests/test-database.ts).
  const env = { ...process.env, PG_TEST_ADMIN_URL: cluster.adminUrl, DATABASE_URL: cluster.adminUrl };
  code = await new Promise((resolve) => {
    const child = spawn(process.execPath, ['scripts/test.mjs', ...stages], { stdio: 'inherit', env });
    child.on('close', (c) => resolve(c ?? 1));
  });
} finally {
  cluster.stop();
}
process.exit(code);

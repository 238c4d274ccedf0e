import { describe, expect, it, vi } from 'vitest';

// PostgreSQL "not installed": the bench must report it, with the install command, and never start a cluster.
const startCluster = vi.fn();
vi.mock('@/scripts/pg-cluster.mjs', () => ({
  pgBin: () => null,
  PG_INSTALL_HINT: 'Install it with: apt-get update && apt-get install -y postgresql',
  startCluster,
}));

describe('bench PostgreSQL runs without PostgreSQL', () => {
  it('says how to install it, and the line is "not available", not a failure', async () => {
    const { PgBench, pgNotAvailable, PG_GOAL } = await import('@/bench/lib/postgres');
    const pgBench = new PgBench();
    const why = await pgBench.unavailable();
    expect(why).toContain('apt-get install -y postgresql');
    await expect(pgBench.copy('large', '/nonexistent.db')).rejects.toThrow('not installed');
    expect(startCluster).not.toHaveBeenCalled();
    const line = pgNotAvailable('search', why!, PG_GOAL);
    expect(line).toMatchObject({ name: 'search:postgres', status: 'not available', notes: [why] });
    await pgBench.stop();
  });
});

import { databaseTarget } from '@/db/engine';
import { z } from 'zod';

const envSchema = z.object({
  DATABASE_URL: z.string().min(1).default('data/claimdesk.db'),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  SEED_DEMO: z.enum(['0', '1']).default('1'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Time one CPU-heavy task (conversion, suggestions, re-anchoring) may take, queueing included (lib/workers/pool.ts). */
  WORK_TIME_BUDGET_MS: z.coerce.number().int().min(100).default(15_000),
  /** Worker threads for CPU-heavy tasks; default: one per core beyond the first, at most 4. */
  WORK_THREADS: z.coerce.number().int().min(1).max(16).optional(),
});

export type Env = z.infer<typeof envSchema>;

/** Reads and validates the environment on each call (tests switch DATABASE_URL between files). */
export function readEnv(): Env {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(`Invalid environment: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}

/** Absolute path of the SQLite file (SQLite only: throws when DATABASE_URL names PostgreSQL). */
export function databasePath(): string {
  const target = databaseTarget();
  if (target.engine !== 'sqlite') throw new Error('This needs a SQLite database; DATABASE_URL names PostgreSQL.');
  return target.file;
}

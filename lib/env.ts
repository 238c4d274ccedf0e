import { databaseTarget } from '@/db/engine';
import { z } from 'zod';

/** A positive number, or the default when unset, empty, zero or not a number (the limits have always read so). */
const positive = (fallback: number) =>
  z.preprocess((v) => {
    const n = Number(v);
    return Number.isFinite(n) && n > 0 ? n : undefined;
  }, z.number().positive().default(fallback));
/** Unset and blank both mean "not configured". */
const optionalText = z.preprocess((v) => (typeof v === 'string' && v.trim() ? v.trim() : undefined), z.string().optional());

/**
 * Every setting the app reads from the environment (README "Configuration"), parsed once per distinct environment.
 * DATABASE_URL is read by db/engine.ts (db/ does not import lib/); scripts/serve.mjs reads PORT, LISTEN_HOST and
 * TRUST_PROXY_HOPS itself before Next.js starts.
 */
const envSchema = z.object({
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  NEXTAUTH_URL: optionalText.pipe(z.url().optional()),
  SEED_DEMO: z.enum(['0', '1']).default('1'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Time one CPU-heavy task (conversion, suggestions, re-anchoring) may take, queueing included (lib/workers/pool.ts). */
  WORK_TIME_BUDGET_MS: z.coerce.number().int().min(100).default(15_000),
  /** Worker threads for CPU-heavy tasks; default: one per core beyond the first, at most 4. */
  WORK_THREADS: z.coerce.number().int().min(1).max(16).optional(),
  LOGIN_MAX_FAILURES_PER_ACCOUNT_ADDRESS: positive(10),
  LOGIN_MAX_FAILURES_PER_IP: positive(50),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: positive(100),
  LOGIN_WINDOW_SECONDS: positive(60),
  LOGIN_LOCK_SECONDS: positive(900),
  /** Personal API token the CLIs act with. */
  CLAIMDESK_TOKEN: optionalText,
  /** Comma-separated host:port pairs URL import may fetch although local (tests only). */
  IMPORT_ALLOW_HOSTS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean),
    ),
  /** Comma-separated host:port pairs webhooks may be sent to although local (tests only). */
  WEBHOOK_ALLOW_HOSTS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean),
    ),
  /** First webhook retry delay; each further one doubles, up to an hour (lib/webhooks/retry-schedule.ts). */
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(1).default(30_000),
  /** How often each app process looks for due webhook deliveries. */
  WEBHOOK_POLL_MS: z.coerce.number().int().min(50).default(2_000),
});

export type Env = z.infer<typeof envSchema>;
const KEYS = Object.keys(envSchema.shape) as (keyof Env)[];
let cached: { key: string; env: Env } | undefined;

/**
 * The validated environment. Parsed once and reused while the variables are unchanged; tests that change a variable
 * get a fresh parse (comparing a dozen strings costs far less than parsing them again).
 */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const key = JSON.stringify(KEYS.map((k) => source[k] ?? null));
  if (cached?.key === key && source === process.env) return cached.env;
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new Error(`Invalid environment: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  if (source === process.env) cached = { key, env: parsed.data };
  return parsed.data;
}

/** Absolute path of the SQLite file (SQLite only: throws when DATABASE_URL names PostgreSQL). */
export function databasePath(): string {
  const target = databaseTarget();
  if (target.engine !== 'sqlite') throw new Error('This needs a SQLite database; DATABASE_URL names PostgreSQL.');
  return target.file;
}

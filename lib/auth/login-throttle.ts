import { RateLimiterMemory } from 'rate-limiter-flexible';

/** Limits read from the environment so tests can shorten the lock (defaults: 10 failures per account, 50 per IP, per minute; 15 min lock). */
export function throttleConfig() {
  const num = (name: string, fallback: number) => {
    const v = Number(process.env[name]);
    return Number.isFinite(v) && v > 0 ? v : fallback;
  };
  return {
    perAccount: num('LOGIN_MAX_FAILURES_PER_ACCOUNT', 10),
    perIp: num('LOGIN_MAX_FAILURES_PER_IP', 50),
    windowSeconds: num('LOGIN_WINDOW_SECONDS', 60),
    lockSeconds: num('LOGIN_LOCK_SECONDS', 900),
  };
}

type Limiters = { key: string; account: RateLimiterMemory; ip: RateLimiterMemory };
// On globalThis: every route bundle in the server process must share one failure count.
const holder = globalThis as unknown as { __claimdeskLogin?: Limiters };

function limiters(): Limiters {
  const c = throttleConfig();
  const key = JSON.stringify(c);
  if (holder.__claimdeskLogin?.key !== key) {
    const make = (points: number) =>
      new RateLimiterMemory({ points, duration: c.windowSeconds, blockDuration: c.lockSeconds });
    holder.__claimdeskLogin = { key, account: make(c.perAccount), ip: make(c.perIp) };
  }
  return holder.__claimdeskLogin;
}

async function exhausted(limiter: RateLimiterMemory, key: string): Promise<boolean> {
  const res = await limiter.get(key);
  return !!res && res.consumedPoints >= limiter.points;
}

/** True when the account or the IP has used up its failures; the refused attempt itself counts, which starts the lock. */
export async function isLoginLocked(email: string, ip: string): Promise<boolean> {
  const { account, ip: byIp } = limiters();
  const locked = (await exhausted(account, email)) || (await exhausted(byIp, ip));
  if (locked) await recordLoginFailure(email, ip);
  return locked;
}

/** Counts one failed attempt against the account and the IP. */
export async function recordLoginFailure(email: string, ip: string): Promise<void> {
  const { account, ip: byIp } = limiters();
  // consume() rejects once the points are used up; that is the expected "blocked" signal, not an error.
  await Promise.allSettled([account.consume(email), byIp.consume(ip)]);
}

/** Clears the account's failures after a successful sign-in (the IP count stays: it guards many accounts). */
export async function recordLoginSuccess(email: string): Promise<void> {
  await limiters().account.delete(email);
}

/** The client IP from the headers next-auth passes to authorize (first X-Forwarded-For hop, else X-Real-IP). */
export function clientIp(headers: Record<string, unknown> | undefined): string {
  const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
  const forwarded = first(headers?.['x-forwarded-for']);
  if (typeof forwarded === 'string' && forwarded.trim()) return forwarded.split(',')[0].trim();
  const real = first(headers?.['x-real-ip']);
  return typeof real === 'string' && real ? real : 'unknown';
}

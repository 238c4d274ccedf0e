import { eq, inArray, lt } from 'drizzle-orm';
import { getDb, runInTransaction, type DbOrTx } from '@/db/client';
import { loginThrottle } from '@/db/schema';
import { readEnv } from '@/lib/env';

/**
 * Limits from the environment (lib/env.ts; tests change them). A stranger can only lock their own
 * address: failures count per account+address pair and per address; failures of one account from every address
 * together lock only addresses that never signed in to it, so the real user's usual address keeps working.
 */
function throttleConfig() {
  const env = readEnv();
  return {
    perPair: env.LOGIN_MAX_FAILURES_PER_ACCOUNT_ADDRESS,
    perIp: env.LOGIN_MAX_FAILURES_PER_IP,
    perAccount: env.LOGIN_MAX_FAILURES_PER_ACCOUNT,
    windowMs: env.LOGIN_WINDOW_SECONDS * 1000,
    lockMs: env.LOGIN_LOCK_SECONDS * 1000,
  };
}

/** How long an address that signed in counts as the account's own. */
const KNOWN_ADDRESS_MS = 90 * 24 * 60 * 60 * 1000;

/** What a lock applies to: one account from one address, one address for every account, or an account from new addresses. */
export type LockScope = 'account-address' | 'address' | 'account';

/**
 * What the throttle did with one attempt (for the caller's answer and the audit trail):
 * `refused` = a lock was in force, the password was not considered; `failure` lists the locks this failure started.
 */
export type LoginAttemptResult =
  { outcome: 'success' } | { outcome: 'failure'; lockedNow: LockScope[] } | { outcome: 'refused'; lockedBy: LockScope; until: Date };

/**
 * The unit an address is throttled as: an IPv4 address as is, an IPv6 address as its /64 network, because one
 * subscriber usually holds a whole /64 and could otherwise rotate through 2^64 addresses.
 */
export function throttleAddress(ip: string): string {
  if (!ip.includes(':')) return ip;
  const [head, tail] = ip.toLowerCase().split('%')[0].split('::');
  const left = head ? head.split(':') : [];
  const right = tail === undefined ? [] : tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  if (groups.length !== 8 || !groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return ip;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

const keys = (email: string, address: string, ip = throttleAddress(address)) => ({
  pair: `pair:${email} ${ip}`,
  ip: `ip:${ip}`,
  account: `account:${email}`,
  known: `known:${email} ${ip}`,
});

type Row = typeof loginThrottle.$inferSelect;

/**
 * Records one sign-in (or current-password) attempt whose password check has already run (so a locked attempt costs
 * the same time as any other; bcrypt must never run inside the transaction) and says whether it may succeed. One
 * serialised transaction (BEGIN IMMEDIATE on SQLite, SERIALIZABLE with retry on PostgreSQL): concurrent attempts on
 * other instances count exactly.
 */
export async function recordLoginAttempt({ email, ip, passwordOk }: { email: string; ip: string; passwordOk: boolean }): Promise<LoginAttemptResult> {
  return oneAtATime(async () => {
    const now = new Date();
    // Dead rows go on every attempt (an indexed range delete) so addresses that stopped trying leave nothing behind.
    // Outside the transaction: an expired row counts as absent anyway, and on PostgreSQL this range read inside every
    // SERIALIZABLE attempt made attempts on unrelated accounts conflict with each other.
    await getDb().delete(loginThrottle).where(lt(loginThrottle.expiresAt, now));
    return runInTransaction((tx) => countAttempt(tx, keys(email, ip), passwordOk, now));
  });
}

/** The read-modify-write of one attempt's counters (retried as a whole on a PostgreSQL serialization failure). */
async function countAttempt(tx: DbOrTx, k: ReturnType<typeof keys>, passwordOk: boolean, now: Date): Promise<LoginAttemptResult> {
  const c = throttleConfig();
  const found = await tx
    .select()
    .from(loginThrottle)
    .where(inArray(loginThrottle.key, Object.values(k)));
  const rows = new Map(found.map((r) => [r.key, r]));
  const lockOf = (key: string) => {
    const until = rows.get(key)?.lockedUntil;
    return until && until > now ? until : null;
  };
  const knownAddress = (rows.get(k.known)?.expiresAt ?? 0) > now;
  const locks: [LockScope, Date | null][] = [
    ['account-address', lockOf(k.pair)],
    ['address', lockOf(k.ip)],
    ['account', knownAddress ? null : lockOf(k.account)],
  ];
  const lock = locks.find(([, until]) => until);
  if (lock) return { outcome: 'refused', lockedBy: lock[0], until: lock[1]! };

  if (passwordOk) {
    await tx.delete(loginThrottle).where(eq(loginThrottle.key, k.pair));
    await upsert(tx, { key: k.known, failures: 0, windowStart: now, lockedUntil: null, expiresAt: new Date(now.getTime() + KNOWN_ADDRESS_MS) });
    return { outcome: 'success' };
  }
  const lockedNow: LockScope[] = [];
  const count = async (scope: LockScope, key: string, limit: number) => {
    const row = rows.get(key);
    const fresh = !row || row.windowStart.getTime() + c.windowMs <= now.getTime();
    const failures = fresh ? 1 : row.failures + 1;
    const lockedUntil = failures >= limit ? new Date(now.getTime() + c.lockMs) : null;
    if (lockedUntil) lockedNow.push(scope);
    const windowStart = fresh ? now : row.windowStart;
    const expiresAt = new Date(Math.max(windowStart.getTime() + c.windowMs, lockedUntil?.getTime() ?? 0));
    await upsert(tx, { key, failures, windowStart, lockedUntil, expiresAt });
  };
  await count('account-address', k.pair, c.perPair);
  await count('address', k.ip, c.perIp);
  await count('account', k.account, c.perAccount);
  return { outcome: 'failure', lockedNow };
}

let turn: Promise<unknown> = Promise.resolve();

/**
 * Runs the throttle's transactions of this process one at a time. bcryptjs interleaves concurrent compares, so a burst
 * of sign-ins reaches the throttle together, and on PostgreSQL their SERIALIZABLE transactions (which all read and
 * write the same few index pages) then failed each other faster than retries helped: 13 of 40 simultaneous attempts
 * gave up. Queued, only other instances' attempts can collide. Costs nothing: a throttle transaction takes a few ms,
 * the bcrypt compare before it far longer.
 */
function oneAtATime<T>(fn: () => Promise<T>): Promise<T> {
  const run = turn.then(fn, fn);
  turn = run.catch(() => undefined);
  return run;
}

async function upsert(tx: DbOrTx, row: Row): Promise<void> {
  const { failures, windowStart, lockedUntil, expiresAt } = row;
  await tx
    .insert(loginThrottle)
    .values(row)
    .onConflictDoUpdate({ target: loginThrottle.key, set: { failures, windowStart, lockedUntil, expiresAt } });
}

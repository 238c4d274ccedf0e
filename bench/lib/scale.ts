import { DATASETS, QUICK, type BenchContext } from './context';
import type { Server } from './server';

/** The scale series: the same views at 1k, 100k and 1M claims (1M left out with --quick). */
export const SCALE_KEYS = (QUICK ? ['k1', 'large'] : ['k1', 'large', 'm1']) as ('k1' | 'large' | 'm1')[];
export const SCALE_LABEL: Record<string, string> = { k1: '1k', large: '100k', m1: '1M', small: '100' };

export type Site = { key: string; label: string; server: Server; cookie: string; claims: number };

/** Servers over each of `keys`' databases with a reviewer's session cookie. */
export async function sites(ctx: BenchContext, keys: (keyof typeof DATASETS)[], email = 'reviewer@example.com'): Promise<Site[]> {
  const out: Site[] = [];
  // One at a time: seeding the 1M set is the long part, and seeds share the app's database client.
  for (const key of keys) {
    const db = await ctx.db(key, DATASETS[key]);
    const server = await ctx.server(key, DATASETS[key]);
    out.push({ key, label: SCALE_LABEL[key], server, cookie: await ctx.cookie(server, email), claims: db.claims });
  }
  return out;
}

import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execute, getDb } from '@/db/client';
import { getArticle } from '@/lib/articles/get-article';
import { importArticleFromUrl } from '@/lib/articles/import-url';
import { createClaim } from '@/lib/claims/create-claim';
import { createApiToken } from '@/lib/users/create-api-token';
import { startNewsServer, type NewsServer } from '../fixtures/news-server';
import { freshDb } from './setup-db';

const root = path.resolve(__dirname, '../..');
let site: NewsServer;
let dbUrl: string;
let token: string;
const ids = {} as Record<'harbour' | 'rail' | 'gone', number>;

beforeAll(async () => {
  site = await startNewsServer();
  const { url, actors } = await freshDb();
  dbUrl = url;
  const { editor } = actors;
  token = (await createApiToken({ actor: editor, input: { name: 'cron' } })).token;
  const fetch = { allowHosts: [`127.0.0.1:${site.port}`] };
  for (const [key, page] of [
    ['harbour', 'harbour'],
    ['rail', 'rail'],
    ['gone', 'schools'],
  ] as const) {
    ids[key] = (await importArticleFromUrl({ actor: editor, input: { format: 'url', url: `${site.origin}/news/${page}` }, fetch })).id;
  }
  const { text } = await getArticle({ actor: editor, id: ids.harbour });
  const start = text.indexOf('employ 300 people');
  const claim = await createClaim({
    actor: editor,
    input: { articleId: ids.harbour, start, end: start + 'employ 300 people'.length, type: 'statistic' },
  });
  await execute(getDb(), sql`update claims set status = 'verified' where id = ${claim.id}`);
  // The publisher took one story down.
  await execute(getDb(), sql`update articles set fetched_url = ${`${site.origin}/news/taken-down`} where id = ${ids.gone}`);
  site.setHarbourVersion(2);
});
afterAll(() => site.close());

/** Runs the CLI without blocking this process (the test's news server must keep answering). */
async function cli(env: Record<string, string>, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(path.join(root, 'node_modules/.bin/tsx'), ['scripts/refresh-articles.ts', ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: dbUrl, IMPORT_ALLOW_HOSTS: `127.0.0.1:${site.port}`, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

// Each run starts the CLI cold through tsx: seconds each, and many more on a loaded 2-core machine.
describe('npm run articles:refresh', { timeout: 120_000 }, () => {
  it('refuses to run without a token', async () => {
    const run = await cli({ CLAIMDESK_TOKEN: '' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Set CLAIMDESK_TOKEN/);
  });

  it('prints one line per article (new version / unchanged / failed), then finds nothing due with --older-than', async () => {
    const run = await cli({ CLAIMDESK_TOKEN: token });
    const lines = run.stdout.trim().split('\n').sort();
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(
      new RegExp(`^#${ids.harbour} Port authority approves .*: new version #\\d+ with 1 claim moved, 1 back to review, 0 orphaned$`),
    );
    expect(lines[1]).toMatch(new RegExp(`^#${ids.rail} Rail fares .*: unchanged$`));
    expect(lines[2]).toMatch(new RegExp(`^#${ids.gone} School board .*: failed: The page was not found \\(the site answered 404\\)\\.$`));
    expect(run.code).toBe(1); // a failed check makes cron report it

    const again = await cli({ CLAIMDESK_TOKEN: token }, '--older-than', '6h');
    expect(again).toMatchObject({ code: 0, stdout: '' });
    expect(again.stderr).toMatch(/No articles .* due/);
    const bad = await cli({ CLAIMDESK_TOKEN: token }, '--older-than', 'soon');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--older-than takes a number and a unit/);
  });
});

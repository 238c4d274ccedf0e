import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { execute, getDb, queryRows } from '@/db/client';
import type { Actor } from '@/lib/auth/permissions';
import { createArticle } from '@/lib/articles/create-article';
import { getArticle } from '@/lib/articles/get-article';
import { listArticles } from '@/lib/articles/list-articles';
import { createClaim } from '@/lib/claims/create-claim';
import { updateClaim } from '@/lib/claims/update-claim';
import { deleteClaim } from '@/lib/claims/delete-claim';
import { listClaims } from '@/lib/claims/list-claims';
import { listEvents } from '@/lib/review/list-events';
import { AppError } from '@/lib/errors';
import { freshDb } from './setup-db';
import { asyncErrorOf } from './app-error';

let editor: Actor, reviewer: Actor, admin: Actor;

beforeEach(async () => {
  ({
    actors: { editor, reviewer, admin },
  } = await freshDb());
});

async function count(table: string): Promise<number> {
  const [{ n }] = await queryRows<{ n: number }>(getDb(), sql.raw(`select cast(count(*) as integer) as n from ${table}`));
  return n;
}

async function expectError(fn: () => Promise<unknown>, code: AppError['code'], field?: string) {
  const error = await asyncErrorOf(fn);
  expect(error.code).toBe(code);
  if (field) expect(error.fields).toHaveProperty(field);
}

/** Awaits a service call that must fail with an AppError of `code` (naming `field`). */
async function expectRejection(promise: Promise<unknown>, code: AppError['code'], field?: string) {
  await expect(promise).rejects.toMatchObject({ code, ...(field ? { fields: { [field]: expect.any(String) } } : {}) });
}

const scraped = fs.readFileSync(path.join(__dirname, '../fixtures/scraped-troops.txt'), 'utf8');

describe('createArticle', () => {
  it('imports scraped text with its headline, date and curly quotes', async () => {
    const { id } = await createArticle({ actor: editor, input: { format: 'text', content: scraped } });
    const article = await getArticle({ actor: editor, id });
    expect(article.publishedAt).toBe('2021-12-19');
    expect(article.title.length).toBeGreaterThan(10);
    expect(article.text).not.toMatch(/^\s*date /);
    expect(article.text).toContain('“');
  });

  it('refuses empty content and stores nothing', async () => {
    const before = await count('articles');
    await expectRejection(createArticle({ actor: editor, input: { title: 'x', format: 'text', content: '   \n ' } }), 'invalid', 'content');
    expect(await count('articles')).toBe(before);
  });

  it('refuses content over 2 MB with too_large', async () => {
    const before = await count('articles');
    const big = 'word '.repeat(450_000);
    await expectRejection(createArticle({ actor: editor, input: { title: 'Big', format: 'text', content: big } }), 'too_large');
    expect(await count('articles')).toBe(before);
  });

  it('rejects unknown fields, bad URLs and bad dates by name', async () => {
    await expectRejection(createArticle({ actor: editor, input: { format: 'text', content: 'a', extra: 1 } }), 'invalid', 'extra');
    await expectRejection(
      createArticle({ actor: editor, input: { format: 'text', content: 'a', sourceUrl: 'javascript:alert(1)' } }),
      'invalid',
      'sourceUrl',
    );
    await expectRejection(
      createArticle({ actor: editor, input: { format: 'text', content: 'a', publishedAt: '19/12/2021' } }),
      'invalid',
      'publishedAt',
    );
  });

  it('sanitizes HTML before storing it', async () => {
    const { id } = await createArticle({
      actor: editor,
      input: { format: 'html', content: '<title>T</title><p onclick="x()">Hi <a href="javascript:alert(1)">there</a></p><script>alert(1)</script>' },
    });
    const stored = JSON.stringify((await getArticle({ actor: editor, id })).doc);
    expect(stored).not.toMatch(/script|onclick|javascript:/i);
    expect((await getArticle({ actor: editor, id })).title).toBe('T');
  });

  it('lists articles with claim counts by status', async () => {
    const article = await getArticle({ actor: editor, id: 1 });
    const start = article.text.indexOf('40,000');
    await createClaim({ actor: editor, input: { articleId: 1, start, end: start + 6, type: 'statistic' } });
    const row = (await listArticles({ actor: editor })).find((a) => a.id === 1)!;
    expect(row.claimCounts.draft).toBe(1);
    expect(row.claimCounts.total).toBe(1);
    // The dashboard's limited list: the newest articles only, with the same counts as the full list.
    await createArticle({ actor: editor, input: { format: 'text', title: 'Newer', content: 'A newer article with words.' } });
    const all = await listArticles({ actor: editor });
    const newest = await listArticles({ actor: editor, limit: 1 });
    expect(newest).toEqual(all.slice(0, 1));
    expect((await listArticles({ actor: editor, limit: all.length })).find((a) => a.id === 1)!.claimCounts).toEqual(row.claimCounts);
  });
});

describe('createClaim', () => {
  const text = async () => (await getArticle({ actor: editor, id: 1 })).text;

  it('stores position and quote selectors and records a created event', async () => {
    const t = await text();
    const start = t.indexOf('about 40,000 vehicles a day');
    const claim = await createClaim({
      actor: editor,
      input: { articleId: 1, start, end: start + 27, type: 'statistic', claimant: 'Port authority' },
    });
    expect(claim.exact).toBe('about 40,000 vehicles a day');
    expect(t.slice(start - claim.prefix.length, start)).toBe(claim.prefix);
    expect(t.slice(claim.end, claim.end + claim.suffix.length)).toBe(claim.suffix);
    expect(claim.claimText).toBe(claim.exact);
    expect(claim.status).toBe('draft');
    expect((await listEvents({ actor: editor, id: claim.id })).map((e) => e.action)).toEqual(['created']);
  });

  it('refuses offsets out of range, a mismatched quote and an unknown article, storing nothing', async () => {
    const before = await count('claims');
    const len = (await text()).length;
    await expectError(() => createClaim({ actor: editor, input: { articleId: 1, start: len - 2, end: len + 5, type: 'other' } }), 'invalid', 'end');
    await expectError(
      () => createClaim({ actor: editor, input: { articleId: 1, start: 0, end: 4, exact: 'nope', type: 'other' } }),
      'invalid',
      'exact',
    );
    await expectError(() => createClaim({ actor: editor, input: { articleId: 1, start: 5, end: 5, type: 'other' } }), 'invalid', 'end');
    await expectError(() => createClaim({ actor: editor, input: { articleId: 1, start: 0, end: 4, type: 'rumour' } }), 'invalid', 'type');
    await expectError(() => createClaim({ actor: editor, input: { articleId: 999, start: 0, end: 4, type: 'other' } }), 'not_found');
    await expectError(() => createClaim({ actor: editor, input: { articleId: 1, start: '0', end: 4, type: 'other' } }), 'invalid', 'start');
    expect(await count('claims')).toBe(before);
    expect(await count('review_events')).toBe(0);
  });

  it('allows overlapping and adjacent claims', async () => {
    const a = await createClaim({ actor: editor, input: { articleId: 1, start: 10, end: 30, type: 'event' } });
    const b = await createClaim({ actor: editor, input: { articleId: 1, start: 20, end: 40, type: 'event' } });
    const c = await createClaim({ actor: editor, input: { articleId: 1, start: 40, end: 50, type: 'event' } });
    expect((await getArticle({ actor: editor, id: 1 })).claims.map((x) => x.id)).toEqual([a.id, b.id, c.id]);
  });
});

describe('updateClaim and deleteClaim', () => {
  const make = (actor: Actor) => createClaim({ actor, input: { articleId: 1, start: 0, end: 12, type: 'event' } });

  it('records a diff and bumps the version', async () => {
    const claim = await make(editor);
    const updated = await updateClaim({ actor: editor, id: claim.id, input: { version: claim.version, claimant: 'Ingrid Valmont' } });
    expect(updated.version).toBe(claim.version + 1);
    const edited = (await listEvents({ actor: editor, id: claim.id })).at(-1)!;
    expect(edited.action).toBe('edited');
    expect(edited.diff).toEqual({ claimant: { from: '', to: 'Ingrid Valmont' } });
  });

  it('keeps the status when only the internal note changes, and sends a verified claim back on a published edit', async () => {
    const claim = await make(editor);
    await execute(getDb(), sql`update claims set status = 'verified' where id = ${claim.id}`);
    const noted = await updateClaim({ actor: editor, id: claim.id, input: { version: claim.version, note: 'called the ministry' } });
    expect(noted.status).toBe('verified');
    const edited = await updateClaim({ actor: editor, id: claim.id, input: { version: noted.version, claimant: 'Ministry' } });
    expect(edited.status).toBe('in_review');
    expect((await listEvents({ actor: editor, id: claim.id })).at(-1)).toMatchObject({ fromStatus: 'verified', toStatus: 'in_review' });
  });

  it('answers a stale version with a conflict naming who changed it', async () => {
    const claim = await make(editor);
    await updateClaim({ actor: reviewer, id: claim.id, input: { version: claim.version, note: 'checked' } });
    const error = await asyncErrorOf(() => updateClaim({ actor: editor, id: claim.id, input: { version: claim.version, note: 'mine' } }));
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('Riley Reviewer');
  });

  it("forbids editors from editing or deleting other people's claims", async () => {
    const claim = await make(reviewer);
    await expectError(() => updateClaim({ actor: editor, id: claim.id, input: { version: 1, note: 'x' } }), 'forbidden');
    await expectError(() => deleteClaim({ actor: editor, id: claim.id }), 'forbidden');
  });

  it('lets authors delete own drafts and keeps the history', async () => {
    const claim = await make(editor);
    await deleteClaim({ actor: editor, id: claim.id });
    expect((await getArticle({ actor: editor, id: 1 })).claims).toHaveLength(0);
    const actions = await queryRows<{ action: string }>(getDb(), sql`select action from review_events where claim_id = ${claim.id} order by id`);
    expect(actions.map((a) => a.action)).toEqual(['created', 'deleted']);
  });

  it('lets admins delete any claim', async () => {
    const claim = await make(editor);
    await deleteClaim({ actor: admin, id: claim.id });
    await expectError(() => deleteClaim({ actor: admin, id: claim.id }), 'not_found');
  });
});

describe('listClaims', () => {
  it('pages with a keyset cursor without repeating or skipping', async () => {
    for (let i = 0; i < 7; i++) await createClaim({ actor: editor, input: { articleId: 1, start: i * 10, end: i * 10 + 5, type: 'other' } });
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await listClaims({ actor: editor, input: { limit: '3', sort: 'created_asc', ...(cursor ? { cursor } : {}) } });
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(new Set(seen).size).toBe(7);
  });

  it('finds claims by words through full-text search', async () => {
    const t = (await getArticle({ actor: editor, id: 1 })).text;
    const start = t.indexOf('Councillor Tomas Reyes');
    await createClaim({ actor: editor, input: { articleId: 1, start, end: start + 22, type: 'quote', claimant: 'Tomas Reyes' } });
    await createClaim({ actor: editor, input: { articleId: 1, start: 0, end: 5, type: 'other' } });
    const found = await listClaims({ actor: editor, input: { q: 'reyes' } });
    expect(found.items).toHaveLength(1);
    expect(found.items[0].claimant).toBe('Tomas Reyes');
  });
});

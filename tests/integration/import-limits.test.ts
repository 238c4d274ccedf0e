import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { articles } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { createArticle } from '@/lib/articles/create-article';
import { createArticleVersion } from '@/lib/articles/create-article-version';
import { getArticle } from '@/lib/articles/get-article';
import { MAX_ELEMENTS } from '@/lib/articles/limits';
import { suggestForArticle } from '@/lib/suggest/suggest-for-article';
import { freshDb } from './setup-db';

let editor: Actor;

beforeEach(async () => {
  ({
    actors: { editor },
  } = await freshDb());
});

afterEach(() => {
  delete process.env.WORK_TIME_BUDGET_MS;
});

const articleCount = () => getDb().$count(articles);
const nestedLists = (levels: number) => '<ul><li>item'.repeat(levels) + '</li></ul>'.repeat(levels);
/** Well-formed HTML just inside the element limit: slow to convert, so it overruns a tiny budget. */
const slowHtml = () => '<p>Words of a paragraph with <em>some emphasis</em>.</p>'.repeat(Math.floor((MAX_ELEMENTS - 10) / 2));
const scraped = fs.readFileSync(path.join(__dirname, '../fixtures/scraped-troops.txt'), 'utf8');

/** Awaits a service call that must fail with an AppError of `code` whose message matches `message`. */
async function expectRejection(promise: Promise<unknown>, code: string, message: RegExp) {
  await expect(promise).rejects.toMatchObject({ code, message: expect.stringMatching(message) });
}

describe('import structure limits', () => {
  it('refuses HTML lists nested 1,000 deep with invalid naming the depth limit and the content field, storing nothing', async () => {
    const before = await articleCount();
    const call = createArticle({ actor: editor, input: { title: 'Deep', format: 'html', content: nestedLists(1000) } });
    await expect(call).rejects.toMatchObject({ code: 'invalid', fields: { content: expect.stringMatching(/nesting depth limit/) } });
    expect(await articleCount()).toBe(before);
  });

  it('refuses Markdown quotes nested 5,000 deep naming the depth limit', async () => {
    const before = await articleCount();
    await expectRejection(
      createArticle({ actor: editor, input: { title: 'Deep', format: 'markdown', content: `${'>'.repeat(5000)} x` } }),
      'invalid',
      /nesting depth limit/,
    );
    expect(await articleCount()).toBe(before);
  });

  it('refuses HTML with more elements than the limit naming the element count limit', async () => {
    const content = '<li>item</li>'.repeat(MAX_ELEMENTS + 1);
    await expectRejection(createArticle({ actor: editor, input: { title: 'Many', format: 'html', content } }), 'invalid', /element count limit/);
  });

  it('applies the limits to a new version too, leaving the article as it was', async () => {
    const { id } = await createArticle({ actor: editor, input: { format: 'text', content: scraped } });
    const before = await articleCount();
    const call = createArticleVersion({ actor: editor, articleId: id, input: { format: 'html', content: nestedLists(1000) } });
    await expectRejection(call, 'invalid', /nesting depth limit/);
    expect(await articleCount()).toBe(before);
    expect((await getArticle({ actor: editor, id })).supersededBy).toBeNull();
  });
});

describe('time budget (WORK_TIME_BUDGET_MS)', () => {
  it('stops a conversion that overruns the budget with unavailable, stores nothing, and the next import works', async () => {
    const before = await articleCount();
    process.env.WORK_TIME_BUDGET_MS = '100';
    await expectRejection(
      createArticle({ actor: editor, input: { title: 'Slow', format: 'html', content: slowHtml() } }),
      'unavailable',
      /Converting the document took longer than 0.1 s/,
    );
    expect(await articleCount()).toBe(before);
    delete process.env.WORK_TIME_BUDGET_MS;
    // The terminated worker is replaced; the next task waits for it outside its budget.
    const { id } = await createArticle({ actor: editor, input: { format: 'text', content: scraped } });
    expect((await getArticle({ actor: editor, id })).text).toContain('40,000 troops');
  });

  it('stops a suggestion pass over a long article that overruns the budget with unavailable', async () => {
    const content = `Long article\n${scraped.split('\n').slice(1).join('\n').repeat(800)}`; // about 1 MB
    const { id } = await createArticle({ actor: editor, input: { format: 'text', content } });
    process.env.WORK_TIME_BUDGET_MS = '100';
    await expectRejection(
      suggestForArticle({ actor: editor, articleId: id }),
      'unavailable',
      /Finding suggestions in this article took longer than 0.1 s/,
    );
  });
});

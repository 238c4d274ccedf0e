import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { execute, getDb } from '@/db/client';
import { articles } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { createArticle } from '@/lib/articles/create-article';
import { createArticleVersion } from '@/lib/articles/create-article-version';
import { getArticle } from '@/lib/articles/get-article';
import { listArticles } from '@/lib/articles/list-articles';
import { createClaim } from '@/lib/claims/create-claim';
import { getClaim } from '@/lib/claims/get-claim';
import { updateClaim } from '@/lib/claims/update-claim';
import { listEvents } from '@/lib/review/list-events';
import { workPool } from '@/lib/workers/pool';
import { asyncErrorOf } from './app-error';
import { freshDb } from './setup-db';

let editor: Actor;

beforeEach(async () => {
  ({
    actors: { editor },
  } = await freshDb());
});
afterEach(() => {
  vi.restoreAllMocks();
});

const ORIGINAL = [
  'Harbor bill',
  'The council approved a 40 million euro harbor plan on Monday.',
  'The mayor said the works would start in May and employ 300 people.',
  'Opponents said the budget had doubled since 2021.',
  'A spokesperson declined to comment on the tender.',
].join('\n\n');

// Paragraph added before, one sentence lightly edited, one sentence removed.
const UPDATED = [
  'Harbor bill',
  'Correction appended on Tuesday.',
  'The council approved a 40 million euro harbor plan on Monday.',
  'The mayor said the works would start in June and employ 300 people.',
  'Opponents said the budget had doubled since 2021.',
].join('\n\n');

async function claimOn(articleId: number, phrase: string) {
  const { text } = await getArticle({ actor: editor, id: articleId });
  const start = text.indexOf(phrase);
  return await createClaim({ actor: editor, input: { articleId, start, end: start + phrase.length, type: 'statistic' } });
}

describe('createArticleVersion', () => {
  it('moves every claim to the new text: exact, shifted, fuzzy, or orphaned; nothing is dropped', async () => {
    const { id: oldId } = await createArticle({ actor: editor, input: { format: 'text', content: ORIGINAL } });
    const moved = await claimOn(oldId, 'approved a 40 million euro harbor plan');
    const edited = await claimOn(oldId, 'the works would start in May and employ 300 people');
    const gone = await claimOn(oldId, 'declined to comment on the tender');
    await execute(getDb(), sql`update claims set status = 'verified' where id in (${moved.id}, ${edited.id})`);

    const result = await createArticleVersion({ actor: editor, articleId: oldId, input: { format: 'text', content: UPDATED } });
    expect(result).toMatchObject({ moved: 1, fuzzy: 1, orphaned: 1 });

    const next = await getArticle({ actor: editor, id: result.id });
    expect(next.previousId).toBe(oldId);
    expect(next.title).toBe('Harbor bill');
    expect(next.text.startsWith('Harbor bill')).toBe(true); // the first line stays text, not a new title
    expect(next.claims.map((c) => c.id).sort()).toEqual([moved.id, edited.id, gone.id].sort());
    const byId = new Map(next.claims.map((c) => [c.id, c]));
    const m = byId.get(moved.id)!;
    expect(next.text.slice(m.start, m.end)).toBe('approved a 40 million euro harbor plan');
    expect(m.status).toBe('verified'); // same words, just moved
    const e = byId.get(edited.id)!;
    expect(next.text.slice(e.start, e.end)).toContain('June and employ 300 people');
    expect(e.status).toBe('in_review'); // words changed: back to review
    expect(byId.get(gone.id)!.orphaned).toBe(true);
    expect((await getClaim({ actor: editor, id: gone.id })).exact).toBe('declined to comment on the tender');

    const lastEvent = (await listEvents({ actor: editor, id: edited.id })).at(-1)!;
    expect(lastEvent.action).toBe('edited');
    expect(lastEvent.diff).toMatchObject({ articleId: { from: oldId, to: result.id }, status: { from: 'verified', to: 'in_review' } });
    expect(await getArticle({ actor: editor, id: oldId })).toMatchObject({ supersededBy: result.id, claims: [] });
    expect((await listArticles({ actor: editor })).map((a) => a.id)).not.toContain(oldId);
  });

  it('lets an editor re-anchor an orphaned claim on the new text', async () => {
    const { id: oldId } = await createArticle({ actor: editor, input: { format: 'text', content: ORIGINAL } });
    const gone = await claimOn(oldId, 'declined to comment on the tender');
    const { id: newId } = await createArticleVersion({ actor: editor, articleId: oldId, input: { format: 'text', content: UPDATED } });
    const orphan = await getClaim({ actor: editor, id: gone.id });
    expect(orphan.orphaned).toBe(true);
    const { text } = await getArticle({ actor: editor, id: newId });
    const start = text.indexOf('Correction appended');
    const refused = await asyncErrorOf(async () =>
      updateClaim({ actor: editor, id: gone.id, input: { version: orphan.version, start, end: start + 19, exact: 'nope' } }),
    );
    expect(refused.message).toMatch(/exact/);
    const fixed = await updateClaim({ actor: editor, id: gone.id, input: { version: orphan.version, start, end: start + 19 } });
    expect(fixed).toMatchObject({ orphaned: false, exact: 'Correction appended', start, status: 'draft' });
    expect((await listEvents({ actor: editor, id: gone.id })).at(-1)!.diff).toMatchObject({ orphaned: { from: true, to: false } });
  });

  it('refuses the new version with a conflict when a claim changes while the text is being matched, storing nothing', async () => {
    const { id } = await createArticle({ actor: editor, input: { format: 'text', content: ORIGINAL } });
    const claim = await claimOn(id, 'declined to comment on the tender');
    const count = () => getDb().$count(articles);
    const before = await count();
    // The claims are read before the conversion; this edit lands when the worker is handed the text to convert.
    const { pool } = workPool();
    const run = pool.run.bind(pool);
    vi.spyOn(pool, 'run').mockImplementationOnce(async (...args) => {
      await updateClaim({ actor: editor, id: claim.id, input: { version: claim.version, claimant: 'A spokesperson' } });
      return run(...args);
    });
    const pending = createArticleVersion({ actor: editor, articleId: id, input: { format: 'text', content: UPDATED } });
    await expect(pending).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/changed while the new text was being matched/) });
    expect(await count()).toBe(before);
    expect(await getClaim({ actor: editor, id: claim.id })).toMatchObject({ articleId: id, orphaned: false });
  });

  it('refuses a second new version of the same old text and unknown articles, storing nothing', async () => {
    const { id } = await createArticle({ actor: editor, input: { format: 'text', content: ORIGINAL } });
    await createArticleVersion({ actor: editor, articleId: id, input: { format: 'text', content: UPDATED } });
    const count = () => getDb().$count(articles);
    const before = await count();
    await expect(createArticleVersion({ actor: editor, articleId: id, input: { format: 'text', content: UPDATED } })).rejects.toThrow(
      /newer version/,
    );
    await expect(createArticleVersion({ actor: editor, articleId: 999, input: { format: 'text', content: UPDATED } })).rejects.toThrow(/not found/);
    await expect(createArticleVersion({ actor: editor, articleId: id, input: { format: 'text', content: '  ' } })).rejects.toThrow();
    expect(await count()).toBe(before);
  });
});

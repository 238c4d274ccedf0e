/**
 * Exports filtered by tag through GET /api/export and /api/export/count, as the board and search filter: the tag is
 * compared normalised, composes with the other filters (status above all), an unknown tag exports nothing, and a tag
 * that cannot exist is a 400 that says why.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { freshDb } from './setup-db';
import type { Actor } from '@/lib/auth/permissions';
import { startSession } from '@/lib/auth/sessions';
import { getArticle } from '@/lib/articles/get-article';
import { createClaim } from '@/lib/claims/create-claim';
import { updateClaim } from '@/lib/claims/update-claim';
import { listClaims } from '@/lib/claims/list-claims';
import { attachSource } from '@/lib/sources/attach-source';
import { transitionClaim } from '@/lib/review/transition-claim';
import { TAG_MAX } from '@/lib/claims/limits';
import * as exportRoute from '@/app/api/export/route';
import * as countRoute from '@/app/api/export/count/route';
import { session } from './session-actor-mock';

vi.mock('@/lib/auth/current-actor', () => import('./session-actor-mock'));

let actors: Awaited<ReturnType<typeof freshDb>>['actors'];
const ids: Record<'taggedVerified' | 'untaggedVerified' | 'otherTagVerified' | 'taggedInReview', number> = {
  taggedVerified: 0,
  untaggedVerified: 0,
  otherTagVerified: 0,
  taggedInReview: 0,
};

/** A claim on the sample article with `tags`, submitted, and approved unless `approve` is false. */
async function claim(phrase: string, tags: string[], approve = true): Promise<number> {
  const { editor, reviewer } = actors;
  const start = (await getArticle({ actor: editor, id: 1 })).text.indexOf(phrase);
  if (start < 0) throw new Error(`sample article lacks ${phrase}`);
  let c = await createClaim({ actor: editor, input: { articleId: 1, start, end: start + phrase.length, type: 'statistic' } });
  c = await updateClaim({ actor: editor, id: c.id, input: { version: c.version, verdictId: 1, rationale: 'Checked.', tags } });
  c = (await attachSource({ actor: editor, claimId: c.id, input: { url: 'https://port.example/filing', relation: 'supports', version: c.version } }))
    .claim;
  c = await transitionClaim({ actor: editor, id: c.id, input: { action: 'submit', version: c.version } });
  if (approve) c = await transitionClaim({ actor: reviewer, id: c.id, input: { action: 'approve', version: c.version } });
  return c.id;
}

async function as(actor: Actor) {
  session.sid = await startSession(actor.id);
}

async function get(route: typeof exportRoute | typeof countRoute, path: string, query: Record<string, string>) {
  const res = await route.GET(new Request(`http://localhost/api/${path}?${new URLSearchParams(query)}`), { params: Promise.resolve({}) });
  return { status: res.status, text: await res.text() };
}

/** The claim ids an export with `query` (JSON format) contains, and the count route's answer for the same filters. */
async function exported(query: Record<string, string>): Promise<{ ids: number[]; count: number }> {
  const file = await get(exportRoute, 'export', { format: 'json', ...query });
  expect(file.status).toBe(200);
  const count = await get(countRoute, 'export/count', query);
  expect(count.status).toBe(200);
  return { ids: (JSON.parse(file.text) as { id: number }[]).map((c) => c.id), count: (JSON.parse(count.text) as { count: number }).count };
}

beforeAll(async () => {
  ({ actors } = await freshDb());
  ids.taggedVerified = await claim('40,000 vehicles a day', ['Port Strike']);
  ids.untaggedVerified = await claim('28,000 vehicles', []);
  ids.otherTagVerified = await claim('40,000 vehicles', ['budget']);
  ids.taggedInReview = await claim('vehicles a day', ['port strike', 'budget'], false);
});

describe('GET /api/export?tag=', () => {
  it('exports only the verified claims carrying the tag, compared normalised, with the count to match', async () => {
    await as(actors.editor);
    const { ids: got, count } = await exported({ tag: '  PORT   strike ' });
    expect(got).toEqual([ids.taggedVerified]);
    expect(count).toBe(1);
    // The tag travels with the row, and the other filters still apply on top of it.
    const [row] = JSON.parse((await get(exportRoute, 'export', { format: 'json', tag: 'port strike' })).text) as { tags: string[] }[];
    expect(row.tags).toEqual(['port strike']);
    expect((await exported({ tag: 'port strike', type: 'quote' })).ids).toEqual([]);
  });

  it('composes with status: a reviewer exporting every status gets the tagged claim in review too', async () => {
    await as(actors.reviewer);
    expect((await exported({ tag: 'port strike', status: 'all' })).ids).toEqual([ids.taggedVerified, ids.taggedInReview]);
    expect((await exported({ tag: 'budget', status: 'in_review' })).ids).toEqual([ids.taggedInReview]);
  });

  it('matches the claims the board lists for the same tag (one rule)', async () => {
    await as(actors.reviewer);
    const board = await listClaims({ actor: actors.reviewer, input: { tag: 'Budget', status: 'verified' } });
    expect(board.items.map((c) => c.id)).toEqual([ids.otherTagVerified]);
    expect((await exported({ tag: 'Budget' })).ids).toEqual([ids.otherTagVerified]);
  });

  it('exports nothing for a tag no claim carries', async () => {
    await as(actors.editor);
    expect(await exported({ tag: 'no such tag' })).toEqual({ ids: [], count: 0 });
    // A tag is one whole value: a prefix of a tag is another tag.
    expect(await exported({ tag: 'port' })).toEqual({ ids: [], count: 0 });
  });

  it.each([
    ['only white space', '   ', 'tag: A tag needs a character other than white space.'],
    ['longer than a tag may be', 'x'.repeat(TAG_MAX + 1), `tag: A tag is at most ${TAG_MAX} characters.`],
    ['a NUL character', 'port\u0000strike', 'tag: Must not contain NUL characters.'],
  ])('refuses a tag with %s: 400 naming the field, before any byte of the file', async (_, tag, message) => {
    await as(actors.editor);
    for (const [route, path] of [
      [exportRoute, 'export'],
      [countRoute, 'export/count'],
    ] as const) {
      const res = await get(route, path, { format: 'csv', tag });
      expect(res.status).toBe(400);
      const body = JSON.parse(res.text) as { error: { code: string; message: string; fields: Record<string, string> } };
      expect(body.error.code).toBe('invalid');
      expect(body.error.message).toContain(message);
      expect(Object.keys(body.error.fields)).toEqual(['tag']);
    }
  });
});

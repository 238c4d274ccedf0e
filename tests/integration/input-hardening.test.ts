/** Hostile input at the API boundary: split characters, NUL and lone surrogates, odd ids, __proto__ keys. */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { freshDb } from './setup-db';
import { getDb } from '@/db/client';
import { claims } from '@/db/schema';
import { startSession } from '@/lib/auth/sessions';
import { createArticle } from '@/lib/articles/create-article';
import { getArticle } from '@/lib/articles/get-article';
import { createClaim } from '@/lib/claims/create-claim';
import { createSource } from '@/lib/sources/create-source';
import * as claimsRoute from '@/app/api/claims/route';
import * as claimRoute from '@/app/api/claims/[id]/route';
import * as eventsRoute from '@/app/api/claims/[id]/events/route';
import * as sourcesRoute from '@/app/api/sources/route';
import * as sourceRoute from '@/app/api/sources/[id]/route';
import * as articleRoute from '@/app/api/articles/[id]/route';
import { session } from './session-actor-mock';

vi.mock('@/lib/auth/current-actor', () => import('./session-actor-mock'));

type Handler = (req: Request, ctx: { params: Promise<unknown> }) => Promise<Response>;

/** Calls a route handler as the demo editor; `body` goes out exactly as given when it is a string (raw JSON). */
async function call(
  handler: Handler,
  { params = {}, body, method = body === undefined ? 'GET' : 'POST' }: { params?: Record<string, string>; body?: unknown; method?: string } = {},
) {
  const res = await handler(
    new Request('http://localhost/api/x', {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    }),
    { params: Promise.resolve(params) },
  );
  return {
    status: res.status,
    body: (res.status === 204 ? null : await res.json()) as { error?: { message: string; fields?: Record<string, string> } } & Record<
      string,
      unknown
    >,
  };
}

let actors: Awaited<ReturnType<typeof freshDb>>['actors'];
let articleId: number;
let text: string;
const claimCount = () => getDb().$count(claims);

beforeAll(async () => {
  ({ actors } = await freshDb());
  session.sid = await startSession(actors.editor.id);
  articleId = (await createArticle({ actor: actors.editor, input: { format: 'text', content: 'Emoji notes\n\nPrices 😀 rose by 40% in May.' } })).id;
  text = (await getArticle({ actor: actors.editor, id: articleId })).text;
});

describe('claim offsets inside a surrogate pair', () => {
  it.each(['start', 'end'] as const)('answer 400 naming %s, and store nothing', async (field) => {
    const emoji = text.indexOf('😀');
    const range = field === 'start' ? { start: emoji + 1, end: emoji + 10 } : { start: 0, end: emoji + 1 };
    const before = await claimCount();
    const res = await call(claimsRoute.POST as Handler, { body: { articleId, ...range, type: 'other' } });
    expect(res.status).toBe(400);
    expect(res.body.error!.fields).toEqual({ [field]: 'Inside a character.' });
    expect(await claimCount()).toBe(before);
  });

  it('answer 400 when a PATCH moves a claim into one', async () => {
    const created = await call(claimsRoute.POST as Handler, { body: { articleId, start: 0, end: 5, type: 'other' } });
    expect(created.status).toBe(201);
    const emoji = text.indexOf('😀');
    const res = await call(claimRoute.PATCH as Handler, {
      method: 'PATCH',
      params: { id: String(created.body.id) },
      body: { version: 1, start: emoji + 1, end: emoji + 6 },
    });
    expect(res.status).toBe(400);
    expect(res.body.error!.fields).toEqual({ start: 'Inside a character.' });
  });

  it('still accept a claim around the whole emoji', async () => {
    const emoji = text.indexOf('😀');
    const res = await call(claimsRoute.POST as Handler, { body: { articleId, start: emoji, end: emoji + 2, type: 'other', exact: '😀' } });
    expect(res.status).toBe(201);
  });
});

describe('NUL and lone surrogates in text', () => {
  it.each([
    ['claimant', { claimant: 'Ann\u0000Lee' }, 'NUL'],
    ['claimText', { claimText: 'Half an emoji \uD83D' }, 'unpaired surrogate'],
    ['note', { note: '\uDE00 low half first' }, 'unpaired surrogate'],
  ])('a claim with a bad %s is a 400 naming the field', async (field, extra, kind) => {
    const before = await claimCount();
    const res = await call(claimsRoute.POST as Handler, { body: { articleId, start: 0, end: 5, type: 'other', ...extra } });
    expect(res.status).toBe(400);
    expect(res.body.error!.message).toContain(`${field}: Must not contain ${kind}`);
    expect(await claimCount()).toBe(before);
  });

  it('the same rule guards comments, sources and article text', async () => {
    const claim = await call(claimsRoute.POST as Handler, { body: { articleId, start: 0, end: 5, type: 'other' } });
    const comment = await call(eventsRoute.POST as Handler, { params: { id: String(claim.body.id) }, body: { comment: 'ok\u0000' } });
    expect([comment.status, comment.body.error!.fields]).toEqual([400, { comment: 'Must not contain NUL characters.' }]);
    const source = await call(sourcesRoute.POST as Handler, { body: { url: 'https://nul.example/a', title: 'T\uD800' } });
    expect([source.status, source.body.error!.fields]).toEqual([400, { title: 'Must not contain unpaired surrogate characters.' }]);
  });
});

describe('ids in paths', () => {
  it.each(['0x1', '1e0', ' 1', '01', '+1', '1.0'])('%j is a 404 on claims, sources and articles', async (raw) => {
    for (const handler of [claimRoute.GET, sourceRoute.GET, articleRoute.GET, eventsRoute.GET] as Handler[]) {
      expect((await call(handler, { params: { id: raw } })).status).toBe(404);
    }
  });

  it('the plain decimal id of the same records answers 200', async () => {
    const actor = actors.editor;
    const claim = await createClaim({ actor, input: { articleId: 1, start: 0, end: 5, type: 'other' } });
    const source = (await createSource({ actor, input: { url: 'https://plain.example/1' } })).source;
    expect((await call(claimRoute.GET as Handler, { params: { id: String(claim.id) } })).status).toBe(200);
    expect((await call(sourceRoute.GET as Handler, { params: { id: String(source.id) } })).status).toBe(200);
    expect((await call(articleRoute.GET as Handler, { params: { id: '1' } })).status).toBe(200);
  });
});

describe('unknown keys', () => {
  it('a raw JSON body with __proto__ gets a 400 naming it', async () => {
    const before = await claimCount();
    const raw = `{"articleId":${articleId},"start":0,"end":5,"type":"other","__proto__":{"role":"admin"}}`;
    const res = await call(claimsRoute.POST as Handler, { body: raw });
    expect(res.status).toBe(400);
    expect(res.body.error!.message).toContain('__proto__: Unknown field.');
    expect(await claimCount()).toBe(before);
  });
});

/**
 * The live stream's service: which changes an actor is sent (hidden drafts of other editors never, not even their
 * ids; filtered by the claim's current visibility), in id order, resumed after an id, per article; and the SSE
 * stream itself (catch-up, a change arriving while it is open, the ready event, clean-up when the client leaves).
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { freshDb } from './setup-db';
import { getDb } from '@/db/client';
import { claims, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { createArticle } from '@/lib/articles/create-article';
import { createArticleVersion } from '@/lib/articles/create-article-version';
import { createClaim } from '@/lib/claims/create-claim';
import { updateClaim } from '@/lib/claims/update-claim';
import { deleteClaim } from '@/lib/claims/delete-claim';
import { updateSettings } from '@/lib/settings/update-settings';
import { changeHead, listChanges, type ChangeView } from '@/lib/live/list-changes';
import { openChangeStream } from '@/lib/live/open-change-stream';
import { changePoller } from '@/lib/live/change-poller';
import { asyncErrorOf } from './app-error';
import { readEvents } from '../sse-events';
import { startSession } from '@/lib/auth/sessions';
import * as streamRoute from '@/app/api/stream/route';
import { session } from './session-actor-mock';

vi.mock('@/lib/auth/current-actor', () => import('./session-actor-mock'));

let actors: { editor: Actor; reviewer: Actor; admin: Actor };
let editorB: Actor;
let article: number;
const TEXT = 'Harbour notes\n\nThe new tunnel cost 40 million pounds, officials said. Traffic fell by a third.';

const draft = (actor: Actor, claimText: string, on = article) =>
  createClaim({ actor, input: { articleId: on, start: 15, end: 29, type: 'statistic', claimText } });
const all = async (actor: Actor, opts: { after?: number; articleId?: number } = {}) =>
  listChanges(getDb(), { actor, after: opts.after ?? 0, upTo: await changeHead(getDb()), articleId: opts.articleId, limit: 10_000 });
const claimIds = (list: ChangeView[]) => new Set(list.map((c) => c.claimId));

beforeAll(async () => {
  ({ actors } = await freshDb());
  const [row] = await getDb().insert(users).values({ email: 'b@example.com', name: 'Bea Second', role: 'editor', passwordHash: 'x' }).returning();
  editorB = { id: row.id, role: 'editor', name: row.name, email: row.email };
  article = (await createArticle({ actor: actors.editor, input: { format: 'text', content: TEXT } })).id;
  await updateSettings({ actor: actors.admin, input: { editorsSeeDrafts: false } });
});

describe('listChanges', () => {
  it("never lists another editor's hidden draft, live or deleted, until it is visible; reviewers see everything", async () => {
    const hidden = await draft(actors.editor, 'A hidden one');
    await updateClaim({ actor: actors.editor, id: hidden.id, input: { version: hidden.version, claimant: 'Mayor' } });
    const gone = await draft(actors.editor, 'A hidden one, deleted');
    await deleteClaim({ actor: actors.editor, id: gone.id });
    const own = await draft(editorB, 'B owns this');

    const forB = claimIds(await all(editorB));
    expect(forB.has(own.id)).toBe(true);
    expect(forB.has(hidden.id)).toBe(false);
    expect(forB.has(gone.id)).toBe(false);
    for (const who of [actors.reviewer, actors.editor]) {
      const seen = claimIds(await all(who));
      expect([hidden.id, gone.id, own.id].filter((id) => !seen.has(id))).toEqual(who === actors.editor ? [own.id] : []);
    }
    const deleted = (await all(actors.editor)).find((c) => c.claimId === gone.id && c.type === 'claim.deleted');
    expect(deleted).toMatchObject({ articleId: article, status: null, actorId: actors.editor.id, actorName: actors.editor.name });

    // Visibility is the claim's current one: once in review, its whole history shows (the deleted draft stays hidden).
    await getDb().update(claims).set({ status: 'in_review' }).where(eq(claims.id, hidden.id));
    const later = await all(editorB);
    expect(later.filter((c) => c.claimId === hidden.id).map((c) => c.type)).toEqual(['claim.created', 'claim.edited']);
    expect(claimIds(later).has(gone.id)).toBe(false);
    // With the setting on, drafts of others are everyone's to see.
    await updateSettings({ actor: actors.admin, input: { editorsSeeDrafts: true } });
    expect(claimIds(await all(editorB)).has(gone.id)).toBe(true);
    await updateSettings({ actor: actors.admin, input: { editorsSeeDrafts: false } });
  });

  it('lists in id order, resumes after an id, stops at upTo and pages by limit', async () => {
    const before = await changeHead(getDb());
    const made = [];
    for (const n of [1, 2, 3]) made.push(await draft(editorB, `Ordered ${n}`));
    const head = await changeHead(getDb());
    const after = await all(editorB, { after: before });
    expect(after.map((c) => c.claimId)).toEqual(made.map((c) => c.id));
    expect(after.map((c) => c.id)).toEqual([...after.map((c) => c.id)].sort((a, b) => a - b));
    expect(after.every((c) => c.id > before && c.type === 'claim.created' && c.status === 'draft')).toBe(true);
    const resumed = await all(editorB, { after: after[0].id });
    expect(resumed.map((c) => c.claimId)).toEqual(made.slice(1).map((c) => c.id));
    const upTo = await listChanges(getDb(), { actor: editorB, after: before, upTo: after[1].id });
    expect(upTo.map((c) => c.claimId)).toEqual(made.slice(0, 2).map((c) => c.id));
    const page = await listChanges(getDb(), { actor: editorB, after: before, upTo: head, limit: 1 });
    expect(page.map((c) => c.claimId)).toEqual([made[0].id]);
  });

  it("keeps to one article, and tells an older version's readers of the new one", async () => {
    const other = (await createArticle({ actor: editorB, input: { format: 'text', content: TEXT.replace('Harbour', 'Other') } })).id;
    const before = await changeHead(getDb());
    const here = await draft(editorB, 'On the first article');
    const there = await draft(editorB, 'On the other article', other);
    expect(claimIds(await all(editorB, { after: before, articleId: article })).has(there.id)).toBe(false);
    expect(claimIds(await all(editorB, { after: before, articleId: other })).has(here.id)).toBe(false);

    const mark = await changeHead(getDb());
    const { id: newer } = await createArticleVersion({ actor: editorB, articleId: other, input: { format: 'text', content: `${TEXT} More.` } });
    for (const id of [other, newer]) {
      const news = (await all(editorB, { after: mark, articleId: id })).filter((c) => c.type === 'article.new_version');
      expect(news).toEqual([expect.objectContaining({ articleId: newer, claimId: null, actorId: editorB.id })]);
    }
  });
});

describe('openChangeStream', () => {
  const open = (actor: Actor, input: Record<string, string>, signal: AbortSignal) =>
    openChangeStream({ actor, input, signal, reauthorize: async () => actor });

  it('catches up after lastEventId, says it is ready, sends a change made while open, and stops when the client leaves', async () => {
    const before = await changeHead(getDb());
    const missed = await draft(editorB, 'Made while away');
    const hidden = await draft(actors.editor, 'Hidden while away');
    const leave = new AbortController();
    const reader = (await open(editorB, { articleId: String(article), lastEventId: String(before) }, leave.signal)).getReader();
    const first = await readEvents(reader, (e) => e.some((x) => x.event === 'ready'));
    expect(first.map((e) => [e.event, e.data.claimId])).toEqual([
      ['message', missed.id],
      ['ready', null],
    ]);
    expect(first[1].id).toBe(await changeHead(getDb()));
    expect(first[1].data).toMatchObject({ type: 'stream.ready', articleId: article });
    expect(changePoller().size).toBeGreaterThan(0);

    const hiddenLater = await draft(actors.editor, 'Hidden, live');
    const live = await draft(editorB, 'Made while watching');
    const next = await readEvents(reader, (e) => e.length > 0);
    expect(next.map((e) => e.data.claimId)).toEqual([live.id]);
    expect(next[0]).toMatchObject({
      event: 'message',
      data: { type: 'claim.created', articleId: article, status: 'draft', actorName: 'Bea Second' },
    });
    expect(next[0].id).toBeGreaterThan(first[1].id);
    expect([hidden.id, hiddenLater.id]).not.toContain(next[0].data.claimId);

    leave.abort();
    expect(await reader.read()).toEqual({ done: true, value: undefined });
    expect(changePoller().size).toBe(0);
  });

  it('starts from now without lastEventId, and stops when its credentials no longer hold', async () => {
    await draft(editorB, 'Old news');
    const leave = new AbortController();
    const stream = await openChangeStream({ actor: editorB, input: {}, signal: leave.signal, reauthorize: async () => null });
    const reader = stream.getReader();
    const first = await readEvents(reader, (e) => e.some((x) => x.event === 'ready'));
    expect(first.map((e) => e.event)).toEqual(['ready']);
    expect(first[0].id).toBe(await changeHead(getDb()));
    leave.abort();
  });

  it('refuses an unknown article (404) and a bad lastEventId (400) before streaming', async () => {
    const signal = new AbortController().signal;
    expect((await asyncErrorOf(() => open(editorB, { articleId: '999999' }, signal))).code).toBe('not_found');
    expect((await asyncErrorOf(() => open(editorB, { lastEventId: '-1' }, signal))).code).toBe('invalid');
    expect((await asyncErrorOf(() => open(editorB, { lastEventId: 'abc' }, signal))).code).toBe('invalid');
  });
});

describe('GET /api/stream', () => {
  /** The route as a browser's EventSource calls it, with `headers`; abort `leave` to go away. */
  const get = (query: string, headers: Record<string, string>, leave: AbortController) =>
    streamRoute.GET(new Request(`http://localhost/api/stream${query}`, { headers, signal: leave.signal }), { params: Promise.resolve({}) });

  it('replays what was missed after the Last-Event-ID header, which wins over the lastEventId it was opened with', async () => {
    session.sid = await startSession(editorB.id);
    const opened = await changeHead(getDb());
    const missed = [await draft(editorB, 'Missed while reconnecting'), await draft(editorB, 'Missed too')];
    await draft(actors.editor, 'Hidden, missed');
    const leave = new AbortController();
    // An EventSource reconnecting by itself keeps its URL (here a stale ?lastEventId) and sends the newest id it saw.
    const head = await changeHead(getDb());
    const res = await get(`?articleId=${article}&lastEventId=${head}`, { 'Last-Event-ID': String(opened) }, leave);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = res.body!.getReader();
    const events = await readEvents(reader, (e) => e.some((x) => x.event === 'ready'));
    expect(events.map((e) => [e.event, e.data.claimId])).toEqual([...missed.map((c) => ['message', c.id]), ['ready', null]]);
    expect(events.at(-1)!.id).toBe(head);
    leave.abort();
    expect((await reader.read()).done).toBe(true);
  });

  it('refuses a Last-Event-ID header that is not an event id with a 400', async () => {
    session.sid = await startSession(editorB.id);
    const res = await get('', { 'Last-Event-ID': 'yesterday' }, new AbortController());
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { fields: Record<string, string> } }).error.fields).toEqual({ lastEventId: 'Not an event id.' });
  });
});

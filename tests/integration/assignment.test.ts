/** Issue 18: assigning claims and articles, tags on claims, through the services and the route handlers. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { and, asc, eq, sql } from 'drizzle-orm';
import { execute, getDb } from '@/db/client';
import { auditEvents, changeEvents, claims, notifications, reviewEvents, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { createClaim } from '@/lib/claims/create-claim';
import { updateClaim } from '@/lib/claims/update-claim';
import { listClaims } from '@/lib/claims/list-claims';
import { suggestTags } from '@/lib/claims/suggest-tags';
import { assignArticle } from '@/lib/articles/assign-article';
import { getArticle } from '@/lib/articles/get-article';
import { createArticle } from '@/lib/articles/create-article';
import { searchEverything } from '@/lib/search/search-everything';
import { updateSettings } from '@/lib/settings/update-settings';
import { asyncErrorOf } from './app-error';
import { freshDb } from './setup-db';

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock('@/lib/auth/current-actor', async () => {
  const { Unauthorized } = await import('@/lib/errors');
  return {
    getActor: async () => session.actor,
    requireActor: async () => {
      if (!session.actor) throw Unauthorized();
      return session.actor;
    },
  };
});
const claimRoute = await import('@/app/api/claims/[id]/route');
const claimsRoute = await import('@/app/api/claims/route');
const articleRoute = await import('@/app/api/articles/[id]/route');

let actors: { editor: Actor; reviewer: Actor; admin: Actor };
let n = 0;
beforeEach(async () => {
  ({ actors } = await freshDb());
});

const draft = (actor: Actor) => createClaim({ actor, input: { articleId: 1, start: 0, end: 12, type: 'statistic', claimText: `Claim ${++n}` } });
const setStatus = (id: number, status: string) => execute(getDb(), sql`update claims set status = ${status} where id = ${id}`);
const assign = (actor: Actor, id: number, version: number, assigneeId: number | null) => updateClaim({ actor, id, input: { version, assigneeId } });
async function reviewer2(): Promise<Actor> {
  const [u] = await getDb()
    .insert(users)
    .values({ email: `r${++n}@example.com`, name: 'Second Reviewer', role: 'reviewer', passwordHash: 'x' })
    .returning();
  return { id: u.id, role: u.role, name: u.name, email: u.email };
}

async function call<P extends object>(
  handler: (req: Request, ctx: { params: Promise<P> }) => Promise<Response>,
  url: string,
  init: RequestInit = {},
  params = {} as P,
) {
  const res = await handler(new Request(`http://localhost${url}`, { ...init, headers: { 'content-type': 'application/json' } }), {
    params: Promise.resolve(params),
  });
  return { status: res.status, body: await res.json() };
}

describe('assigning a claim', () => {
  it('records an assigned event with the diff, a change and a notification, and keeps the status', async () => {
    const c = await draft(actors.editor);
    await setStatus(c.id, 'in_review');
    const out = await assign(actors.reviewer, c.id, c.version, actors.admin.id);
    expect(out).toMatchObject({ status: 'in_review', assigneeId: actors.admin.id, assigneeName: actors.admin.name, version: c.version + 1 });
    const [event] = await getDb()
      .select()
      .from(reviewEvents)
      .where(and(eq(reviewEvents.claimId, c.id), eq(reviewEvents.action, 'assigned')));
    expect(event.diff).toEqual({ assigneeId: { from: null, to: actors.admin.id }, assignee: { from: null, to: actors.admin.name } });
    const changes = await getDb().select().from(changeEvents).where(eq(changeEvents.claimId, c.id)).orderBy(asc(changeEvents.id));
    expect(changes.at(-1)).toMatchObject({ type: 'claim.assigned', status: 'in_review', actorId: actors.reviewer.id });
    const notes = await getDb().select().from(notifications).where(eq(notifications.userId, actors.admin.id));
    expect(notes).toMatchObject([{ type: 'assigned', claimId: c.id, actorId: actors.reviewer.id }]);
  });

  it('refuses a reviewer-stage assignee who may not review it, or is its author', async () => {
    const c = await draft(actors.reviewer);
    await setStatus(c.id, 'in_review');
    expect((await asyncErrorOf(() => assign(actors.admin, c.id, c.version, actors.editor.id))).fields).toHaveProperty('assigneeId');
    const own = await asyncErrorOf(() => assign(actors.admin, c.id, c.version, actors.reviewer.id));
    expect(own.message).toMatch(/cannot review their own claim/);
    expect((await assign(actors.admin, c.id, c.version, actors.admin.id)).assigneeId).toBe(actors.admin.id);
  });

  it('lets an editor assign their own claim and take or release one, but not move others’ assignments', async () => {
    const mine = await draft(actors.editor);
    const out = await assign(actors.editor, mine.id, mine.version, actors.reviewer.id);
    expect(out.assigneeId).toBe(actors.reviewer.id);
    const theirs = await draft(actors.reviewer);
    const err = await asyncErrorOf(() => assign(actors.editor, theirs.id, theirs.version, actors.reviewer.id));
    expect(err.code).toBe('forbidden');
    // Not eligible for a reviewer's draft (an editor cannot edit it), even when taking it.
    expect((await asyncErrorOf(() => assign(actors.editor, theirs.id, theirs.version, actors.editor.id))).code).toBe('invalid');
  });

  it('answers 409 on a stale version and refuses disabled users', async () => {
    const c = await draft(actors.editor);
    await assign(actors.reviewer, c.id, c.version, actors.editor.id);
    expect((await asyncErrorOf(() => assign(actors.reviewer, c.id, c.version, null))).code).toBe('conflict');
    const other = await reviewer2();
    await getDb().update(users).set({ disabled: true }).where(eq(users.id, other.id));
    expect((await asyncErrorOf(() => assign(actors.reviewer, c.id, c.version + 1, other.id))).code).toBe('invalid');
  });

  it('filters the list by assignee me, none and id', async () => {
    const [a, b, c] = [await draft(actors.editor), await draft(actors.editor), await draft(actors.editor)];
    await assign(actors.reviewer, a.id, a.version, actors.reviewer.id);
    await assign(actors.reviewer, b.id, b.version, actors.editor.id);
    const ids = async (actor: Actor, assignee: string) => (await listClaims({ actor, input: { assignee } })).items.map((x) => x.id).sort();
    expect(await ids(actors.reviewer, 'me')).toEqual([a.id]);
    expect(await ids(actors.editor, 'me')).toEqual([b.id]);
    expect(await ids(actors.editor, String(actors.reviewer.id))).toEqual([a.id]);
    expect(await ids(actors.editor, 'none')).toContain(c.id);
    expect(await ids(actors.editor, 'none')).not.toContain(a.id);
    expect((await asyncErrorOf(() => listClaims({ actor: actors.editor, input: { assignee: 'someone' } }))).code).toBe('invalid');
  });
});

describe('PATCH /api/claims/:id and GET /api/claims?assignee=', () => {
  it('assigns through the route, answers 409 on a stale version and lists assigned-to-me', async () => {
    const c = await draft(actors.editor);
    session.actor = actors.reviewer;
    const patch = (body: unknown) =>
      call(claimRoute.PATCH, `/api/claims/${c.id}`, { method: 'PATCH', body: JSON.stringify(body) }, { id: String(c.id) });
    expect((await patch({ assigneeId: actors.reviewer.id, version: c.version })).status).toBe(200);
    expect((await patch({ assigneeId: null, version: c.version })).status).toBe(409);
    expect((await patch({ assigneeId: 'me', version: c.version + 1 })).status).toBe(400);
    const list = await call(claimsRoute.GET, '/api/claims?assignee=me');
    expect(list.body.items.map((x: { id: number; assigneeName: string }) => [x.id, x.assigneeName])).toEqual([[c.id, 'Riley Reviewer']]);
  });
});

describe('assigning an article', () => {
  it('writes an audit event, an article.assigned change and a notification', async () => {
    const out = await assignArticle({ actor: actors.reviewer, id: 1, input: { assigneeId: actors.editor.id } });
    expect(out).toMatchObject({ id: 1, assigneeId: actors.editor.id });
    expect((await getArticle({ actor: actors.editor, id: 1 })).assigneeName).toBe(out.assigneeName);
    const [audit] = await getDb().select().from(auditEvents).where(eq(auditEvents.action, 'article.assigned'));
    expect(audit).toMatchObject({
      entityType: 'article',
      entityId: 1,
      actorId: actors.reviewer.id,
      diff: { assigneeId: { from: null, to: actors.editor.id } },
    });
    const [change] = await getDb().select().from(changeEvents).where(eq(changeEvents.type, 'article.assigned'));
    expect(change).toMatchObject({ articleId: 1, actorId: actors.reviewer.id });
    expect(await getDb().select().from(notifications).where(eq(notifications.userId, actors.editor.id))).toMatchObject([
      { type: 'assigned', articleId: 1 },
    ]);
  });

  it('lets an editor take an unassigned article but not give someone else’s to another', async () => {
    const article = await createArticle({ actor: actors.reviewer, input: { format: 'text', content: 'Tolls\n\nTolls doubled.' } });
    session.actor = actors.editor;
    const patch = (assigneeId: number | null) =>
      call(articleRoute.PATCH, `/api/articles/${article.id}`, { method: 'PATCH', body: JSON.stringify({ assigneeId }) }, { id: String(article.id) });
    const taken = await patch(actors.editor.id);
    expect(taken).toMatchObject({ status: 200, body: { assigneeId: actors.editor.id } });
    expect((await patch(actors.reviewer.id)).status).toBe(403);
    expect((await patch(null)).status).toBe(200);
    expect((await patch(999999)).status).toBe(400);
  });
});

describe('tags', () => {
  it('stores tags normalised, records them in the edit diff and keeps a verified claim verified', async () => {
    const c = await draft(actors.editor);
    await setStatus(c.id, 'verified');
    const out = await updateClaim({
      actor: actors.reviewer,
      id: c.id,
      input: { version: c.version, tags: ['  Elections ', 'elections', 'Budget   2024'] },
    });
    expect(out).toMatchObject({ status: 'verified', tags: ['budget 2024', 'elections'] });
    const [event] = await getDb()
      .select()
      .from(reviewEvents)
      .where(and(eq(reviewEvents.claimId, c.id), eq(reviewEvents.action, 'edited')));
    expect(event.diff).toEqual({ tags: { from: [], to: ['budget 2024', 'elections'] } });
    const again = await updateClaim({ actor: actors.reviewer, id: c.id, input: { version: out.version, tags: ['elections'] } });
    expect(again.tags).toEqual(['elections']);
  });

  it('refuses too many, too long and comma-holding tags', async () => {
    const c = await draft(actors.editor);
    const bad = async (tags: string[]) =>
      (await asyncErrorOf(() => updateClaim({ actor: actors.editor, id: c.id, input: { version: c.version, tags } }))).code;
    expect(await bad(Array.from({ length: 13 }, (_, i) => `t${i}`))).toBe('invalid');
    expect(await bad(['x'.repeat(41)])).toBe('invalid');
    expect(await bad(['a,b'])).toBe('invalid');
  });

  it('filters the board and search by tag and suggests tags, hiding hidden drafts’ tags', async () => {
    await updateSettings({ actor: actors.admin, input: { editorsSeeDrafts: false } });
    const seen = await draft(actors.editor);
    await updateClaim({ actor: actors.editor, id: seen.id, input: { version: seen.version, tags: ['elections', 'economy'] } });
    const hidden = await draft(actors.reviewer);
    await updateClaim({ actor: actors.reviewer, id: hidden.id, input: { version: hidden.version, tags: ['elections', 'secret plan'] } });
    const ids = async (actor: Actor, tag: string) => (await listClaims({ actor, input: { tag } })).items.map((x) => x.id).sort();
    expect(await ids(actors.reviewer, 'Elections')).toEqual([seen.id, hidden.id].sort());
    expect(await ids(actors.editor, 'elections')).toEqual([seen.id]);
    expect((await searchEverything({ actor: actors.editor, q: '', tag: 'elections' })).claims.map((h) => h.id)).toEqual([seen.id]);
    expect((await searchEverything({ actor: actors.reviewer, q: `Claim`, tag: 'secret plan' })).claims.map((h) => h.id)).toEqual([hidden.id]);
    expect((await searchEverything({ actor: actors.reviewer, q: 'nothingmatches', tag: 'elections' })).claims).toEqual([]);
    expect((await suggestTags({ actor: actors.editor, input: { q: 'e' } })).items).toEqual([
      { tag: 'economy', count: 1 },
      { tag: 'elections', count: 1 },
    ]);
    expect((await suggestTags({ actor: actors.reviewer, input: { q: 'E' } })).items[0]).toEqual({ tag: 'elections', count: 2 });
    expect((await suggestTags({ actor: actors.editor, input: { q: 'plan' } })).items).toEqual([]);
    expect((await suggestTags({ actor: actors.reviewer, input: { q: 'plan' } })).items).toEqual([{ tag: 'secret plan', count: 1 }]);
    expect(await getDb().$count(claims)).toBeGreaterThan(1);
  });
});

/**
 * Authorization matrix: every exported handler of app/api/**\/route.ts is called as nobody, editor, reviewer, admin
 * and a disabled admin, against a real temp database, and must answer the status in TABLE.
 *
 * Adding a row: key `'<METHOD> <route folder under app/api>'` (e.g. `'PATCH sources/[id]'`), a `setup` that creates
 * what the call needs and returns `{ params, body?, query? }`, and the expected status per role
 * (`signedIn(editor, reviewer, admin)` fills in 401 for `anon` and `disabled`). A second row for the same handler
 * carries a note in parentheses after the key (`'PATCH claims/[id] (assign)'`). setup runs before every single call,
 * so mutating calls never see each other's effects. A route file without a row, or a row without a route, fails.
 */
import { createArticle } from '@/lib/articles/create-article';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { freshDb } from './setup-db';
import { getDb } from '@/db/client';
import { claims, users, verdictScale } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { startSession } from '@/lib/auth/sessions';
import { createClaim } from '@/lib/claims/create-claim';
import { createSource } from '@/lib/sources/create-source';
import { attachSource } from '@/lib/sources/attach-source';
import { createApiToken } from '@/lib/users/create-api-token';
import { linkClaims } from '@/lib/matching/link-claims';
import { createWebhook } from '@/lib/webhooks/create-webhook';
import { resetPassword } from '@/lib/users/reset-password';
import { webhookDeliveries } from '@/db/schema';
import { session } from './session-actor-mock';
import { callRoute, discoverRouteHandlers, type RouteCall } from './route-handlers';

vi.mock('@/lib/auth/current-actor', () => import('./session-actor-mock'));

const ROLES = ['anon', 'editor', 'reviewer', 'admin', 'disabled'] as const;
type Who = (typeof ROLES)[number];
type Call = RouteCall;
type Ctx = { actors: { editor: Actor; reviewer: Actor; admin: Actor }; who: Who };
type Row = { setup?: (ctx: Ctx) => Call | Promise<Call>; expect: Record<Who, number> };

const signedIn = (editor: number, reviewer: number, admin: number): Record<Who, number> => ({
  anon: 401,
  disabled: 401,
  editor,
  reviewer,
  admin,
});

let n = 0;
const unique = () => ++n;
const draftBy = (actor: Actor) =>
  createClaim({ actor, input: { articleId: 1, start: 0, end: 12, type: 'statistic', claimText: `Claim ${unique()}` } });
const withStatus = async (actor: Actor, status: 'in_review' | 'verified') => {
  const claim = await draftBy(actor);
  await getDb().update(claims).set({ status, verdictId: 1, rationale: 'Because.' }).where(eq(claims.id, claim.id));
  return { ...claim, status };
};
const sourceBy = async (actor: Actor) => (await createSource({ actor, input: { url: `https://example.org/s/${unique()}`, title: 'S' } })).source;
const id = (v: { id: number }) => ({ id: String(v.id) });
const hookBy = (admin: Actor) =>
  createWebhook({ actor: admin, input: { url: 'https://93.184.215.14/hook', secret: 'a-long-enough-secret', events: ['claim.verified'] } });
const otherUser = async () =>
  (
    await getDb()
      .insert(users)
      .values({ email: `other${unique()}@example.com`, name: 'Other', role: 'editor', passwordHash: 'x' })
      .returning()
  )[0];

const TABLE: Record<string, Row> = {
  // The API description holds no data: public, like a login page.
  'GET openapi.json': { expect: { anon: 200, editor: 200, reviewer: 200, admin: 200, disabled: 200 } },
  'GET articles': { expect: signedIn(200, 200, 200) },
  'POST articles': { setup: () => ({ body: { format: 'text', content: 'Title\n\nSome text.' } }), expect: signedIn(201, 201, 201) },
  // Fetching is tested in url-import tests: a malformed link reaches the service's 400 for every role that may import.
  'POST articles/preview': { setup: () => ({ body: { url: 'not a link' } }), expect: signedIn(400, 400, 400) },
  'GET articles/[id]': { setup: () => ({ params: { id: '1' } }), expect: signedIn(200, 200, 200) },
  // Giving someone else's import to a third person is a reviewer's call; an editor may only take it themselves.
  'PATCH articles/[id]': {
    setup: async ({ actors }) => ({
      params: id(await createArticle({ actor: actors.admin, input: { format: 'text', content: `Assigned ${unique()}\n\nSome text.` } })),
      body: { assigneeId: (await otherUser()).id },
    }),
    expect: signedIn(403, 200, 200),
  },
  'POST articles/[id]/versions': {
    // A fresh article each call: only the latest version of an article takes new text.
    setup: async ({ actors }) => ({
      params: { id: String((await createArticle({ actor: actors.editor, input: { format: 'text', content: 'Old\n\nSome text.' } })).id) },
      body: { format: 'text', content: 'New\n\nSome other text.' },
    }),
    expect: signedIn(201, 201, 201),
  },
  // The demo article was pasted, not imported from a link: every role gets as far as that 400 (the fetch is tested elsewhere).
  'POST articles/[id]/refresh': { setup: () => ({ params: { id: '1' } }), expect: signedIn(400, 400, 400) },
  'POST articles/[id]/suggestions': { setup: () => ({ params: { id: '1' } }), expect: signedIn(200, 200, 200) },
  'POST articles/[id]/suggestions/dismissals': {
    setup: () => ({ params: { id: '1' }, body: { start: unique(), end: 1000 + unique() } }),
    expect: signedIn(204, 204, 204),
  },
  'GET claims': { expect: signedIn(200, 200, 200) },
  'POST claims': { setup: () => ({ body: { articleId: 1, start: 0, end: 5, type: 'other' } }), expect: signedIn(201, 201, 201) },
  'GET claims/[id]': { setup: async ({ actors }) => ({ params: id(await draftBy(actors.editor)) }), expect: signedIn(200, 200, 200) },
  // The demo editor wrote the claim: editors edit their own, reviewers and admins any.
  'PATCH claims/[id]': {
    setup: async ({ actors }) => ({ params: id(await draftBy(actors.editor)), body: { version: 1, claimant: 'Mayor' } }),
    expect: signedIn(200, 200, 200),
  },
  // Assigning a reviewer to someone else's claim in review: reviewers and admins only (editors assign their own).
  'PATCH claims/[id] (assign)': {
    setup: async ({ actors }) => ({ params: id(await withStatus(actors.admin, 'in_review')), body: { version: 1, assigneeId: actors.reviewer.id } }),
    expect: signedIn(403, 200, 200),
  },
  'DELETE claims/[id]': {
    setup: async ({ actors }) => ({ params: id(await draftBy(actors.reviewer)) }),
    expect: signedIn(403, 204, 204),
  },
  'GET claims/[id]/events': { setup: async ({ actors }) => ({ params: id(await draftBy(actors.editor)) }), expect: signedIn(200, 200, 200) },
  'POST claims/[id]/events': {
    setup: async ({ actors }) => ({ params: id(await draftBy(actors.editor)), body: { comment: 'Looks right.' } }),
    expect: signedIn(201, 201, 201),
  },
  // Approving someone else's claim in review: reviewers and admins only.
  'POST claims/[id]/transitions': {
    setup: async ({ actors }) => ({ params: id(await withStatus(actors.editor, 'in_review')), body: { action: 'approve', version: 1 } }),
    expect: signedIn(403, 200, 200),
  },
  'POST claims/[id]/sources': {
    setup: async ({ actors }) => ({
      params: id(await draftBy(actors.editor)),
      body: { url: `https://example.org/a/${unique()}`, relation: 'supports' },
    }),
    expect: signedIn(201, 201, 201),
  },
  'DELETE claims/[id]/sources/[sourceId]': {
    setup: async ({ actors }) => {
      const claim = await draftBy(actors.editor);
      const source = await sourceBy(actors.editor);
      await attachSource({ actor: actors.editor, claimId: claim.id, input: { sourceId: source.id, relation: 'context' } });
      return { params: { id: String(claim.id), sourceId: String(source.id) } };
    },
    expect: signedIn(204, 204, 204),
  },
  'GET claims/[id]/matches': {
    setup: async ({ actors }) => ({ params: id(await draftBy(actors.editor)), query: '?limit=5' }),
    expect: signedIn(200, 200, 200),
  },
  'GET matches': { setup: () => ({ query: '?text=bridge%20vehicles' }), expect: signedIn(200, 200, 200) },
  // Linking needs only sight of both claims: every role may say two claims are one.
  'POST claims/[id]/links': {
    setup: async ({ actors }) => ({
      params: id(await draftBy(actors.editor)),
      body: { claimId: (await withStatus(actors.reviewer, 'verified')).id },
    }),
    expect: signedIn(201, 201, 201),
  },
  'DELETE claims/[id]/links/[otherId]': {
    setup: async ({ actors }) => {
      const a = await draftBy(actors.editor);
      const b = await withStatus(actors.reviewer, 'verified');
      await linkClaims({ actor: actors.reviewer, claimId: a.id, input: { claimId: b.id } });
      return { params: { id: String(a.id), otherId: String(b.id) } };
    },
    expect: signedIn(204, 204, 204),
  },
  // Reusing edits the draft: its author (the demo editor) and reviewers/admins may, like PATCH.
  'POST claims/[id]/reuse': {
    setup: async ({ actors }) => ({
      params: id(await draftBy(actors.editor)),
      body: { fromClaimId: (await withStatus(actors.reviewer, 'verified')).id, version: 1, confirmVariant: true },
    }),
    expect: signedIn(200, 200, 200),
  },
  'GET sources': { expect: signedIn(200, 200, 200) },
  'POST sources': { setup: () => ({ body: { url: `https://example.org/n/${unique()}` } }), expect: signedIn(201, 201, 201) },
  'GET sources/[id]': { setup: async ({ actors }) => ({ params: id(await sourceBy(actors.editor)) }), expect: signedIn(200, 200, 200) },
  // Added by the reviewer: another editor may not edit it, reviewers may, only its adder or an admin may delete it.
  'PATCH sources/[id]': {
    setup: async ({ actors }) => ({ params: id(await sourceBy(actors.reviewer)), body: { title: 'Renamed' } }),
    expect: signedIn(403, 200, 200),
  },
  'DELETE sources/[id]': { setup: async ({ actors }) => ({ params: id(await sourceBy(actors.reviewer)) }), expect: signedIn(403, 204, 204) },
  'GET verdicts': { expect: signedIn(200, 200, 200) },
  'POST verdicts': {
    setup: () => ({ body: { label: `Verdict ${unique()}`, color: '#123456', rating: 3 } }),
    expect: signedIn(403, 403, 201),
  },
  'PATCH verdicts/[id]': { setup: () => ({ params: { id: '1' }, body: { color: '#654321' } }), expect: signedIn(403, 403, 200) },
  'DELETE verdicts/[id]': {
    setup: async () => ({
      params: id(
        (
          await getDb()
            .insert(verdictScale)
            .values({ label: `Unused ${unique()}`, rating: 1, color: '#000000', sort: 99 })
            .returning()
        )[0],
      ),
    }),
    expect: signedIn(403, 403, 204),
  },
  'POST verdicts/reorder': {
    setup: async () => ({
      body: { ids: (await getDb().select({ id: verdictScale.id }).from(verdictScale).orderBy(verdictScale.sort)).map((v) => v.id).reverse() },
    }),
    expect: signedIn(403, 403, 200),
  },
  'GET export': { setup: () => ({ query: '?format=json' }), expect: signedIn(200, 200, 200) },
  'GET export/count': { expect: signedIn(200, 200, 200) },
  // An event stream that stays open: the test cancels it once the status is known.
  'GET stream': { setup: () => ({ query: '?lastEventId=0' }), expect: signedIn(200, 200, 200) },
  'GET search': { setup: () => ({ query: '?q=bridge' }), expect: signedIn(200, 200, 200) },
  'GET tags': { setup: () => ({ query: '?q=ele' }), expect: signedIn(200, 200, 200) },
  'PATCH settings': { setup: () => ({ body: { orgName: `Desk ${unique()}` } }), expect: signedIn(403, 403, 200) },
  'GET audit': { setup: () => ({ query: '?limit=5' }), expect: signedIn(403, 403, 200) },
  'GET users': { expect: signedIn(403, 403, 200) },
  'POST users': {
    setup: () => ({ body: { email: `new${unique()}@example.com`, name: 'New Person', role: 'editor' } }),
    expect: signedIn(403, 403, 201),
  },
  // A throwaway user as the target: resetting a demo user's password would sign that role out of later rows.
  'GET users/[id]': { setup: async () => ({ params: id(await otherUser()) }), expect: signedIn(403, 403, 200) },
  'PATCH users/[id]': { setup: async () => ({ params: id(await otherUser()), body: { role: 'reviewer' } }), expect: signedIn(403, 403, 200) },
  'POST users/[id]/password': { setup: async () => ({ params: id(await otherUser()), body: {} }), expect: signedIn(403, 403, 200) },
  'GET users/[id]/tokens': { setup: async () => ({ params: id(await otherUser()) }), expect: signedIn(403, 403, 200) },
  'DELETE users/[id]/tokens/[tokenId]': {
    setup: async () => {
      const user = await otherUser();
      const token = await createApiToken({ actor: { id: user.id, role: user.role, name: user.name, email: user.email }, input: { name: 'x' } });
      return { params: { id: String(user.id), tokenId: String(token.id) } };
    },
    expect: signedIn(403, 403, 204),
  },
  // Personal resources: every signed-in user manages their own.
  'GET tokens': { expect: signedIn(200, 200, 200) },
  'POST tokens': { setup: () => ({ body: { name: 'script' } }), expect: signedIn(201, 201, 201) },
  'DELETE tokens/[id]': {
    // The token belongs to the caller when there is one, so each role revokes its own.
    setup: async ({ actors, who }) => {
      const owner = who === 'editor' || who === 'reviewer' || who === 'admin' ? actors[who] : actors.editor;
      return { params: id(await createApiToken({ actor: owner, input: { name: 'x' } })) };
    },
    expect: signedIn(204, 204, 204),
  },
  // Webhooks are admin settings; the receiver address is public (a private one is refused, see webhooks.test.ts).
  'GET webhooks': { expect: signedIn(403, 403, 200) },
  'POST webhooks': {
    setup: () => ({ body: { url: 'https://93.184.215.14/hook', secret: 'a-long-enough-secret', events: ['claim.verified'] } }),
    expect: signedIn(403, 403, 201),
  },
  'PATCH webhooks/[id]': {
    setup: async ({ actors }) => ({ params: id(await hookBy(actors.admin)), body: { active: false } }),
    expect: signedIn(403, 403, 204),
  },
  'DELETE webhooks/[id]': { setup: async ({ actors }) => ({ params: id(await hookBy(actors.admin)) }), expect: signedIn(403, 403, 204) },
  'GET webhooks/[id]/deliveries': { setup: async ({ actors }) => ({ params: id(await hookBy(actors.admin)) }), expect: signedIn(403, 403, 200) },
  'POST webhooks/[id]/deliveries/[deliveryId]/resend': {
    setup: async ({ actors }) => {
      const hook = await hookBy(actors.admin);
      const [d] = await getDb()
        .insert(webhookDeliveries)
        .values({ webhookId: hook.id, event: 'claim.verified', payload: {}, status: 'failed', nextAttemptAt: new Date() })
        .returning();
      return { params: { id: String(hook.id), deliveryId: String(d.id) } };
    },
    expect: signedIn(403, 403, 201),
  },
  // The verified feed is what every role may export (verified claims), usually read with a personal token.
  'GET feeds/verified': { setup: () => ({ query: '?since=0' }), expect: signedIn(200, 200, 200) },
  'POST account/password': {
    setup: () => ({ body: { currentPassword: 'wrong-password', newPassword: 'a long new passphrase' } }),
    // A signed-in user reaches the service, which refuses the wrong current password.
    expect: signedIn(400, 400, 400),
  },
  'PUT account/shortcuts': { setup: () => ({ body: { enabled: true, keys: { 'text.next': 'm' } } }), expect: signedIn(200, 200, 200) },
  // Anonymous: a live one-time link (of a throwaway user) is the credential, whoever's session comes with it.
  'POST set-password': {
    setup: async ({ actors }) => {
      const { setPasswordLink } = await resetPassword({ actor: actors.admin, id: (await otherUser()).id, input: {} });
      return { body: { token: new URL(setPasswordLink!, 'http://localhost').searchParams.get('token'), password: 'a long new passphrase' } };
    },
    expect: { anon: 200, editor: 200, reviewer: 200, admin: 200, disabled: 200 },
  },
  // Notifications and their settings are each user's own; mention suggestions are for every signed-in user.
  'GET notifications': { setup: () => ({ query: '?limit=5' }), expect: signedIn(200, 200, 200) },
  'POST notifications/read': { setup: () => ({ body: { all: true } }), expect: signedIn(200, 200, 200) },
  'GET account/notifications': { expect: signedIn(200, 200, 200) },
  'PUT account/notifications': { setup: () => ({ body: { off: [] } }), expect: signedIn(200, 200, 200) },
  'GET mentions': { setup: () => ({ query: '?q=rev' }), expect: signedIn(200, 200, 200) },
};

/** The handler a row calls: its key without the note in parentheses. */
const handlerKey = (key: string) => key.replace(/ \(.*\)$/, '');

let handlers: Awaited<ReturnType<typeof discoverRouteHandlers>>;
let ctx: Omit<Ctx, 'who'>;
const sids = {} as Record<Who, string | null>;

beforeAll(async () => {
  const { actors } = await freshDb();
  ctx = { actors };
  const db = getDb();
  const [disabled] = await db.insert(users).values({ email: 'gone@example.com', name: 'Former Admin', role: 'admin', passwordHash: 'x' }).returning();
  Object.assign(sids, {
    anon: null,
    editor: await startSession(actors.editor.id),
    reviewer: await startSession(actors.reviewer.id),
    admin: await startSession(actors.admin.id),
    disabled: await startSession(disabled.id),
  });
  // Disabled after the session started: the session they hold must stop working.
  await db.update(users).set({ disabled: true }).where(eq(users.id, disabled.id));
  handlers = await discoverRouteHandlers();
});

describe('authorization matrix', () => {
  it('has exactly one row per route handler under app/api', () => {
    const routes = [...handlers.keys()].sort();
    expect(
      routes.filter((r) => !(r in TABLE)),
      'route handlers without a row in TABLE',
    ).toEqual([]);
    expect(
      Object.keys(TABLE).filter((r) => !handlers.has(handlerKey(r))),
      'rows in TABLE without a route handler',
    ).toEqual([]);
  });

  const cases = Object.entries(TABLE).flatMap(([key, row]) => ROLES.map((who) => [key, who, row] as const));
  it.each(cases)('%s as %s answers the expected status', async (key, who, row) => {
    const handler = handlers.get(handlerKey(key));
    expect(handler, `no handler for ${key}`).toBeDefined();
    const call = (await row.setup?.({ ...ctx, who })) ?? {};
    session.sid = sids[who];
    const res = await callRoute(key, handler!, call);
    const detail = res.status === row.expect[who] ? '' : await res.text();
    // Answers left unread (the live stream would never end) are cancelled, so nothing keeps running after the row.
    if (!res.bodyUsed) await res.body?.cancel();
    expect(res.status, `${key} as ${who}: ${detail}`).toBe(row.expect[who]);
  });
});

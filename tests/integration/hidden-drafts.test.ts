/**
 * Hidden drafts stay hidden on every path. With `editors_see_drafts` off, editor A writes a draft (cited sources with
 * an excerpt, a comment, history); editor B then calls every API route handler (discovered like the authorization
 * matrix, so a new route without a row here fails). No answer may contain the draft's claim text, claimant, excerpt,
 * comment or rationale, and every write that names the draft is a 404 that stores nothing.
 */
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { freshDb } from './setup-db';
import { dbEngine, getDb, queryRows } from '@/db/client';
import { claims, claimSources, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { startSession } from '@/lib/auth/sessions';
import { createArticle } from '@/lib/articles/create-article';
import { createClaim } from '@/lib/claims/create-claim';
import { updateClaim } from '@/lib/claims/update-claim';
import { attachSource } from '@/lib/sources/attach-source';
import { createSource } from '@/lib/sources/create-source';
import { commentOnClaim } from '@/lib/review/comment-claim';
import { updateSettings } from '@/lib/settings/update-settings';
import { listArticles } from '@/lib/articles/list-articles';
import { claimStats } from '@/lib/review/claim-stats';
import { filterOptions } from '@/lib/review/filter-options';
import { claimTotals, countClaimsByStatus } from '@/lib/claims/list-claims';
import { resolveFilters } from '@/lib/export/export-filters';
import { openExportReader } from '@/lib/export/export-reader';
import { streamClaims } from '@/lib/export/stream-claims';
import { session } from './session-actor-mock';
import { callRoute, discoverRouteHandlers, type RouteCall, type RouteHandler } from './route-handlers';

vi.mock('@/lib/auth/current-actor', () => import('./session-actor-mock'));

/** Words that exist only in the hidden draft (claim text, claimant, excerpt, comment, rationale). */
const MARKERS = ['Zorblattine', 'Vexmoorley', 'Marrowbeckian', 'Brindlefaxer', 'Snorkelwidge'];
const [TEXT_WORD, CLAIMANT_WORD, EXCERPT_WORD] = MARKERS;

type Handler = RouteHandler;
type Call = RouteCall;
/** `names`: the call names the hidden draft, so it must be a 404 that changes nothing. */
type Row = { calls: () => Call[]; names?: boolean };

let handlers: Map<string, Handler>;
let world: {
  hidden: number;
  bClaim: number;
  article: number;
  ownSource: number;
  sharedSource: number;
  version: number;
  editorB: Actor;
  reviewer: Actor;
  sidA: string;
  sidB: string;
};

let n = 0;
const unique = () => ++n;

const hidden = () => ({ id: String(world.hidden) });
const searches = MARKERS.map((w) => `?q=${w}`);

/** Every route handler as editor B. Reads and writes that do not name the draft only have to keep it out of their answer. */
const TABLE: Record<string, Row> = {
  'GET openapi.json': { calls: () => [{}] },
  'GET articles': { calls: () => [{}] },
  'POST articles': { calls: () => [{ body: { format: 'text', content: `B's piece ${unique()}\n\nSome text.` } }] },
  'POST articles/preview': { calls: () => [{ body: { url: 'not a link' } }] },
  'GET articles/[id]': { calls: () => [{ params: { id: String(world.article) } }] },
  'PATCH articles/[id]': { calls: () => [{ params: { id: String(world.article) }, body: { assigneeId: world.editorB.id } }] },
  'POST articles/[id]/suggestions': { calls: () => [{ params: { id: String(world.article) } }] },
  'POST articles/[id]/suggestions/dismissals': { calls: () => [{ params: { id: String(world.article) }, body: { start: 0, end: 4 } }] },
  'POST articles/[id]/refresh': { calls: () => [{ params: { id: String(world.article) } }] },
  'POST articles/[id]/versions': {
    calls: () => [
      {
        params: { id: String(world.article) },
        body: { format: 'text', content: 'Harbour notes\n\nThe new tunnel cost 40 million pounds, officials said.' },
      },
    ],
  },
  'GET claims': { calls: () => [{}, ...searches.map((query) => ({ query })), { query: '?status=draft' }, { query: `?articleId=${world.article}` }] },
  'POST claims': { calls: () => [{ body: { articleId: 1, start: 0, end: 5, type: 'other' } }] },
  'GET claims/[id]': { names: true, calls: () => [{ params: hidden() }] },
  'PATCH claims/[id]': {
    names: true,
    calls: () => [
      { params: hidden(), body: { version: world.version, claimant: 'B was here' } },
      // A stale version must not turn into a 409 that names the draft's last editor.
      { params: hidden(), body: { version: world.version + 7, claimant: 'B was here' } },
      { params: hidden(), body: { version: world.version, assigneeId: world.editorB.id } },
      { params: hidden(), body: { version: world.version, tags: ['b tag'] } },
    ],
  },
  'DELETE claims/[id]': { names: true, calls: () => [{ params: hidden() }] },
  'GET claims/[id]/events': { names: true, calls: () => [{ params: hidden() }, { params: hidden(), query: '?limit=5' }] },
  'POST claims/[id]/events': { names: true, calls: () => [{ params: hidden(), body: { comment: 'B comments' } }] },
  'POST claims/[id]/transitions': {
    names: true,
    calls: () =>
      (['submit', 'approve', 'request_changes', 'reject', 'reopen'] as const).map((action) => ({
        params: hidden(),
        body: { action, version: world.version, comment: 'Because.' },
      })),
  },
  'POST claims/[id]/sources': {
    names: true,
    calls: () => [
      { params: hidden(), body: { url: `https://b.example/new-${unique()}`, relation: 'supports', excerpt: 'B quote' } },
      { params: hidden(), body: { sourceId: world.sharedSource, relation: 'context' } },
    ],
  },
  'DELETE claims/[id]/sources/[sourceId]': {
    names: true,
    calls: () => [{ params: { ...hidden(), sourceId: String(world.ownSource) } }, { params: { ...hidden(), sourceId: String(world.sharedSource) } }],
  },
  'GET claims/[id]/matches': { names: true, calls: () => [{ params: hidden() }] },
  'POST claims/[id]/links': { names: true, calls: () => [{ params: hidden(), body: { claimId: world.bClaim } }] },
  'DELETE claims/[id]/links/[otherId]': { names: true, calls: () => [{ params: { ...hidden(), otherId: String(world.bClaim) } }] },
  'POST claims/[id]/reuse': { names: true, calls: () => [{ params: hidden(), body: { fromClaimId: world.bClaim, version: world.version } }] },
  'GET matches': { calls: () => MARKERS.map((w) => ({ query: `?text=${w}` })) },
  'GET sources': { calls: () => [{}, { query: '?q=hidden' }, { query: '?q=shared' }] },
  'POST sources': { calls: () => [{ body: { url: `https://b.example/n/${unique()}` } }] },
  'GET sources/[id]': { calls: () => [{ params: { id: String(world.ownSource) } }, { params: { id: String(world.sharedSource) } }] },
  'PATCH sources/[id]': { calls: () => [{ params: { id: String(world.sharedSource) }, body: { title: 'Shared report, renamed' } }] },
  'DELETE sources/[id]': { calls: () => [{ params: { id: String(world.sharedSource) } }] },
  'GET verdicts': { calls: () => [{}] },
  'POST verdicts': { calls: () => [{ body: { label: `V${unique()}`, color: '#123456', rating: 3 } }] },
  'PATCH verdicts/[id]': { calls: () => [{ params: { id: '1' }, body: { color: '#654321' } }] },
  'DELETE verdicts/[id]': { calls: () => [{ params: { id: '1' } }] },
  'POST verdicts/reorder': { calls: () => [{ body: { ids: [1] } }] },
  'GET export': {
    calls: () => ['json', 'csv', 'claimreview', 'webannotation'].flatMap((f) => [{ query: `?format=${f}` }, { query: `?format=${f}&status=all` }]),
  },
  'GET stream': { calls: () => [{ query: '?lastEventId=0' }, { query: `?articleId=${world.article}&lastEventId=0` }] },
  'GET export/count': { calls: () => [{}, { query: '?status=draft' }, { query: `?article=${world.article}` }] },
  // Searching for the sources' titles lists the claims citing them: the sources part of the answer.
  'GET tags': { calls: () => [{}, ...MARKERS.map((w) => ({ query: `?q=${w.slice(0, 3)}` }))] },
  'GET search': { calls: () => [...searches, '?q=shared', '?q=filing'].map((query) => ({ query })) },
  'GET users': { calls: () => [{}] },
  'POST users': { calls: () => [{ body: { email: `x${unique()}@example.com`, name: 'X', role: 'editor' } }] },
  'GET users/[id]': { calls: () => [{ params: { id: String(world.editorB.id) } }] },
  'PATCH users/[id]': { calls: () => [{ params: { id: String(world.editorB.id) }, body: { name: 'B' } }] },
  'POST users/[id]/password': { calls: () => [{ params: { id: String(world.editorB.id) }, body: {} }] },
  'GET users/[id]/tokens': { calls: () => [{ params: { id: String(world.editorB.id) } }] },
  'DELETE users/[id]/tokens/[tokenId]': { calls: () => [{ params: { id: String(world.editorB.id), tokenId: '999' } }] },
  'GET audit': { calls: () => [{}, ...MARKERS.map((w) => ({ query: `?action=${w}` }))] },
  'GET tokens': { calls: () => [{}] },
  'POST tokens': { calls: () => [{ body: { name: 'script' } }] },
  'DELETE tokens/[id]': { calls: () => [{ params: { id: '999' } }] },
  'POST account/password': { calls: () => [{ body: { currentPassword: 'wrong-password', newPassword: 'a long new passphrase' } }] },
  'PUT account/shortcuts': { calls: () => [{ body: { enabled: true, keys: {} } }] },
  'POST set-password': { calls: () => [{ body: { token: 'no-such-link', password: 'a long new passphrase' } }] },
  // Admin only: a 403 for editor B that must not switch drafts back on.
  'PATCH settings': { calls: () => [{ body: { orgName: 'B desk', editorsSeeDrafts: true } }] },
  // B was @mentioned on the draft while editors could still see drafts: the notification must not show it now.
  'GET notifications': { calls: () => [{}, { query: '?unread=true' }] },
  'POST notifications/read': { calls: () => [{ body: { all: true } }] },
  'GET account/notifications': { calls: () => [{}] },
  'PUT account/notifications': { calls: () => [{ body: { off: [] } }] },
  'GET mentions': { calls: () => [{}, ...MARKERS.map((w) => ({ query: `?q=${w}` }))] },
  // Admin only (403 for editor B); the feed lists verified claims, and withdrawn ones by id only.
  'GET webhooks': { calls: () => [{}] },
  'POST webhooks': { calls: () => [{ body: { url: 'https://93.184.215.14/hook', secret: 'a-long-enough-secret', events: ['claim.verified'] } }] },
  'PATCH webhooks/[id]': { calls: () => [{ params: { id: '1' }, body: { active: false } }] },
  'DELETE webhooks/[id]': { calls: () => [{ params: { id: '1' } }] },
  'GET webhooks/[id]/deliveries': { calls: () => [{ params: { id: '1' } }] },
  'POST webhooks/[id]/deliveries/[deliveryId]/resend': { calls: () => [{ params: { id: '1', deliveryId: '1' } }] },
  'GET feeds/verified': { calls: () => [{}, { query: '?since=0&limit=500' }] },
};

async function send(key: string, call: Call, sid: string): Promise<{ status: number; text: string }> {
  session.sid = sid;
  const res = await callRoute(key, handlers.get(key)!, call);
  const stream = res.headers.get('content-type')?.startsWith('text/event-stream');
  return { status: res.status, text: stream ? await readUntilReady(res) : await res.text() };
}

/** A live stream's text up to its `ready` event (everything it caught up on since the event id asked for). */
async function readUntilReady(res: Response): Promise<string> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  while (!text.includes('event: ready')) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  await reader.cancel();
  return text;
}

/** Everything a write could have changed: row counts of every table and the draft with its links. */
async function snapshot() {
  const db = getDb();
  const tableList =
    dbEngine() === 'postgres'
      ? sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`
      : sql`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '%fts%'`;
  const tables = (await queryRows<{ name: string }>(db, tableList)).map((t) => t.name).sort();
  const counts: Record<string, number> = {};
  for (const t of tables) {
    counts[t] = (await queryRows<{ n: number }>(db, sql`select cast(count(*) as integer) as n from ${sql.identifier(t)}`))[0].n;
  }
  return {
    counts,
    claim: (await db.select().from(claims).where(eq(claims.id, world.hidden)))[0],
    links: await db.select().from(claimSources).where(eq(claimSources.claimId, world.hidden)),
  };
}

const leaks = (text: string) => MARKERS.filter((m) => text.toLowerCase().includes(m.toLowerCase()));

beforeAll(async () => {
  const { actors } = await freshDb();
  const editorA = actors.editor;
  const [row] = await getDb().insert(users).values({ email: 'b@example.com', name: 'Bea Second', role: 'editor', passwordHash: 'x' }).returning();
  const editorB: Actor = { id: row.id, role: 'editor', name: row.name, email: row.email };
  const content = 'Harbour notes\n\nThe new tunnel cost 40 million pounds, officials said. Traffic fell by a third.';
  const article = (await createArticle({ actor: editorA, input: { format: 'text', content } })).id;
  // B cites a shared source from a visible claim of their own; A's hidden draft cites it too.
  const shared = (await createSource({ actor: editorB, input: { url: 'https://shared.example/report', title: 'Shared report' } })).source;
  const bClaim = await createClaim({ actor: editorB, input: { articleId: article, start: 0, end: 13, type: 'other', claimText: 'B owns this one' } });
  await attachSource({ actor: editorB, claimId: bClaim.id, input: { sourceId: shared.id, relation: 'context', excerpt: 'B excerpt' } });

  const text = 'The new tunnel cost 40 million pounds';
  const start = content.split('\n\n')[1].indexOf(text) + 'Harbour notes\n\n'.length;
  let draft = await createClaim({
    actor: editorA,
    input: {
      articleId: article,
      start,
      end: start + text.length,
      type: 'statistic',
      claimText: `${TEXT_WORD} tunnel cost`,
      claimant: `Mayor ${CLAIMANT_WORD}`,
    },
  });
  draft = await updateClaim({ actor: editorA, id: draft.id, input: { version: draft.version, rationale: `Per the ${MARKERS[4]} filing.` } });
  draft = await updateClaim({ actor: editorA, id: draft.id, input: { version: draft.version, tags: [`${CLAIMANT_WORD} tag`] } });
  const own = await attachSource({
    actor: editorA,
    claimId: draft.id,
    input: {
      url: 'https://hidden.example/filing',
      title: 'Filing',
      relation: 'supports',
      excerpt: `The ${EXCERPT_WORD} line`,
      version: draft.version,
    },
  });
  draft = (
    await attachSource({
      actor: editorA,
      claimId: draft.id,
      input: { sourceId: shared.id, relation: 'refutes', excerpt: `Also ${EXCERPT_WORD}`, version: own.claim.version },
    })
  ).claim;
  await commentOnClaim({ actor: editorA, id: draft.id, input: { comment: `Check ${MARKERS[3]} again` } });
  await commentOnClaim({ actor: editorA, id: draft.id, input: { comment: `@b see the ${MARKERS[3]} note` } });
  await updateSettings({ actor: actors.admin, input: { editorsSeeDrafts: false } });
  world = {
    hidden: draft.id,
    bClaim: bClaim.id,
    article,
    ownSource: own.sourceId,
    sharedSource: shared.id,
    version: draft.version,
    editorB,
    reviewer: actors.reviewer,
    sidA: await startSession(editorA.id),
    sidB: await startSession(editorB.id),
  };
  handlers = await discoverRouteHandlers();
});

describe('a draft hidden by editors_see_drafts', () => {
  it('has a row here for every route handler under app/api', () => {
    expect(
      [...handlers.keys()].filter((k) => !(k in TABLE)),
      'routes without a row',
    ).toEqual([]);
    expect(
      Object.keys(TABLE).filter((k) => !handlers.has(k)),
      'rows without a route',
    ).toEqual([]);
  });

  it('is visible to its author through the same reads (so the markers are really there to leak)', async () => {
    const seen = new Set<string>();
    for (const [key, call] of [
      ['GET claims/[id]', { params: hidden() }],
      ['GET claims/[id]/events', { params: hidden() }],
      ['GET sources/[id]', { params: { id: String(world.sharedSource) } }],
      ['GET sources', {}],
      ...searches.map((query) => ['GET search', { query }] as const),
    ] as const) {
      for (const m of leaks((await send(key, call, world.sidA)).text)) seen.add(m);
    }
    expect([...seen].sort()).toEqual([...MARKERS].sort());
  });

  it('answers 404 to every call of another editor that names it, and stores nothing', async () => {
    const before = await snapshot();
    const problems: string[] = [];
    for (const [key, row] of Object.entries(TABLE).filter(([, r]) => r.names)) {
      for (const call of row.calls()) {
        const res = await send(key, call, world.sidB);
        if (res.status !== 404) problems.push(`${key} ${JSON.stringify(call.body ?? call.query ?? '')} -> ${res.status} ${res.text.slice(0, 120)}`);
        if (leaks(res.text).length) problems.push(`${key} leaks ${leaks(res.text)}`);
      }
    }
    expect(problems).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it('never appears in any other answer to another editor, and sources count only what they may see', async () => {
    const problems: string[] = [];
    for (const [key, row] of Object.entries(TABLE).filter(([, r]) => !r.names)) {
      for (const call of row.calls()) {
        const res = await send(key, call, world.sidB);
        if (res.status >= 500) problems.push(`${key} ${JSON.stringify(call)} -> ${res.status}`);
        if (leaks(res.text).length) problems.push(`${key} ${JSON.stringify(call.query ?? call.params ?? '')} leaks ${leaks(res.text)}`);
        if (
          key === 'GET sources/[id]' &&
          (JSON.parse(res.text) as { citations: { claimId: number }[] }).citations.some((c) => c.claimId === world.hidden)
        ) {
          problems.push(`${key} lists the hidden draft among its citations`);
        }
        if (key === 'GET stream' && (!res.text.includes('event: ready') || res.text.includes(`"claimId":${world.hidden},`))) {
          problems.push(`${key} ${call.query} names the hidden draft or did not catch up: ${res.text.slice(0, 200)}`);
        }
        if (key === 'DELETE sources/[id]' && !/cited by 1 claim;/.test(res.text)) problems.push(`${key} counts hidden citations: ${res.text}`);
        if (key === 'POST articles/[id]/versions') {
          // B's own claim is the only one B may know of on this article.
          const r = JSON.parse(res.text) as { kept: number; moved: number; fuzzy: number; orphaned: number };
          if (r.kept + r.moved + r.fuzzy + r.orphaned !== 1) problems.push(`${key} counts hidden claims: ${res.text}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('is left out of dashboard counts, charts and the author filter', async () => {
    const { editorB: b, reviewer } = world;
    const drafts = async (actor: Actor) => (await listArticles({ actor })).reduce((sum, a) => sum + a.claimCounts.draft, 0);
    const charted = async (actor: Actor) => (await claimStats({ actor })).byStatus.reduce((sum, w) => sum + (w.counts.draft ?? 0), 0);
    // The reviewer sees every draft; B sees all of them but A's.
    expect((await drafts(reviewer)) - (await drafts(b))).toBe(1);
    expect((await charted(reviewer)) - (await charted(b))).toBe(1);
    expect((await claimTotals({ actor: reviewer })).draft - (await claimTotals({ actor: b })).draft).toBe(1);
    // The board's counts under a filter the trigger-kept counts do not cover are read from the claims themselves.
    const filtered = async (actor: Actor) => {
      const counts = await countClaimsByStatus({ actor, input: { assignee: 'none' } });
      return counts.capped ? NaN : counts.draft;
    };
    expect((await filtered(reviewer)) - (await filtered(b))).toBe(1);
    // Editors may export verified claims only, but the export query applies the rule too: widened to drafts by
    // hand, it still yields B's own draft and never A's.
    const reader = await openExportReader();
    try {
      const ids: number[] = [];
      for await (const c of streamClaims(reader, { ...(await resolveFilters(b, {})), statuses: ['draft'] })) ids.push(c.id);
      expect(ids).not.toContain(world.hidden);
      expect(ids.length).toBeGreaterThan(0);
    } finally {
      await reader.close();
    }
    const [row] = await getDb()
      .insert(users)
      .values({ email: 'c@example.com', name: 'Cato Onlydrafts', role: 'editor', passwordHash: 'x' })
      .returning();
    await createClaim({
      actor: { id: row.id, role: 'editor', name: row.name, email: row.email },
      input: { articleId: 1, start: 0, end: 5, type: 'other' },
    });
    expect((await filterOptions({ actor: reviewer })).authors.map((a) => a.name)).toContain('Cato Onlydrafts');
    expect((await filterOptions({ actor: b })).authors.map((a) => a.name)).not.toContain('Cato Onlydrafts');
  });
});

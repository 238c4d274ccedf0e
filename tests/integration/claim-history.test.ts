/** History that cannot explode: source events store only the change, sources per claim are capped, long histories page. */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { freshDb } from './setup-db';
import { asyncErrorOf } from './app-error';
import { getDb } from '@/db/client';
import { claimSources, reviewEvents } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { startSession } from '@/lib/auth/sessions';
import { createClaim } from '@/lib/claims/create-claim';
import { attachSource } from '@/lib/sources/attach-source';
import { detachSource } from '@/lib/sources/detach-source';
import { commentOnClaim } from '@/lib/review/comment-claim';
import { MAX_SOURCES_PER_CLAIM } from '@/lib/sources/limits';
import { listEvents, listLatestEvents } from '@/lib/review/list-events';
import { ClaimHistory } from '@/components/claims/claim-history';
import * as eventsRoute from '@/app/api/claims/[id]/events/route';
import { session } from './session-actor-mock';

vi.mock('@/lib/auth/current-actor', () => import('./session-actor-mock'));

let editor: Actor;
let n = 0;
const newClaim = () => createClaim({ actor: editor, input: { articleId: 1, start: 0, end: 12, type: 'other', claimText: `History ${++n}` } });
const attach = (claimId: number, i: number) =>
  attachSource({ actor: editor, claimId, input: { url: `https://s.example/${claimId}/${i}`, relation: 'supports' } });
const eventsOf = (claimId: number) => getDb().select().from(reviewEvents).where(eq(reviewEvents.claimId, claimId)).orderBy(reviewEvents.id);

async function getEvents(id: number, query = '') {
  const res = await eventsRoute.GET(new Request(`http://localhost/api/claims/${id}/events${query}`), { params: Promise.resolve({ id: String(id) }) });
  return { status: res.status, body: (await res.json()) as unknown };
}

beforeAll(async () => {
  ({
    actors: { editor },
  } = await freshDb());
  session.sid = await startSession(editor.id);
});

describe('source changes in history', () => {
  it('store only the source added or removed, not the whole list', async () => {
    const claim = await newClaim();
    for (let i = 0; i < 5; i++) await attach(claim.id, i);
    await detachSource({ actor: editor, claimId: claim.id, sourceId: (await attach(claim.id, 5)).sourceId });
    const diffs = (await eventsOf(claim.id)).slice(1).map((e) => e.diff);
    expect(diffs.slice(0, 6)).toEqual([0, 1, 2, 3, 4, 5].map((i) => ({ sources: { added: [`https://s.example/${claim.id}/${i}`], removed: [] } })));
    expect(diffs[6]).toEqual({ sources: { added: [], removed: [`https://s.example/${claim.id}/5`] } });
  });

  it(`refuse source number ${MAX_SOURCES_PER_CLAIM + 1} on one claim with a 400 naming the limit, storing nothing`, async () => {
    const claim = await newClaim();
    for (let i = 0; i < MAX_SOURCES_PER_CLAIM; i++) await attach(claim.id, i);
    const events = (await eventsOf(claim.id)).length;
    const error = await asyncErrorOf(() => attach(claim.id, MAX_SOURCES_PER_CLAIM));
    expect(error.code).toBe('invalid');
    expect(error.message).toContain(`at most ${MAX_SOURCES_PER_CLAIM} sources`);
    expect(await getDb().select().from(claimSources).where(eq(claimSources.claimId, claim.id))).toHaveLength(MAX_SOURCES_PER_CLAIM);
    expect(await eventsOf(claim.id)).toHaveLength(events);
    // Each event holds one URL, so the history grows linearly with the attachments, not quadratically.
    const largest = Math.max(...(await eventsOf(claim.id)).map((e) => JSON.stringify(e.diff ?? {}).length));
    expect(largest).toBeLessThan(200);
  });
});

describe('GET /api/claims/:id/events', () => {
  it('without paging parameters still returns the whole history as an array, oldest first', async () => {
    const claim = await newClaim();
    await commentOnClaim({ actor: editor, id: claim.id, input: { comment: 'first' } });
    const res = await getEvents(claim.id);
    expect(res.status).toBe(200);
    expect((res.body as { action: string }[]).map((e) => e.action)).toEqual(['created', 'commented']);
  });

  it('pages oldest first with cursor and limit, and the pages add up to the whole history', async () => {
    const claim = await newClaim();
    for (let i = 0; i < 6; i++) await commentOnClaim({ actor: editor, id: claim.id, input: { comment: `c${i}` } });
    const all = (await listEvents({ actor: editor, id: claim.id })).map((e) => e.id);
    const seen: number[] = [];
    let query = '?limit=3';
    for (;;) {
      const res = await getEvents(claim.id, query);
      expect(res.status).toBe(200);
      const page = res.body as { items: { id: number }[]; nextCursor: string | null };
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((e) => e.id));
      if (!page.nextCursor) break;
      query = `?limit=3&cursor=${page.nextCursor}`;
    }
    expect(seen).toEqual(all);
    expect(all).toHaveLength(7);
  });

  it.each(['?cursor=abc', '?limit=0', '?limit=100000', '?order=desc'])('answers 400 to %s', async (query) => {
    expect((await getEvents((await newClaim()).id, query)).status).toBe(400);
  });
});

describe('the claim page history', () => {
  it('shows the latest events oldest first, with a cursor to page back through older ones', async () => {
    const claim = await newClaim();
    for (let i = 0; i < 7; i++) await commentOnClaim({ actor: editor, id: claim.id, input: { comment: `c${i}` } });
    const all = (await listEvents({ actor: editor, id: claim.id })).map((e) => e.id);
    const latest = await listLatestEvents({ actor: editor, id: claim.id, limit: 3 });
    expect(latest.items.map((e) => e.id)).toEqual(all.slice(-3));
    const older = await listLatestEvents({ actor: editor, id: claim.id, limit: 3, before: Number(latest.olderCursor) });
    expect(older.items.map((e) => e.id)).toEqual(all.slice(-6, -3));
    const oldest = await listLatestEvents({ actor: editor, id: claim.id, limit: 3, before: Number(older.olderCursor) });
    expect(oldest.items.map((e) => e.id)).toEqual(all.slice(0, 2));
    expect(oldest.olderCursor).toBeNull();
  });

  it('renders the added/removed shape and old whole-list events as the same kind of list diff', () => {
    const base = {
      actorId: 1,
      actorName: 'Ed',
      comment: '',
      fromStatus: 'draft',
      toStatus: 'draft',
      action: 'edited',
      createdAt: new Date(0),
    } as const;
    const html = renderToStaticMarkup(
      createElement(ClaimHistory, {
        verdicts: {},
        events: [
          { ...base, id: 1, diff: { sources: { added: ['https://new.example/a'], removed: ['https://gone.example/b'] } } },
          { ...base, id: 2, diff: { sources: { from: ['https://kept.example/k'], to: ['https://kept.example/k', 'https://old-shape.example/c'] } } },
          { ...base, id: 3, diff: { claimant: { from: 'Ann', to: 'Bo' } } },
        ],
      }),
    );
    expect(html).toContain('<ins>+\u00a0https://new.example/a</ins>');
    expect(html).toContain('<del>−\u00a0https://gone.example/b</del>');
    expect(html).toContain('<ins>+\u00a0https://old-shape.example/c</ins>');
    expect(html).not.toContain('kept.example');
    expect(html).toContain('<del>Ann</del>');
    expect(html).toContain('<ins>Bo</ins>');
  });
});

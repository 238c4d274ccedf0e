/** GET /api/audit through its route handler: admin only, filters, keyset paging, clear 400s. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/auth/permissions';
import { createArticle } from '@/lib/articles/create-article';
import { updateSettings } from '@/lib/settings/update-settings';
import { createApiToken } from '@/lib/users/create-api-token';
import { freshDb } from './setup-db';

// Only who is asking is stubbed; the handler, service and database are real.
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
const { GET } = await import('@/app/api/audit/route');

let actors: { editor: Actor; reviewer: Actor; admin: Actor };
beforeEach(async () => {
  ({ actors } = await freshDb());
  session.actor = actors.admin;
});

type Page = { items: { id: number; action: string; actorId: number | null; actorName: string | null; diff: unknown }[]; nextCursor: string | null };
async function get(
  query: string,
): Promise<{ status: number; body: Page & { error?: { code: string; message: string; fields?: Record<string, string> } } }> {
  const res = await GET(new Request(`http://localhost/api/audit${query}`), { params: Promise.resolve({}) });
  return { status: res.status, body: await res.json() };
}

describe('GET /api/audit', () => {
  it('answers 403 to editors and reviewers and 401 to nobody', async () => {
    for (const actor of [actors.editor, actors.reviewer]) {
      session.actor = actor;
      expect((await get('')).status).toBe(403);
    }
    session.actor = null;
    expect((await get('')).status).toBe(401);
  });

  it('lists newest first with the actor name and diff, filtered by actor and action', async () => {
    await createArticle({ actor: actors.editor, input: { format: 'text', content: 'Tolls\n\nTolls doubled.' } });
    await updateSettings({ actor: actors.admin, input: { orgName: 'Harbor Check' } });
    await createApiToken({ actor: actors.reviewer, input: { name: 'bot' } });
    const all = (await get('')).body.items;
    expect(all.map((e) => e.action)).toEqual(['token.created', 'settings.updated', 'article.imported']);
    expect(all[1]).toMatchObject({ actorId: actors.admin.id, actorName: actors.admin.name, diff: { orgName: { from: '', to: 'Harbor Check' } } });
    expect((await get(`?actor=${actors.editor.id}`)).body.items.map((e) => e.action)).toEqual(['article.imported']);
    expect((await get('?action=settings.updated,token.created')).body.items.map((e) => e.action)).toEqual(['token.created', 'settings.updated']);
    expect((await get('?entity=token')).body.items.map((e) => e.action)).toEqual(['token.created']);
  });

  it('filters by date range (whole UTC days)', async () => {
    await updateSettings({ actor: actors.admin, input: { orgName: 'Harbor Check' } });
    // The event's own day, so the test holds across midnight.
    const [event] = (await get('')).body.items as unknown as { createdAt: string }[];
    const today = event.createdAt.slice(0, 10);
    expect((await get(`?from=${today}&to=${today}`)).body.items).toHaveLength(1);
    expect((await get('?to=2000-01-01')).body.items).toHaveLength(0);
    expect((await get('?from=2999-01-01')).body.items).toHaveLength(0);
  });

  it('pages by keyset cursor without gaps or repeats, even when events arrive between pages', async () => {
    for (let i = 0; i < 7; i++) await updateSettings({ actor: actors.admin, input: { orgName: `Org ${i}` } });
    const seen: number[] = [];
    let cursor: string | null = '';
    let pages = 0;
    while (cursor !== null) {
      const page: Page = (await get(`?limit=3${cursor ? `&cursor=${cursor}` : ''}`)).body;
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
      // A newer event never shifts older pages.
      if (pages++ === 0) await updateSettings({ actor: actors.admin, input: { orgName: 'Later' } });
    }
    expect(pages).toBe(3);
    expect(seen).toHaveLength(7);
    expect([...seen].sort((a, b) => b - a)).toEqual(seen);
    expect(new Set(seen).size).toBe(7);
  });

  it('answers 400 naming the field for an unknown action, a bad cursor or date, or an unknown key', async () => {
    for (const [query, field] of [
      ['?action=user.exploded', 'action.0'],
      ['?cursor=abc', 'cursor'],
      ['?from=yesterday', 'from'],
      ['?entity=claims:1', 'entity'],
      ['?limit=1000', 'limit'],
      ['?sort=asc', 'sort'],
    ]) {
      const { status, body } = await get(query);
      expect(status, query).toBe(400);
      expect(Object.keys(body.error!.fields ?? {}), query).toContain(field);
    }
    expect((await get('?from=2026-02-02&to=2026-01-01')).status).toBe(400);
  });
});

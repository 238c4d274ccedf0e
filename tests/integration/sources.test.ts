import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { reviewEvents, sources, users, verdictScale } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { createClaim } from '@/lib/claims/create-claim';
import { getClaim } from '@/lib/claims/get-claim';
import { updateClaim } from '@/lib/claims/update-claim';
import { transitionClaim } from '@/lib/review/transition-claim';
import { attachSource } from '@/lib/sources/attach-source';
import { createSource } from '@/lib/sources/create-source';
import { deleteSource } from '@/lib/sources/delete-source';
import { detachSource } from '@/lib/sources/detach-source';
import { getSource } from '@/lib/sources/get-source';
import { listSources } from '@/lib/sources/list-sources';
import { updateSource } from '@/lib/sources/update-source';
import { freshDb } from './setup-db';
import { asyncErrorOf } from './app-error';

let actors: { editor: Actor; reviewer: Actor; admin: Actor };

beforeEach(async () => {
  ({ actors } = await freshDb());
});

function newClaim(actor: Actor = actors.editor, start = 80) {
  return createClaim({ actor, input: { articleId: 1, start, end: start + 30, type: 'statistic' } });
}

const code = async (fn: () => Promise<unknown>) => (await asyncErrorOf(fn)).code;

function sourceCount(): Promise<number> {
  return getDb().$count(sources);
}

describe('attachSource', () => {
  it('stores the normalised URL: lower-case host, no tracking parameters, no fragment', async () => {
    const claim = await newClaim();
    const link = await attachSource({
      actor: actors.editor,
      claimId: claim.id,
      input: { url: 'HTTPS://Stats.Example.ORG/Traffic?year=2025&utm_source=mail&fbclid=x#table-3', relation: 'supports' },
    });
    expect(link.source.url).toBe('https://stats.example.org/Traffic?year=2025');
    expect(link.reused).toBe(false);
  });

  it('reuses a source whose normalised URL is already known instead of duplicating it', async () => {
    const a = await newClaim();
    const b = await newClaim(actors.editor, 300);
    const first = await attachSource({
      actor: actors.editor,
      claimId: a.id,
      input: { url: 'https://example.com/report', title: 'Report', relation: 'supports' },
    });
    const second = await attachSource({
      actor: actors.editor,
      claimId: b.id,
      input: { url: 'https://EXAMPLE.com/report?utm_campaign=x#p2', title: 'Another title', relation: 'refutes' },
    });
    expect(second.reused).toBe(true);
    expect(second.sourceId).toBe(first.sourceId);
    expect(second.source.title).toBe('Report');
    expect(await sourceCount()).toBe(1);
  });

  it('links an existing source by id', async () => {
    const { source } = await createSource({ actor: actors.reviewer, input: { url: 'https://example.com/a', title: 'A' } });
    const claim = await newClaim();
    const link = await attachSource({
      actor: actors.editor,
      claimId: claim.id,
      input: { sourceId: source.id, relation: 'context', excerpt: 'the key line' },
    });
    expect(link).toMatchObject({ sourceId: source.id, relation: 'context', excerpt: 'the key line', reused: true });
    expect(link.claim.sources.map((s) => s.url)).toEqual(['https://example.com/a']);
  });

  it('is an edit of the claim: bumps the version and records the source URL added or removed', async () => {
    const claim = await newClaim();
    const link = await attachSource({
      actor: actors.editor,
      claimId: claim.id,
      input: { url: 'https://example.com/a', relation: 'supports', version: claim.version },
    });
    expect(link.claim.version).toBe(claim.version + 1);
    const events = await getDb().select().from(reviewEvents).where(eq(reviewEvents.claimId, claim.id));
    expect(events.at(-1)).toMatchObject({ action: 'edited', diff: { sources: { added: ['https://example.com/a'], removed: [] } } });
    await detachSource({ actor: actors.editor, claimId: claim.id, sourceId: link.sourceId });
    const after = await getDb().select().from(reviewEvents).where(eq(reviewEvents.claimId, claim.id));
    expect(after.at(-1)).toMatchObject({ action: 'edited', diff: { sources: { added: [], removed: ['https://example.com/a'] } } });
    expect(await getClaim({ actor: actors.editor, id: claim.id })).toMatchObject({ version: claim.version + 2, sources: [] });
  });

  it('sends a verified claim back to review', async () => {
    const claim = await readyClaim();
    const submitted = await transitionClaim({ actor: actors.editor, id: claim.id, input: { action: 'submit', version: claim.version } });
    const verified = await transitionClaim({ actor: actors.reviewer, id: claim.id, input: { action: 'approve', version: submitted.version } });
    expect(verified.status).toBe('verified');
    const link = await attachSource({ actor: actors.editor, claimId: claim.id, input: { url: 'https://example.com/more', relation: 'context' } });
    expect(link.claim.status).toBe('in_review');
  });

  it('refuses a stale version with 409 and stores nothing', async () => {
    const claim = await newClaim();
    expect(
      await code(() =>
        attachSource({ actor: actors.editor, claimId: claim.id, input: { url: 'https://example.com/a', relation: 'supports', version: 99 } }),
      ),
    ).toBe('conflict');
    expect(await sourceCount()).toBe(0);
  });

  it.each([
    ['an invalid URL', { url: 'not a url', relation: 'supports' }],
    ['a javascript: URL', { url: 'javascript:alert(1)', relation: 'supports' }],
    ['a data: URL', { url: 'data:text/html,hi', relation: 'supports' }],
    ['a javascript: archived URL', { url: 'https://example.com/a', archivedUrl: 'javascript:alert(1)', relation: 'supports' }],
    ['an excerpt over 2,000 characters', { url: 'https://example.com/a', relation: 'supports', excerpt: 'x'.repeat(2001) }],
    ['an unknown relation', { url: 'https://example.com/a', relation: 'agrees' }],
    ['both sourceId and url', { sourceId: 1, url: 'https://example.com/a', relation: 'supports' }],
    ['neither sourceId nor url', { relation: 'supports' }],
    ['an unknown sourceId', { sourceId: 999, relation: 'supports' }],
    ['an unknown field', { url: 'https://example.com/a', relation: 'supports', rating: 3 }],
  ])('refuses %s with 400 and stores nothing', async (_name, input) => {
    const claim = await newClaim();
    expect(await code(() => attachSource({ actor: actors.editor, claimId: claim.id, input }))).toBe('invalid');
    expect(await sourceCount()).toBe(0);
    expect(await getClaim({ actor: actors.editor, id: claim.id })).toMatchObject({ version: claim.version, sources: [] });
  });

  it('refuses to attach the same source twice', async () => {
    const claim = await newClaim();
    await attachSource({ actor: actors.editor, claimId: claim.id, input: { url: 'https://example.com/a', relation: 'supports' } });
    expect(
      await code(() => attachSource({ actor: actors.editor, claimId: claim.id, input: { url: 'https://example.com/a#x', relation: 'refutes' } })),
    ).toBe('conflict');
  });

  it("lets a reviewer change another author's sources but not another editor", async () => {
    const claim = await newClaim();
    const other = await otherEditor();
    expect(await code(() => attachSource({ actor: other, claimId: claim.id, input: { url: 'https://example.com/a', relation: 'supports' } }))).toBe(
      'forbidden',
    );
    expect(await sourceCount()).toBe(0);
    const link = await attachSource({ actor: actors.reviewer, claimId: claim.id, input: { url: 'https://example.com/a', relation: 'supports' } });
    expect(await code(() => detachSource({ actor: other, claimId: claim.id, sourceId: link.sourceId }))).toBe('forbidden');
  });

  it('answers 404 when detaching a source that is not attached', async () => {
    const claim = await newClaim();
    expect(await code(() => detachSource({ actor: actors.editor, claimId: claim.id, sourceId: 42 }))).toBe('not_found');
  });
});

describe('submit preconditions', () => {
  it('refuses to submit until the claim has a verdict, a rationale and a source, naming what is missing', async () => {
    const claim = await newClaim();
    const submit = (version: number) => transitionClaim({ actor: actors.editor, id: claim.id, input: { action: 'submit', version } });
    await expect(submit(claim.version)).rejects.toThrow(/a verdict, a rationale, at least one source/);
    const link = await attachSource({ actor: actors.editor, claimId: claim.id, input: { url: 'https://example.com/a', relation: 'supports' } });
    await expect(submit(link.claim.version)).rejects.toThrow(/Add a verdict, a rationale before/);
    expect((await getClaim({ actor: actors.editor, id: claim.id })).status).toBe('draft');
  });

  it('submits a claim that has all three', async () => {
    const claim = await readyClaim();
    expect((await transitionClaim({ actor: actors.editor, id: claim.id, input: { action: 'submit', version: claim.version } })).status).toBe(
      'in_review',
    );
  });
});

describe('sources listing and deletion', () => {
  it('finds sources by title, publisher or URL, with the claims citing them', async () => {
    const claim = await newClaim();
    await attachSource({
      actor: actors.editor,
      claimId: claim.id,
      input: { url: 'https://stats.example.org/t', title: 'Traffic census', publisher: 'Statistics Office', relation: 'supports' },
    });
    await createSource({ actor: actors.editor, input: { url: 'https://other.example.net/x', title: 'Unrelated', publisher: 'Gazette' } });
    for (const q of ['census', 'STATISTICS', 'stats.example']) {
      const { items } = await listSources({ actor: actors.editor, input: { q } });
      expect(items.map((s) => s.title)).toEqual(['Traffic census']);
      expect(items[0]).toMatchObject({ claimCount: 1, claims: [{ id: claim.id, articleId: 1 }] });
    }
    expect((await listSources({ actor: actors.editor, input: { q: '100%' } })).items).toEqual([]);
    expect((await listSources({ actor: actors.editor, input: {} })).items).toHaveLength(2);
  });

  it('shows every claim citing a source across articles', async () => {
    const a = await newClaim();
    const b = await newClaim(actors.reviewer, 300);
    const first = await attachSource({
      actor: actors.editor,
      claimId: a.id,
      input: { url: 'https://example.com/a', relation: 'supports', excerpt: 'line one' },
    });
    await attachSource({ actor: actors.reviewer, claimId: b.id, input: { sourceId: first.sourceId, relation: 'refutes' } });
    const detail = await getSource({ actor: actors.editor, id: first.sourceId });
    expect(detail.citations.map((c) => [c.claimId, c.relation, c.excerpt])).toEqual([
      [a.id, 'supports', 'line one'],
      [b.id, 'refutes', ''],
    ]);
  });

  it('refuses to delete a source that a claim cites, with 409', async () => {
    const claim = await newClaim();
    const link = await attachSource({ actor: actors.editor, claimId: claim.id, input: { url: 'https://example.com/a', relation: 'supports' } });
    await expect(deleteSource({ actor: actors.admin, id: link.sourceId })).rejects.toThrow(/cited by 1 claim/);
    await detachSource({ actor: actors.editor, claimId: claim.id, sourceId: link.sourceId });
    await deleteSource({ actor: actors.editor, id: link.sourceId });
    expect(await sourceCount()).toBe(0);
  });

  it('lets only its author or an admin delete an unused source', async () => {
    const { source } = await createSource({ actor: actors.editor, input: { url: 'https://example.com/a' } });
    const other = await otherEditor();
    expect(await code(() => deleteSource({ actor: other, id: source.id }))).toBe('forbidden');
    expect(await code(() => deleteSource({ actor: actors.reviewer, id: source.id }))).toBe('forbidden');
    await deleteSource({ actor: actors.admin, id: source.id });
    expect(await sourceCount()).toBe(0);
  });

  it('returns the existing source when creating one with a known normalised URL', async () => {
    const first = await createSource({ actor: actors.editor, input: { url: 'https://example.com/a?utm_source=x' } });
    const again = await createSource({ actor: actors.reviewer, input: { url: 'https://Example.com/a#y' } });
    expect(first.created).toBe(true);
    expect(again).toMatchObject({ created: false, source: { id: first.source.id } });
  });

  it('re-normalises an edited URL and refuses one another source has', async () => {
    const a = (await createSource({ actor: actors.editor, input: { url: 'https://example.com/a' } })).source;
    await createSource({ actor: actors.editor, input: { url: 'https://example.com/b' } });
    expect(await updateSource({ actor: actors.editor, id: a.id, input: { url: 'https://EXAMPLE.com/c?gclid=1', title: 'C' } })).toMatchObject({
      url: 'https://example.com/c',
      title: 'C',
    });
    expect(await code(() => updateSource({ actor: actors.editor, id: a.id, input: { url: 'https://example.com/b#z' } }))).toBe('conflict');
    const other = await otherEditor();
    expect(await code(() => updateSource({ actor: other, id: a.id, input: { title: 'Mine' } }))).toBe('forbidden');
  });
});

async function readyClaim() {
  const claim = await newClaim();
  const link = await attachSource({ actor: actors.editor, claimId: claim.id, input: { url: 'https://example.com/ready', relation: 'supports' } });
  const [{ id: verdictId }] = await getDb().select().from(verdictScale).orderBy(verdictScale.id).limit(1);
  return updateClaim({ actor: actors.editor, id: claim.id, input: { version: link.claim.version, verdictId, rationale: 'The census says so.' } });
}

async function otherEditor(): Promise<Actor> {
  const [inserted] = await getDb()
    .insert(users)
    .values({ email: 'other@example.com', name: 'Otto Other', passwordHash: 'x', role: 'editor' })
    .onConflictDoNothing()
    .returning();
  const row = inserted ?? (await getDb().select().from(users).where(eq(users.email, 'other@example.com')))[0];
  return { id: row.id, role: row.role, name: row.name, email: row.email };
}

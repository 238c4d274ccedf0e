/**
 * GET /api/feeds/verified (issue 18): verified claims changed since a change-feed cursor, in the JSON export shape,
 * paged, with claims that left verified reported as withdrawn. Runs on SQLite and PostgreSQL.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/permissions';
import { getArticle } from '@/lib/articles/get-article';
import { createClaim } from '@/lib/claims/create-claim';
import { updateClaim } from '@/lib/claims/update-claim';
import { attachSource } from '@/lib/sources/attach-source';
import { transitionClaim } from '@/lib/review/transition-claim';
import { commentOnClaim } from '@/lib/review/comment-claim';
import { exportClaims } from '@/lib/export/export-claims';
import { verifiedFeed, type FeedItem } from '@/lib/feeds/verified-feed';
import { freshDb } from './setup-db';
import { asyncErrorOf } from './app-error';

const ORIGIN = 'https://desk.example';
let actors: Awaited<ReturnType<typeof freshDb>>['actors'];

beforeEach(async () => {
  ({ actors } = await freshDb());
});

const feed = (input: Record<string, string>, actor: Actor = actors.editor) => verifiedFeed({ actor, input, origin: ORIGIN });

async function verified(phrase: string) {
  const { editor, reviewer } = actors;
  const text = (await getArticle({ actor: editor, id: 1 })).text;
  const start = text.indexOf(phrase);
  let claim = await createClaim({
    actor: editor,
    input: { articleId: 1, start, end: start + phrase.length, type: 'statistic', claimant: 'Port authority' },
  });
  claim = await updateClaim({ actor: editor, id: claim.id, input: { version: claim.version, verdictId: 2, rationale: 'The filing says so.' } });
  const linked = await attachSource({
    actor: editor,
    claimId: claim.id,
    input: { url: 'https://example.org/filing', relation: 'supports', version: claim.version },
  });
  claim = await transitionClaim({ actor: editor, id: claim.id, input: { action: 'submit', version: linked.claim.version } });
  return transitionClaim({ actor: reviewer, id: claim.id, input: { action: 'approve', version: claim.version } });
}

/** Every item from `since` on, following nextCursor `limit` changes at a time; also how many pages it took. */
async function readAll(since: string, limit: number) {
  const items: FeedItem[] = [];
  let cursor = since;
  let pages = 0;
  for (;;) {
    const page = await feed({ since: cursor, limit: String(limit) });
    items.push(...page.items);
    cursor = page.nextCursor;
    pages++;
    if (!page.hasMore) return { items, cursor, pages };
  }
}

describe('verified feed', () => {
  it('lists verified claims as the JSON export has them, with ClaimReview, and nothing else (drafts, review)', async () => {
    const a = await verified('40,000 vehicles a day');
    const b = await verified('28,000 vehicles');
    // A draft and a claim in review are not in the feed.
    await createClaim({ actor: actors.editor, input: { articleId: 1, start: 0, end: 5, type: 'other' } });
    const page = await feed({});
    expect(page.items.map((i) => [i.claimId, i.state])).toEqual([
      [a.id, 'verified'],
      [b.id, 'verified'],
    ]);
    const result = await exportClaims({ actor: actors.editor, input: { format: 'json' }, origin: ORIGIN });
    let text = '';
    for await (const chunk of result.chunks) text += chunk;
    expect(page.items.map((i) => i.claim)).toEqual(JSON.parse(text));
    expect(page.items[0].claimReview).toMatchObject({ '@type': 'ClaimReview', claimReviewed: a.claimText, url: `${ORIGIN}/claims/${a.id}` });
    expect(page.hasMore).toBe(false);
    // Nothing changed since: an empty page that keeps the cursor.
    expect(await feed({ since: page.nextCursor })).toEqual({ items: [], nextCursor: page.nextCursor, hasMore: false });
  });

  it('pages by cursor without losing or repeating a change, and reports a reopened or edited claim as withdrawn', async () => {
    const a = await verified('40,000 vehicles a day');
    const b = await verified('28,000 vehicles');
    const c = await verified('35 percent');
    const all = await readAll('0', 3);
    expect(all.pages).toBeGreaterThan(3);
    expect(all.items.map((i) => [i.claimId, i.state])).toEqual([
      [a.id, 'verified'],
      [b.id, 'verified'],
      [c.id, 'verified'],
    ]);

    // A comment changes nothing a CMS shows; reopening withdraws A; editing verified B sends it back to review.
    await commentOnClaim({ actor: actors.editor, id: c.id, input: { comment: 'Nice.' } });
    await transitionClaim({ actor: actors.admin, id: a.id, input: { action: 'reopen', comment: 'New figures.', version: a.version } });
    const edited = await updateClaim({ actor: actors.reviewer, id: b.id, input: { version: b.version, rationale: 'Corrected.' } });
    expect(edited.status).toBe('in_review');
    const next = await readAll(all.cursor, 2);
    expect(next.items).toEqual([
      { claimId: a.id, state: 'withdrawn' },
      { claimId: b.id, state: 'withdrawn' },
    ]);
    // Approved again: verified once more, with the new rationale.
    const again = await transitionClaim({ actor: actors.admin, id: b.id, input: { action: 'approve', version: edited.version } });
    expect(again.status).toBe('verified');
    const last = await feed({ since: next.cursor });
    expect(last.items.map((i) => [i.claimId, i.state, i.claim?.rationale])).toEqual([[b.id, 'verified', 'Corrected.']]);
  });

  it('refuses a malformed cursor or limit', async () => {
    for (const input of [{ since: 'abc' }, { since: '-1' }, { limit: '0' }, { limit: '501' }, { cursor: '1' }] as Record<string, string>[]) {
      expect((await asyncErrorOf(() => feed(input))).code, JSON.stringify(input)).toBe('invalid');
    }
  });
});

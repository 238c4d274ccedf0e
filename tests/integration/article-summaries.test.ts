import { beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from './setup-db';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { createArticle } from '@/lib/articles/create-article';
import { getArticle } from '@/lib/articles/get-article';
import { createClaim } from '@/lib/claims/create-claim';
import { updateSettings } from '@/lib/settings/update-settings';

// The annotate page reads claims with `summaries` (no sources, tags or abilities): the same claims, in the same
// order, under the same hidden-drafts rule as the full read.
let editorA: Actor, editorB: Actor, reviewer: Actor, article: number, hidden: number;

beforeAll(async () => {
  const { actors } = await freshDb();
  ({ editor: editorA, reviewer } = actors);
  const [row] = await getDb().insert(users).values({ email: 'b@example.com', name: 'Bea Second', role: 'editor', passwordHash: 'x' }).returning();
  editorB = { id: row.id, role: 'editor', name: row.name, email: row.email };
  const content = 'Harbour notes\n\nThe new tunnel cost 40 million pounds, officials said. Traffic fell by a third.';
  article = (await createArticle({ actor: editorA, input: { format: 'text', content } })).id;
  await createClaim({ actor: editorB, input: { articleId: article, start: 40, end: 60, type: 'other', claimText: 'B owns this one' } });
  hidden = (await createClaim({ actor: editorA, input: { articleId: article, start: 15, end: 30, type: 'statistic', claimant: 'Mayor' } })).id;
  await updateSettings({ actor: actors.admin, input: { editorsSeeDrafts: false } });
});

describe('getArticle with summaries', () => {
  it.each([
    ['another editor', () => editorB],
    ['the author', () => editorA],
    ['a reviewer', () => reviewer],
  ])('lists the claims the full read lists, to %s', async (_, who) => {
    const full = await getArticle({ actor: who(), id: article });
    const light = await getArticle({ actor: who(), id: article, summaries: true });
    expect(light.claims.map((c) => c.id)).toEqual(full.claims.map((c) => c.id));
    for (const [i, c] of light.claims.entries()) expect(full.claims[i]).toMatchObject(c);
    expect(light.claims.some((c) => c.id === hidden)).toBe(who() !== editorB);
  });
});

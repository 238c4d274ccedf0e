import { beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from './setup-db';
import type { Actor } from '@/lib/auth/permissions';
import { createClaim } from '@/lib/claims/create-claim';
import { getArticle } from '@/lib/articles/get-article';
import { listClaims } from '@/lib/claims/list-claims';
import { getClaim } from '@/lib/claims/get-claim';
import { listEvents } from '@/lib/review/list-events';
import { searchClaims } from '@/lib/search/search-claims';
import { getSettings } from '@/lib/settings/get-settings';
import { updateSettings } from '@/lib/settings/update-settings';
import { createUser } from '@/lib/users/create-user';

let actors: { editor: Actor; reviewer: Actor; admin: Actor };
beforeEach(async () => {
  ({ actors } = await freshDb());
});

describe('settings', () => {
  it('defaults to no organisation and editors seeing drafts', async () => {
    expect(await getSettings()).toEqual({ orgName: '', orgUrl: '', editorsSeeDrafts: true, publishFactChecks: false, contentLanguage: 'en' });
  });

  it('admins save the organisation used in ClaimReview exports; others may not', async () => {
    const saved = await updateSettings({ actor: actors.admin, input: { orgName: 'Harbor Check', orgUrl: 'https://check.example' } });
    expect(saved).toMatchObject({ orgName: 'Harbor Check', orgUrl: 'https://check.example', editorsSeeDrafts: true });
    await expect(updateSettings({ actor: actors.reviewer, input: { orgName: 'X' } })).rejects.toThrow(/not allowed/);
    await expect(updateSettings({ actor: actors.admin, input: { orgUrl: 'javascript:alert(1)' } })).rejects.toThrow(/Invalid input/);
    await expect(updateSettings({ actor: actors.admin, input: { theme: 'dark' } })).rejects.toThrow(/Unknown field/);
    expect(await getSettings()).toMatchObject({ orgName: 'Harbor Check', orgUrl: 'https://check.example' });
  });
});

describe('draft visibility', () => {
  it('hides other editors’ drafts on an article when editors_see_drafts is off', async () => {
    const { user } = await createUser({
      actor: actors.admin,
      input: { email: 'e2@example.com', name: 'Eve', role: 'editor', password: 'quiet-meadow-31' },
    });
    const other: Actor = { id: user.id, role: 'editor', name: user.name, email: user.email };
    const draft = await createClaim({ actor: actors.editor, input: { articleId: 1, start: 0, end: 10, type: 'other' } });
    const ids = async (actor: Actor) => (await getArticle({ actor, id: 1 })).claims.map((c) => c.id);
    expect(await ids(other)).toContain(draft.id);
    await updateSettings({ actor: actors.admin, input: { editorsSeeDrafts: false } });
    expect(await ids(other)).not.toContain(draft.id);
    expect(await ids(actors.editor)).toContain(draft.id);
    expect(await ids(actors.reviewer)).toContain(draft.id);
  });

  it('applies the same rule to claim lists, single claims, their history and search', async () => {
    const { user } = await createUser({
      actor: actors.admin,
      input: { email: 'e3@example.com', name: 'Eve', role: 'editor', password: 'quiet-meadow-31' },
    });
    const other: Actor = { id: user.id, role: 'editor', name: user.name, email: user.email };
    const { text } = await getArticle({ actor: actors.editor, id: 1 });
    const start = text.indexOf('Tomas Reyes');
    const draft = await createClaim({
      actor: actors.editor,
      input: { articleId: 1, start, end: start + 11, type: 'quote', claimant: 'Tomas Reyes' },
    });
    await updateSettings({ actor: actors.admin, input: { editorsSeeDrafts: false } });
    expect((await listClaims({ actor: other, input: {} })).items.map((c) => c.id)).not.toContain(draft.id);
    await expect(async () => getClaim({ actor: other, id: draft.id })).rejects.toThrow(/not found/);
    await expect(async () => listEvents({ actor: other, id: draft.id })).rejects.toThrow(/not found/);
    expect(await searchClaims({ actor: other, input: { q: 'reyes' } })).toHaveLength(0);
    expect((await searchClaims({ actor: actors.reviewer, input: { q: 'reyes' } })).map((h) => h.id)).toEqual([draft.id]);
    expect((await getClaim({ actor: actors.editor, id: draft.id })).id).toBe(draft.id);
  });
});

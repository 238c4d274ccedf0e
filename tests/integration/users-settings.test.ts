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
  it('defaults to no organisation and editors seeing drafts', () => {
    expect(getSettings()).toEqual({ orgName: '', orgUrl: '', editorsSeeDrafts: true, publishFactChecks: false, contentLanguage: 'en' });
  });

  it('admins save the organisation used in ClaimReview exports; others may not', () => {
    const saved = updateSettings({ actor: actors.admin, input: { orgName: 'Harbor Check', orgUrl: 'https://check.example' } });
    expect(saved).toMatchObject({ orgName: 'Harbor Check', orgUrl: 'https://check.example', editorsSeeDrafts: true });
    expect(() => updateSettings({ actor: actors.reviewer, input: { orgName: 'X' } })).toThrow(/not allowed/);
    expect(() => updateSettings({ actor: actors.admin, input: { orgUrl: 'javascript:alert(1)' } })).toThrow(/Invalid input/);
    expect(() => updateSettings({ actor: actors.admin, input: { theme: 'dark' } })).toThrow(/Unknown field/);
  });
});

describe('draft visibility', () => {
  it('hides other editors’ drafts on an article when editors_see_drafts is off', async () => {
    const { user } = await createUser({ actor: actors.admin, input: { email: 'e2@example.com', name: 'Eve', role: 'editor', password: 'quiet-meadow-31' } });
    const other: Actor = { id: user.id, role: 'editor', name: user.name, email: user.email };
    const draft = createClaim({ actor: actors.editor, input: { articleId: 1, start: 0, end: 10, type: 'other' } });
    const ids = (actor: Actor) => getArticle({ actor, id: 1 }).claims.map((c) => c.id);
    expect(ids(other)).toContain(draft.id);
    updateSettings({ actor: actors.admin, input: { editorsSeeDrafts: false } });
    expect(ids(other)).not.toContain(draft.id);
    expect(ids(actors.editor)).toContain(draft.id);
    expect(ids(actors.reviewer)).toContain(draft.id);
  });

  it('applies the same rule to claim lists, single claims, their history and search', async () => {
    const { user } = await createUser({ actor: actors.admin, input: { email: 'e3@example.com', name: 'Eve', role: 'editor', password: 'quiet-meadow-31' } });
    const other: Actor = { id: user.id, role: 'editor', name: user.name, email: user.email };
    const text = getArticle({ actor: actors.editor, id: 1 }).text;
    const start = text.indexOf('Tomas Reyes');
    const draft = createClaim({ actor: actors.editor, input: { articleId: 1, start, end: start + 11, type: 'quote', claimant: 'Tomas Reyes' } });
    updateSettings({ actor: actors.admin, input: { editorsSeeDrafts: false } });
    expect(listClaims({ actor: other, input: {} }).items.map((c) => c.id)).not.toContain(draft.id);
    expect(() => getClaim({ actor: other, id: draft.id })).toThrow(/not found/);
    expect(() => listEvents({ actor: other, id: draft.id })).toThrow(/not found/);
    expect(searchClaims({ actor: other, input: { q: 'reyes' } })).toHaveLength(0);
    expect(searchClaims({ actor: actors.reviewer, input: { q: 'reyes' } }).map((h) => h.id)).toEqual([draft.id]);
    expect(getClaim({ actor: actors.editor, id: draft.id }).id).toBe(draft.id);
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from './setup-db';
import type { Actor } from '@/lib/auth/permissions';
import { createClaim } from '@/lib/claims/create-claim';
import { getArticle } from '@/lib/articles/get-article';
import { getSettings } from '@/lib/settings/get-settings';
import { updateSettings } from '@/lib/settings/update-settings';
import { createUser } from '@/lib/users/create-user';

let actors: { editor: Actor; reviewer: Actor; admin: Actor };
beforeEach(async () => {
  ({ actors } = await freshDb());
});

describe('settings', () => {
  it('defaults to no organisation and editors seeing drafts', () => {
    expect(getSettings()).toEqual({ orgName: '', orgUrl: '', editorsSeeDrafts: true });
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
});

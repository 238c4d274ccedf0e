import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asc, eq, gt, sql } from 'drizzle-orm';
import { execute, getDb } from '@/db/client';
import { auditEvents, claims, reviewEvents, verdictScale } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { createArticle } from '@/lib/articles/create-article';
import { createArticleVersion } from '@/lib/articles/create-article-version';
import { verifyCredentials } from '@/lib/auth/verify-credentials';
import { createClaim } from '@/lib/claims/create-claim';
import { updateClaim } from '@/lib/claims/update-claim';
import { transitionClaim } from '@/lib/review/transition-claim';
import { updateSettings } from '@/lib/settings/update-settings';
import { attachSource } from '@/lib/sources/attach-source';
import { createSource } from '@/lib/sources/create-source';
import { deleteSource } from '@/lib/sources/delete-source';
import { updateSource } from '@/lib/sources/update-source';
import { createApiToken } from '@/lib/users/create-api-token';
import { revokeApiToken } from '@/lib/users/revoke-api-token';
import { createUser } from '@/lib/users/create-user';
import { resetPassword } from '@/lib/users/reset-password';
import { updateUser } from '@/lib/users/update-user';
import { createVerdict } from '@/lib/verdicts/create-verdict';
import { deleteVerdict } from '@/lib/verdicts/delete-verdict';
import { reorderVerdicts } from '@/lib/verdicts/reorder-verdicts';
import { updateVerdict } from '@/lib/verdicts/update-verdict';
import { asyncErrorOf } from './app-error';
import { freshDb } from './setup-db';

let actors: { editor: Actor; reviewer: Actor; admin: Actor };
beforeEach(async () => {
  ({ actors } = await freshDb());
});

const lastId = async () => (await getDb().select({ id: auditEvents.id }).from(auditEvents).orderBy(asc(auditEvents.id))).at(-1)?.id ?? 0;

/** The audit rows written while `fn` ran. */
async function auditOf(fn: () => unknown) {
  const before = await lastId();
  await fn();
  return getDb().select().from(auditEvents).where(gt(auditEvents.id, before)).orderBy(asc(auditEvents.id));
}

const newSource = async (actor: Actor = actors.reviewer) =>
  (await createSource({ actor, input: { url: `https://example.org/report-${Math.random()}`, title: 'Port report' } })).source;
const newUser = async () =>
  (
    await createUser({
      actor: actors.admin,
      input: { email: `u${Math.random()}@example.com`, name: 'Una', role: 'editor', password: 'quiet-meadow-31' },
    })
  ).user;

describe('recordAudit: each kind of change writes exactly one row with actor, action and the change only', () => {
  it('article import and a new version', async () => {
    let articleId = 0;
    const imported = await auditOf(
      async () =>
        (articleId = (await createArticle({ actor: actors.editor, input: { format: 'text', content: 'Ferry fares\n\nFares rose 4%.' } })).id),
    );
    expect(imported).toMatchObject([
      {
        actorId: actors.editor.id,
        action: 'article.imported',
        entityType: 'article',
        entityId: articleId,
        diff: { title: { from: null, to: 'Ferry fares' } },
      },
    ]);
    let versionId = 0;
    const version = await auditOf(
      async () =>
        (versionId = (
          await createArticleVersion({ actor: actors.reviewer, articleId, input: { format: 'text', content: 'Ferry fares\n\nFares rose 5%.' } })
        ).id),
    );
    expect(version).toMatchObject([
      { actorId: actors.reviewer.id, action: 'article.new_version', entityId: versionId, diff: { previousId: { from: null, to: articleId } } },
    ]);
  });

  it('source edit (only the changed field) and deletion', async () => {
    const source = await newSource();
    const edited = await auditOf(() =>
      updateSource({ actor: actors.reviewer, id: source.id, input: { url: source.url, title: 'Port authority report' } }),
    );
    expect(edited).toMatchObject([{ actorId: actors.reviewer.id, action: 'source.updated', entityId: source.id }]);
    expect(edited[0].diff).toEqual({ title: { from: 'Port report', to: 'Port authority report' } });
    const deleted = await auditOf(() => deleteSource({ actor: actors.admin, id: source.id }));
    expect(deleted).toMatchObject([
      { actorId: actors.admin.id, action: 'source.deleted', entityId: source.id, diff: { url: { from: source.url, to: null } } },
    ]);
  });

  it('verdict scale: create, update, reorder, delete', async () => {
    const admin = actors.admin;
    let id = 0;
    expect(
      await auditOf(async () => (id = (await createVerdict({ actor: admin, input: { label: 'Partly sourced', color: '#aabbcc', rating: 3 } })).id)),
    ).toMatchObject([{ actorId: admin.id, action: 'verdict.created', entityId: id, diff: { label: { from: null, to: 'Partly sourced' } } }]);
    const updated = await auditOf(() => updateVerdict({ actor: admin, id, input: { label: 'Partly sourced', color: '#112233' } }));
    expect(updated).toMatchObject([{ action: 'verdict.updated', entityId: id }]);
    expect(updated[0].diff).toEqual({ color: { from: '#aabbcc', to: '#112233' } });
    const ids = (await getDb().select({ id: verdictScale.id }).from(verdictScale).orderBy(asc(verdictScale.sort))).map((v) => v.id);
    const reordered = await auditOf(() => reorderVerdicts({ actor: admin, input: { ids: [...ids].reverse() } }));
    expect(reordered).toMatchObject([{ action: 'verdict.reordered' }]);
    expect((reordered[0].diff!.order.to as string[])[0]).toBe('Partly sourced');
    expect(await auditOf(() => deleteVerdict({ actor: admin, id }))).toMatchObject([
      { action: 'verdict.deleted', diff: { label: { from: 'Partly sourced', to: null } } },
    ]);
  });

  it('settings: only the settings that changed', async () => {
    const rows = await auditOf(() => updateSettings({ actor: actors.admin, input: { orgName: 'Harbor Check', editorsSeeDrafts: true } }));
    expect(rows).toMatchObject([{ actorId: actors.admin.id, action: 'settings.updated', entityType: 'settings' }]);
    expect(rows[0].diff).toEqual({ orgName: { from: '', to: 'Harbor Check' } });
  });

  it('users: creation, role change, disable, enable, password reset and link', async () => {
    let userId = 0;
    const created = await auditOf(async () => (userId = (await newUser()).id));
    expect(created).toMatchObject([
      { actorId: actors.admin.id, action: 'user.created', entityId: userId, diff: { role: { from: null, to: 'editor' } } },
    ]);
    const update = (input: object) => auditOf(() => updateUser({ actor: actors.admin, id: userId, input }));
    expect(await update({ role: 'reviewer' })).toMatchObject([
      { action: 'user.role_changed', entityId: userId, diff: { role: { from: 'editor', to: 'reviewer' } } },
    ]);
    expect(await update({ disabled: true })).toMatchObject([{ action: 'user.disabled', diff: { disabled: { from: false, to: true } } }]);
    expect(await update({ disabled: false })).toMatchObject([{ action: 'user.enabled' }]);
    expect(await auditOf(() => resetPassword({ actor: actors.admin, id: userId, input: { password: 'another-quiet-meadow' } }))).toMatchObject([
      { action: 'user.password_reset', entityId: userId, diff: null },
    ]);
    expect(await auditOf(() => resetPassword({ actor: actors.admin, id: userId, input: {} }))).toMatchObject([
      { action: 'user.password_link_created', entityId: userId },
    ]);
    const all = JSON.stringify(await getDb().select().from(auditEvents));
    expect(all).not.toContain('quiet-meadow');
  });

  it('API tokens: creation and revocation, never the secret', async () => {
    let token = { id: 0, token: '' };
    expect(await auditOf(async () => (token = await createApiToken({ actor: actors.editor, input: { name: 'CI script' } })))).toMatchObject([
      { actorId: actors.editor.id, action: 'token.created', entityType: 'token', entityId: token.id },
    ]);
    expect(await auditOf(() => revokeApiToken({ actor: actors.editor, id: token.id }))).toMatchObject([
      { action: 'token.revoked', entityId: token.id },
    ]);
    expect(JSON.stringify(await getDb().select().from(auditEvents))).not.toContain(token.token);
  });
});

describe('failed logins and locks', () => {
  beforeEach(() => {
    process.env.LOGIN_MAX_FAILURES_PER_ACCOUNT_ADDRESS = '3';
    // A limit no other test uses gives this test its own fresh throttle.
    process.env.LOGIN_MAX_FAILURES_PER_IP = String(2000 + Math.floor(Math.random() * 1000));
  });
  afterEach(() => {
    delete process.env.LOGIN_MAX_FAILURES_PER_ACCOUNT_ADDRESS;
    delete process.env.LOGIN_MAX_FAILURES_PER_IP;
  });

  it('records each failure with the attempted email and address, then the lock, never the password', async () => {
    const wrong = { email: 'admin@example.com', password: 'not-the-password-123' };
    const failed = await auditOf(async () => {
      for (let i = 0; i < 3; i++) expect(await verifyCredentials(wrong, { ip: '203.0.113.7' })).toBeNull();
    });
    // The third failure starts the lock, which is recorded when it starts.
    expect(failed.map((r) => r.action)).toEqual(['login.failed', 'login.failed', 'login.failed', 'login.locked']);
    expect(failed[0]).toMatchObject({ actorId: null, action: 'login.failed', entityType: 'user', entityId: actors.admin.id, ip: '203.0.113.7' });
    expect(failed[0].summary).toContain('admin@example.com');
    expect(failed[3]).toMatchObject({ actorId: null, action: 'login.locked', ip: '203.0.113.7' });
    // The right password is refused while the lock holds.
    expect(await verifyCredentials({ email: 'admin@example.com', password: 'claimdesk-demo' }, { ip: '203.0.113.7' })).toBeNull();
    // Refusals cost a stranger nothing, so repeats from the same address add no rows.
    expect(await auditOf(() => verifyCredentials(wrong, { ip: '203.0.113.7' }))).toEqual([]);
    expect(JSON.stringify(await getDb().select().from(auditEvents))).not.toMatch(/not-the-password|claimdesk-demo/);
  });

  it('records a failure for an unknown account too, without an entity', async () => {
    const rows = await auditOf(() => verifyCredentials({ email: 'nobody@example.com', password: 'guess-guess' }, { ip: '203.0.113.8' }));
    expect(rows).toMatchObject([{ action: 'login.failed', entityId: null }]);
  });
});

describe('a failed change writes no audit row', () => {
  it.each([
    ['invalid source URL', async () => updateSource({ actor: actors.reviewer, id: (await newSource()).id, input: { url: 'notaurl' } })],
    [
      'editor editing a source of someone else',
      async () => updateSource({ actor: actors.editor, id: (await newSource()).id, input: { title: 'Mine now' } }),
    ],
    ['duplicate verdict label', () => createVerdict({ actor: actors.admin, input: { label: 'True', color: '#000000', rating: 1 } })],
    ['settings from a reviewer', () => updateSettings({ actor: actors.reviewer, input: { orgName: 'X' } })],
    ['bad settings URL', () => updateSettings({ actor: actors.admin, input: { orgUrl: 'javascript:alert(1)' } })],
    ['disabling the last admin', () => updateUser({ actor: actors.admin, id: actors.admin.id, input: { disabled: true } })],
    ['an empty token name', () => createApiToken({ actor: actors.editor, input: { name: '' } })],
    ['revoking an unknown token', () => revokeApiToken({ actor: actors.editor, id: 999999 })],
    ['an article without a title', () => createArticle({ actor: actors.editor, input: { format: 'text', content: '' } })],
  ])('%s', async (_name, fn) => {
    const before = await lastId();
    expect((await asyncErrorOf(async () => fn())).code).toMatch(/invalid|forbidden|conflict|not_found/);
    expect(await lastId()).toBe(before);
  });
});

describe('audit_events table', () => {
  it('rejects UPDATE and DELETE', async () => {
    await auditOf(() => updateSettings({ actor: actors.admin, input: { orgName: 'Harbor Check' } }));
    // SQLite triggers and PostgreSQL's trigger function both refuse (drizzle may wrap the driver's error).
    const refusal = (statement: ReturnType<typeof sql>) =>
      execute(getDb(), statement).then(
        () => 'done',
        (e: Error) => `${e.message} ${(e.cause as Error | undefined)?.message ?? ''}`,
      );
    expect(await refusal(sql`update audit_events set summary = 'x'`)).toMatch(/append-only/);
    expect(await refusal(sql`delete from audit_events`)).toMatch(/append-only/);
    expect((await getDb().select().from(auditEvents)).length).toBeGreaterThan(0);
  });
});

describe('editing a source that verified claims cite', () => {
  async function verifiedClaimCiting(url: string) {
    const claim = await createClaim({ actor: actors.editor, input: { articleId: 1, start: 80, end: 110, type: 'statistic' } });
    const link = await attachSource({ actor: actors.editor, claimId: claim.id, input: { url, relation: 'supports' } });
    const [{ id: verdictId }] = await getDb().select().from(verdictScale).limit(1);
    const ready = await updateClaim({ actor: actors.editor, id: claim.id, input: { version: link.claim.version, verdictId, rationale: 'Census.' } });
    const submitted = await transitionClaim({ actor: actors.editor, id: claim.id, input: { action: 'submit', version: ready.version } });
    await transitionClaim({ actor: actors.reviewer, id: claim.id, input: { action: 'approve', version: submitted.version } });
    return { claimId: claim.id, sourceId: link.sourceId };
  }
  const claimRow = async (id: number) => (await getDb().select().from(claims).where(eq(claims.id, id)))[0];
  const claimEvents = (id: number) => getDb().select().from(reviewEvents).where(eq(reviewEvents.claimId, id)).orderBy(asc(reviewEvents.id));

  it('sends the claims back to review with an edited event carrying the source change', async () => {
    const { claimId, sourceId } = await verifiedClaimCiting('https://example.org/census');
    const { version } = await claimRow(claimId);
    const audit = await auditOf(() => updateSource({ actor: actors.reviewer, id: sourceId, input: { url: 'https://example.org/census-2024' } }));
    expect(await claimRow(claimId)).toMatchObject({ status: 'in_review', version: version + 1 });
    expect((await claimEvents(claimId)).at(-1)).toMatchObject({
      action: 'edited',
      actorId: actors.reviewer.id,
      fromStatus: 'verified',
      toStatus: 'in_review',
      diff: { sourceUrl: { from: 'https://example.org/census', to: 'https://example.org/census-2024' } },
    });
    expect(audit).toMatchObject([{ action: 'source.updated', entityId: sourceId }]);
    expect(audit[0].summary).toMatch(/1 verified claim sent back to review/);
  });

  it('tells claims in review and leaves drafts alone', async () => {
    const source = await newSource();
    const inReview = await createClaim({ actor: actors.editor, input: { articleId: 1, start: 80, end: 110, type: 'statistic' } });
    const draft = await createClaim({ actor: actors.editor, input: { articleId: 1, start: 120, end: 140, type: 'statistic' } });
    for (const claim of [inReview, draft])
      await attachSource({ actor: actors.editor, claimId: claim.id, input: { sourceId: source.id, relation: 'context' } });
    await getDb().update(claims).set({ status: 'in_review' }).where(eq(claims.id, inReview.id));
    const draftEvents = (await claimEvents(draft.id)).length;
    await updateSource({ actor: actors.reviewer, id: source.id, input: { title: 'Port report, revised' } });
    expect((await claimRow(inReview.id)).status).toBe('in_review');
    expect((await claimEvents(inReview.id)).at(-1)).toMatchObject({
      action: 'edited',
      fromStatus: 'in_review',
      toStatus: 'in_review',
      diff: { sourceTitle: { from: 'Port report', to: 'Port report, revised' } },
    });
    expect((await claimRow(draft.id)).status).toBe('draft');
    expect(await claimEvents(draft.id)).toHaveLength(draftEvents);
  });

  it('leaves the claims verified when only notes or publisher change', async () => {
    const { claimId, sourceId } = await verifiedClaimCiting('https://example.org/census-notes');
    const events = (await claimEvents(claimId)).length;
    await updateSource({ actor: actors.reviewer, id: sourceId, input: { notes: 'Checked the PDF.', publisher: 'Census office' } });
    expect((await claimRow(claimId)).status).toBe('verified');
    expect(await claimEvents(claimId)).toHaveLength(events);
  });

  it('stores nothing when the edit fails', async () => {
    const { claimId, sourceId } = await verifiedClaimCiting('https://example.org/census-taken');
    const other = await newSource();
    const events = (await claimEvents(claimId)).length;
    expect(
      (await asyncErrorOf(async () => updateSource({ actor: actors.reviewer, id: sourceId, input: { url: other.url, title: 'Renamed' } }))).code,
    ).toBe('conflict');
    expect((await claimRow(claimId)).status).toBe('verified');
    expect(await claimEvents(claimId)).toHaveLength(events);
  });
});

import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from './setup-db';
import { asyncErrorOf } from './app-error';
import { getDb } from '@/db/client';
import { claims, notifications, users, type Role } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { createClaim } from '@/lib/claims/create-claim';
import { updateClaim } from '@/lib/claims/update-claim';
import { commentOnClaim } from '@/lib/review/comment-claim';
import { transitionClaim } from '@/lib/review/transition-claim';
import { updateSettings } from '@/lib/settings/update-settings';
import { notify } from '@/lib/notifications/notify';
import { listNotifications } from '@/lib/notifications/list-notifications';
import { markNotificationsRead } from '@/lib/notifications/mark-notifications-read';
import { getNotifyPrefs } from '@/lib/notifications/get-notify-prefs';
import { updateNotifyPrefs } from '@/lib/notifications/update-notify-prefs';
import { suggestMentions } from '@/lib/notifications/suggest-mentions';

// One database for the file (migrations are slow on PostgreSQL); every test makes its own people and claims, so the
// demo data's notifications and the other tests' never show up in what a test reads.
let admin: Actor;
let n = 0;

beforeAll(async () => {
  ({
    actors: { admin },
  } = await freshDb());
});

/** A new enabled user `<handle>@example.com`; handles are unique per test. */
async function person(
  role: Role,
  handle = `${role}${++n}`,
  name = `${role[0].toUpperCase()}${role.slice(1)} ${n}`,
): Promise<Actor & { handle: string }> {
  const [u] = await getDb()
    .insert(users)
    .values({ email: `${handle.toLowerCase()}@example.com`, name, role, passwordHash: 'x' })
    .returning();
  return { id: u.id, role: u.role, name: u.name, email: u.email, handle: handle.toLowerCase() };
}

async function draftBy(author: Actor, note = '') {
  return createClaim({ actor: author, input: { articleId: 1, start: 0, end: 12, type: 'statistic', claimText: `Claim ${++n}`, note } });
}

/** A claim of `author` in review (status set directly: submitting is not what these tests are about). */
async function inReview(author: Actor) {
  const claim = await draftBy(author);
  await getDb().update(claims).set({ status: 'in_review', verdictId: 1, rationale: 'Because.' }).where(eq(claims.id, claim.id));
  return claim;
}

const kinds = async (user: Actor) => (await listNotifications({ actor: user })).items.map((i) => [i.type, i.excerpt]);

describe('notifications from review decisions', () => {
  it('tells the author when a reviewer sends back, approves or rejects their claim, with the comment', async () => {
    const author = await person('editor');
    const reviewer = await person('reviewer');
    const sent = await inReview(author);
    await transitionClaim({ actor: reviewer, id: sent.id, input: { action: 'request_changes', version: 1, comment: 'Cite the budget.' } });
    const approved = await inReview(author);
    await transitionClaim({ actor: reviewer, id: approved.id, input: { action: 'approve', version: 1 } });
    const rejected = await inReview(author);
    await transitionClaim({ actor: reviewer, id: rejected.id, input: { action: 'reject', version: 1, comment: 'Not check-worthy.' } });

    const page = await listNotifications({ actor: author });
    expect(page.items.map((i) => [i.type, i.claimId, i.excerpt, i.actorName, i.read])).toEqual([
      ['rejected', rejected.id, 'Not check-worthy.', reviewer.name, false],
      ['verified', approved.id, '', reviewer.name, false],
      ['sent_back', sent.id, 'Cite the budget.', reviewer.name, false],
    ]);
    expect(page.unread).toBe(3);
    expect(page.items[0]).toMatchObject({ articleId: 1, claimText: expect.stringMatching(/^Claim /) });
    // The reviewer acted: nothing for them.
    expect(await kinds(reviewer)).toEqual([]);
  });

  it('tells nobody of their own action: a self-mention, or an edit that mentions no one new', async () => {
    const author = await person('editor');
    const claim = await draftBy(author, `note to self @${author.handle}`);
    await commentOnClaim({ actor: author, id: claim.id, input: { comment: `reminder @${author.handle}` } });
    await updateClaim({ actor: author, id: claim.id, input: { version: 1, claimant: 'Mayor', note: `note to self @${author.handle}!` } });
    expect(await kinds(author)).toEqual([]);
  });
});

describe('mentions', () => {
  it('notifies each @handle of a comment (any case) with the line, ignoring unknown handles and the commenter', async () => {
    const author = await person('editor');
    const ann = await person('editor', `ann.lee${++n}`);
    const rita = await person('reviewer');
    const claim = await draftBy(author);
    await commentOnClaim({
      actor: rita,
      id: claim.id,
      input: { comment: `Context first.\n@${ann.handle.toUpperCase()} can you check this? cc @nobody${n} @${rita.handle}` },
    });
    expect(await kinds(ann)).toEqual([['mentioned', `@${ann.handle.toUpperCase()} can you check this? cc @nobody${n} @${rita.handle}`]]);
    expect(await kinds(rita)).toEqual([]);
    expect(await kinds(author)).toEqual([]);
  });

  it('reads the comments of review decisions too, and tells a mentioned author only once', async () => {
    const author = await person('editor');
    const other = await person('editor');
    const reviewer = await person('reviewer');
    const claim = await inReview(author);
    await transitionClaim({
      actor: reviewer,
      id: claim.id,
      input: { action: 'request_changes', version: 1, comment: `@${author.handle} please fix the number; @${other.handle} knows the source` },
    });
    expect((await kinds(author)).map(([type]) => type)).toEqual(['sent_back']);
    expect(await kinds(other)).toEqual([['mentioned', `@${author.handle} please fix the number; @${other.handle} knows the source`]]);
  });

  it('notifies handles newly added to a note: at creation, and on an edit only those the old note lacked', async () => {
    const author = await person('editor');
    const [a, b] = [await person('reviewer'), await person('reviewer')];
    const claim = await draftBy(author, `ask @${a.handle}`);
    expect(await kinds(a)).toEqual([['mentioned', `ask @${a.handle}`]]);
    await updateClaim({ actor: author, id: claim.id, input: { version: 1, note: `ask @${a.handle}\nand @${b.handle} about the date` } });
    expect(await kinds(a)).toHaveLength(1);
    expect(await kinds(b)).toEqual([['mentioned', `and @${b.handle} about the date`]]);
  });

  it('skips disabled users and a handle of a claim they may not see (another editor’s hidden draft)', async () => {
    const author = await person('editor');
    const peer = await person('editor');
    const reviewer = await person('reviewer');
    const gone = await person('editor');
    await getDb().update(users).set({ disabled: true }).where(eq(users.id, gone.id));
    await updateSettings({ actor: admin, input: { editorsSeeDrafts: false } });
    try {
      const claim = await draftBy(author);
      await commentOnClaim({ actor: author, id: claim.id, input: { comment: `@${peer.handle} @${reviewer.handle} @${gone.handle} secret draft` } });
      expect(await kinds(peer)).toEqual([]);
      expect(await kinds(gone)).toEqual([]);
      // Reviewers see every draft.
      expect((await kinds(reviewer)).map(([type]) => type)).toEqual(['mentioned']);
    } finally {
      await updateSettings({ actor: admin, input: { editorsSeeDrafts: true } });
    }
  });

  it('leaves a notification out of the list and the count once its draft is hidden from the user', async () => {
    const author = await person('editor');
    const peer = await person('editor');
    const claim = await draftBy(author);
    await commentOnClaim({ actor: author, id: claim.id, input: { comment: `@${peer.handle} have a look` } });
    expect((await listNotifications({ actor: peer })).unread).toBe(1);
    await updateSettings({ actor: admin, input: { editorsSeeDrafts: false } });
    try {
      expect(await listNotifications({ actor: peer })).toEqual({ items: [], nextCursor: null, unread: 0 });
    } finally {
      await updateSettings({ actor: admin, input: { editorsSeeDrafts: true } });
    }
  });
});

describe('notification settings', () => {
  it('start with every kind on; a kind turned off is not stored any more', async () => {
    const author = await person('editor');
    const reviewer = await person('reviewer');
    expect(await getNotifyPrefs({ actor: author })).toEqual({ off: [] });
    expect(await updateNotifyPrefs({ actor: author, input: { off: ['mentioned', 'sent_back', 'mentioned'] } })).toEqual({
      off: ['sent_back', 'mentioned'],
    });
    const claim = await inReview(author);
    await commentOnClaim({ actor: reviewer, id: claim.id, input: { comment: `@${author.handle} hello` } });
    await transitionClaim({ actor: reviewer, id: claim.id, input: { action: 'request_changes', version: 1, comment: 'Fix it.' } });
    expect(await kinds(author)).toEqual([]);
    await getDb().update(claims).set({ status: 'in_review' }).where(eq(claims.id, claim.id));
    await transitionClaim({ actor: reviewer, id: claim.id, input: { action: 'approve', version: 2 } });
    expect((await kinds(author)).map(([type]) => type)).toEqual(['verified']);
  });

  it('refuses kinds it does not know', async () => {
    const user = await person('editor');
    expect(await asyncErrorOf(() => updateNotifyPrefs({ actor: user, input: { off: ['everything'] } }))).toMatchObject({ code: 'invalid' });
    expect(await getNotifyPrefs({ actor: user })).toEqual({ off: [] });
  });
});

describe('reading and marking', () => {
  it('shows each user only their own, newest first in pages, and marks only their own read', async () => {
    const [me, them, actor] = [await person('editor'), await person('editor'), await person('reviewer')];
    const claim = await draftBy(actor);
    for (let i = 0; i < 5; i++) await notify(getDb(), { userId: me.id, type: 'assigned', claimId: claim.id, actorId: actor.id });
    await notify(getDb(), { userId: them.id, type: 'assigned', claimId: claim.id, actorId: actor.id });
    const theirs = (await listNotifications({ actor: them })).items[0].id;

    const first = await listNotifications({ actor: me, input: { limit: '2' } });
    expect(first.items).toHaveLength(2);
    expect(first.unread).toBe(5);
    const second = await listNotifications({ actor: me, input: { limit: '2', cursor: first.nextCursor! } });
    const third = await listNotifications({ actor: me, input: { limit: '2', cursor: second.nextCursor! } });
    const ids = [...first.items, ...second.items, ...third.items].map((i) => i.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(5);
    expect(third.nextCursor).toBeNull();
    expect(ids).not.toContain(theirs);

    // Another user's id is ignored: nothing of theirs is marked, and the answer counts only mine.
    expect(await markNotificationsRead({ actor: me, input: { ids: [ids[0], theirs] } })).toEqual({ marked: 1, unread: 4 });
    expect((await listNotifications({ actor: them })).items[0].read).toBe(false);
    expect((await listNotifications({ actor: me, input: { unread: 'true' } })).items.map((i) => i.id)).toEqual(ids.slice(1));
    expect(await markNotificationsRead({ actor: me, input: { all: true } })).toEqual({ marked: 4, unread: 0 });
    expect((await listNotifications({ actor: them })).unread).toBe(1);
    const [row] = await getDb().select().from(notifications).where(eq(notifications.id, theirs));
    expect(row.readAt).toBeNull();
  });

  it('wants either ids or all', async () => {
    const me = await person('editor');
    for (const input of [{}, { ids: [] }, { ids: [1], all: true }, { all: false }, { ids: ['1'] }]) {
      expect(await asyncErrorOf(() => markNotificationsRead({ actor: me, input })), JSON.stringify(input)).toMatchObject({ code: 'invalid' });
    }
  });
});

describe('mention suggestions', () => {
  it('offer enabled users by handle prefix or name, handles first, bounded', async () => {
    const me = await person('editor');
    const zed = await person('editor', `zed${n}`, 'Zed Quillfeather');
    const byName = await person('reviewer', `other${n}`, 'Ana Zedsworth');
    const gone = await person('editor', `zedgone${n}`, 'Zed Gone');
    await getDb().update(users).set({ disabled: true }).where(eq(users.id, gone.id));
    expect(await suggestMentions({ actor: me, input: { q: 'ZED' } })).toEqual([
      { handle: zed.handle, name: 'Zed Quillfeather' },
      { handle: byName.handle, name: 'Ana Zedsworth' },
    ]);
    expect(await suggestMentions({ actor: me, input: { q: '%' } })).toEqual([]);
    expect(await suggestMentions({ actor: me, input: {} })).toHaveLength(8);
    expect(await asyncErrorOf(() => suggestMentions({ actor: me, input: { q: 'x'.repeat(65) } }))).toMatchObject({ code: 'invalid' });
  });
});

/**
 * Webhooks (issue 18): deliveries queued in the change's transaction for each event, signed POSTs to a local
 * receiver, retries with backoff, give-up after 24 h, leases against double sends, pick-up after a restart, "send
 * again", and the address rules at registration and at send time. Runs on SQLite and PostgreSQL.
 */
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import { webhookDeliveries, type WebhookEvent } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { STATUS_BY_CODE } from '@/lib/errors';
import { getArticle } from '@/lib/articles/get-article';
import { createArticleVersion } from '@/lib/articles/create-article-version';
import { createClaim } from '@/lib/claims/create-claim';
import { updateClaim } from '@/lib/claims/update-claim';
import { attachSource } from '@/lib/sources/attach-source';
import { transitionClaim } from '@/lib/review/transition-claim';
import { commentOnClaim } from '@/lib/review/comment-claim';
import { exportClaims } from '@/lib/export/export-claims';
import { publicOrigin } from '@/lib/export/public-origin';
import { createWebhook } from '@/lib/webhooks/create-webhook';
import { updateWebhook } from '@/lib/webhooks/update-webhook';
import { listDeliveries } from '@/lib/webhooks/list-deliveries';
import { resendDelivery } from '@/lib/webhooks/resend-delivery';
import { leaseDelivery, sendDueDeliveries } from '@/lib/webhooks/send-due-deliveries';
import { startWebhookSender } from '@/lib/webhooks/start-sender';
import { verifySignature } from '@/lib/webhooks/sign-payload';
import { WEBHOOK_SECRET_MAX, WEBHOOK_SECRET_MIN } from '@/lib/webhooks/limits';
import { startWebhookReceiver, type WebhookReceiver } from '../fixtures/webhook-receiver';
import { freshDb } from './setup-db';
import { asyncErrorOf } from './app-error';

const SECRET = 'test-secret-0123456789';
const BASE = 30_000;
let receiver: WebhookReceiver;
let actors: Awaited<ReturnType<typeof freshDb>>['actors'];

beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  delete process.env.WEBHOOK_ALLOW_HOSTS;
  await receiver.close();
});
beforeEach(async () => {
  ({ actors } = await freshDb());
  receiver.reset();
  process.env.WEBHOOK_ALLOW_HOSTS = receiver.host;
});

const hook = async (events: WebhookEvent[], url = receiver.url) =>
  (await createWebhook({ actor: actors.admin, input: { url, secret: SECRET, events } })).id;
const deliveries = (where = {}) =>
  getDb()
    .select()
    .from(webhookDeliveries)
    .where(and(...Object.entries(where).map(([k, v]) => eq(webhookDeliveries[k as 'id'], v as number))))
    .orderBy(asc(webhookDeliveries.id));
const send = () => sendDueDeliveries({ retryBaseMs: BASE });
/** Lets time pass for the queue: every pending delivery is due now (instead of waiting for its backoff). */
const makeDue = () =>
  getDb()
    .update(webhookDeliveries)
    .set({ nextAttemptAt: new Date(Date.now() - 1) })
    .where(eq(webhookDeliveries.status, 'pending'));

/** A claim by the editor on the sample article, submitted for review (verdict, rationale, one source). */
async function inReview(phrase = '40,000 vehicles a day') {
  const { editor } = actors;
  const text = (await getArticle({ actor: editor, id: 1 })).text;
  const start = text.indexOf(phrase);
  let claim = await createClaim({
    actor: editor,
    input: { articleId: 1, start, end: start + phrase.length, type: 'statistic', claimant: 'Port authority' },
  });
  claim = await updateClaim({
    actor: editor,
    id: claim.id,
    input: { version: claim.version, verdictId: 2, rationale: 'Traffic model in the filing.' },
  });
  const linked = await attachSource({
    actor: editor,
    claimId: claim.id,
    input: { url: 'https://example.org/filing', relation: 'supports', version: claim.version },
  });
  return transitionClaim({ actor: editor, id: claim.id, input: { action: 'submit', version: linked.claim.version } });
}
const act = (actor: Actor, claim: { id: number; version: number }, action: 'approve' | 'reject' | 'reopen', comment?: string) =>
  transitionClaim({ actor, id: claim.id, input: { action, version: claim.version, comment } });

async function exported(status: 'verified' | 'rejected', id: number) {
  const result = await exportClaims({ actor: actors.admin, input: { format: 'json', status }, origin: publicOrigin() });
  let text = '';
  for await (const chunk of result.chunks) text += chunk;
  return (JSON.parse(text) as { id: number }[]).find((c) => c.id === id);
}

describe('registering', () => {
  it('refuses private, loopback and metadata addresses with a 400 naming why, and takes an allowed local receiver', async () => {
    for (const [url, reason] of [
      ['http://10.0.0.5/hook', /private network/],
      ['http://127.0.0.1/hook', /loopback/],
      ['http://169.254.169.254/latest', /metadata/],
      ['http://[::ffff:192.168.1.1]/hook', /private network/],
      ['ftp://example.org/hook', /https:\/\//],
      ['https://example.org:8443/hook', /ports 80 and 443/],
    ] as const) {
      const error = await asyncErrorOf(() => hook(['claim.verified'], url));
      expect(STATUS_BY_CODE[error.code], url).toBe(400);
      expect(error.message, url).toMatch(reason);
      expect(error.fields?.url, url).toBe(error.message);
    }
    delete process.env.WEBHOOK_ALLOW_HOSTS;
    // Off the allowlist, the local receiver is refused (its port first, its loopback address after that).
    expect((await asyncErrorOf(() => hook(['claim.verified']))).message).toMatch(/ports 80 and 443/);
    process.env.WEBHOOK_ALLOW_HOSTS = receiver.host;
    expect(await hook(['claim.verified'])).toBeGreaterThan(0);
  });

  it('validates events and the secret, and lets only admins manage webhooks', async () => {
    expect(
      (await asyncErrorOf(() => createWebhook({ actor: actors.admin, input: { url: receiver.url, secret: SECRET, events: ['claim.created'] } })))
        .code,
    ).toBe('invalid');
    expect(
      (await asyncErrorOf(() => createWebhook({ actor: actors.admin, input: { url: receiver.url, secret: 'short', events: ['claim.verified'] } })))
        .fields,
    ).toHaveProperty('secret');
    // The form's minLength/maxLength read the same constants: the service holds exactly those bounds.
    const secretError = async (secret: string) =>
      (await asyncErrorOf(() => createWebhook({ actor: actors.admin, input: { url: receiver.url, secret, events: ['claim.verified'] } }))).fields;
    expect(await secretError('s'.repeat(WEBHOOK_SECRET_MIN - 1))).toEqual({ secret: `Use at least ${WEBHOOK_SECRET_MIN} characters.` });
    expect(await secretError('s'.repeat(WEBHOOK_SECRET_MAX + 1))).toEqual({ secret: `Must be at most ${WEBHOOK_SECRET_MAX} characters.` });
    for (const length of [WEBHOOK_SECRET_MIN, WEBHOOK_SECRET_MAX]) {
      await expect(
        createWebhook({ actor: actors.admin, input: { url: receiver.url, secret: 's'.repeat(length), events: ['claim.verified'] } }),
      ).resolves.toHaveProperty('id');
    }
    const error = await asyncErrorOf(() =>
      createWebhook({ actor: actors.reviewer, input: { url: receiver.url, secret: SECRET, events: ['claim.verified'] } }),
    );
    expect(error.code).toBe('forbidden');
  });
});

describe('queueing', () => {
  it('queues claim.verified and claim.rejected with the claim as the JSON export has it, ClaimReview for verified only', async () => {
    const verifiedHook = await hook(['claim.verified']);
    const rejectedHook = await hook(['claim.rejected']);
    const approved = await act(actors.reviewer, await inReview(), 'approve');
    const rejected = await act(actors.reviewer, await inReview('28,000 vehicles'), 'reject', 'No source for it.');
    const rows = await deliveries();
    expect(rows.map((d) => [d.webhookId, d.event, d.claimId, d.status])).toEqual([
      [verifiedHook, 'claim.verified', approved.id, 'pending'],
      [rejectedHook, 'claim.rejected', rejected.id, 'pending'],
    ]);
    expect(rows[0].payload.claim).toEqual(await exported('verified', approved.id));
    expect(rows[0].payload.claimReview).toMatchObject({ '@type': 'ClaimReview', claimReviewed: approved.claimText });
    expect(rows[1].payload.claim).toEqual(await exported('rejected', rejected.id));
    expect(rows[1].payload).not.toHaveProperty('claimReview');
  });

  it('queues claim.verdict_changed only when a claim is verified again with another verdict or rationale', async () => {
    await hook(['claim.verified', 'claim.verdict_changed']);
    const { reviewer, admin, editor } = actors;
    let claim = await act(reviewer, await inReview(), 'approve');
    // Reopened and approved again unchanged: verified again, the verdict did not change.
    claim = await act(admin, claim, 'reopen', 'Double-check.');
    await commentOnClaim({ actor: editor, id: claim.id, input: { comment: 'Still right.' } });
    claim = await act(reviewer, claim, 'approve');
    // An edit of a verified claim sends it back to review; its new verdict is announced once approved.
    claim = await updateClaim({ actor: editor, id: claim.id, input: { version: claim.version, verdictId: 3, rationale: 'New figures.' } });
    expect(claim.status).toBe('in_review');
    expect((await deliveries()).map((d) => d.event)).toEqual(['claim.verified', 'claim.verified']);
    claim = await act(reviewer, claim, 'approve');
    const rows = await deliveries();
    expect(rows.map((d) => d.event)).toEqual(['claim.verified', 'claim.verified', 'claim.verified', 'claim.verdict_changed']);
    expect(rows[3].payload.claim).toMatchObject({ id: claim.id, verdict: { id: 3 }, rationale: 'New figures.', status: 'verified' });
    // Changed and changed back before approval: the same verdict as published, nothing to announce.
    claim = await act(admin, claim, 'reopen', 'Check once more.');
    claim = await updateClaim({ actor: editor, id: claim.id, input: { version: claim.version, verdictId: 2 } });
    claim = await updateClaim({ actor: editor, id: claim.id, input: { version: claim.version, verdictId: 3 } });
    await act(reviewer, claim, 'approve');
    expect((await deliveries()).map((d) => d.event).slice(4)).toEqual(['claim.verified']);
  });

  it('queues article.new_version with the article, and nothing for paused webhooks or unsubscribed events', async () => {
    const articleHook = await hook(['article.new_version']);
    const paused = await hook(['article.new_version', 'claim.verified']);
    await updateWebhook({ actor: actors.admin, id: paused, input: { active: false } });
    await act(actors.reviewer, await inReview(), 'approve');
    const { id } = await createArticleVersion({
      actor: actors.editor,
      articleId: 1,
      input: { format: 'text', content: 'Harbour\n\nThe bridge carries 40,000 vehicles a day.' },
    });
    const rows = await deliveries();
    expect(rows.map((d) => [d.webhookId, d.event, d.articleId])).toEqual([[articleHook, 'article.new_version', id]]);
    expect(rows[0].payload).toEqual({ article: expect.objectContaining({ id, previousId: 1, permalink: `${publicOrigin()}/articles/${id}` }) });
  });
});

describe('sending', () => {
  it('POSTs a signed JSON body the receiver can verify, and logs the answer', async () => {
    await hook(['claim.verified']);
    const claim = await act(actors.reviewer, await inReview(), 'approve');
    expect(await send()).toBe(1);
    expect(receiver.received).toHaveLength(1);
    const [{ headers, body }] = receiver.received;
    const [row] = await deliveries();
    expect(headers['content-type']).toBe('application/json');
    expect(headers['x-claimdesk-delivery']).toBe(String(row.id));
    const signature = String(headers['x-claimdesk-signature']);
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    const now = Math.floor(Date.now() / 1000);
    expect(verifySignature(SECRET, body, signature, now)).toBe(true);
    expect(verifySignature('another-secret-0123456', body, signature, now)).toBe(false);
    expect(verifySignature(SECRET, body.replace('"claim.verified"', '"claim.rejected"'), signature, now)).toBe(false);
    const parsed = JSON.parse(body) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['event', 'deliveredAt', 'claim', 'claimReview']);
    expect(parsed).toMatchObject({ event: 'claim.verified', claim: { id: claim.id, status: 'verified' }, claimReview: { '@type': 'ClaimReview' } });
    expect(row).toMatchObject({ status: 'delivered', attempts: 1, lastStatusCode: 200, lastError: null, lockedUntil: null });
    expect(await send()).toBe(0); // delivered once, never again
  });

  it('retries a failing receiver with doubling delays and delivers on the third try', async () => {
    await hook(['claim.verified']);
    await act(actors.reviewer, await inReview(), 'approve');
    receiver.failNext(2, 503);
    for (const [attempt, delay] of [
      [1, BASE],
      [2, 2 * BASE],
    ]) {
      await send();
      const [row] = await deliveries();
      expect(row).toMatchObject({
        status: 'pending',
        attempts: attempt,
        lastStatusCode: 503,
        lastError: 'The receiver answered 503: receiver is down',
      });
      const wait = row.nextAttemptAt.getTime() - row.lastAttemptAt!.getTime();
      expect(wait).toBeGreaterThanOrEqual(delay);
      expect(wait).toBeLessThan(delay + BASE / 2);
      expect(await send()).toBe(0); // not due yet
      await makeDue();
    }
    await send();
    const [row] = await deliveries();
    expect(row).toMatchObject({ status: 'delivered', attempts: 3, lastStatusCode: 200, lastError: null });
    expect(new Set(receiver.received.map((r) => r.headers['x-claimdesk-delivery']))).toEqual(new Set([String(row.id)]));
    expect(receiver.received.map((r) => r.status)).toEqual([503, 503, 200]);
  });

  it('gives up 24 h after queueing, and "send again" queues a fresh delivery that is sent', async () => {
    const webhookId = await hook(['claim.verified']);
    await act(actors.reviewer, await inReview(), 'approve');
    const [queued] = await deliveries();
    await getDb()
      .update(webhookDeliveries)
      .set({ createdAt: new Date(Date.now() - 24 * 3600_000 + 10_000) })
      .where(eq(webhookDeliveries.id, queued.id));
    receiver.failNext(1, 500);
    await send();
    const [failed] = await deliveries();
    expect(failed).toMatchObject({ status: 'failed', attempts: 1, lastStatusCode: 500 });
    const page = await listDeliveries({ actor: actors.admin, webhookId });
    expect(page.items[0]).toMatchObject({ id: failed.id, status: 'failed', nextAttemptAt: null, lastError: expect.stringMatching(/500/) });

    const again = await resendDelivery({ actor: actors.admin, webhookId, deliveryId: failed.id });
    expect(again.id).not.toBe(failed.id);
    await send();
    expect((await deliveries({ id: again.id }))[0]).toMatchObject({ status: 'delivered', attempts: 1 });
    expect((await deliveries({ id: failed.id }))[0].status).toBe('failed');
    expect(JSON.parse(receiver.received[1].body)).toMatchObject({ event: 'claim.verified', claim: JSON.parse(receiver.received[0].body).claim });
  });

  it('checks the address again at send time: a receiver no longer allowed is refused and retried later', async () => {
    await hook(['claim.verified']);
    await act(actors.reviewer, await inReview(), 'approve');
    delete process.env.WEBHOOK_ALLOW_HOSTS;
    await send();
    const [row] = await deliveries();
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: null, lastError: expect.stringMatching(/^Port \d+ is not allowed/) });
    expect(receiver.received).toHaveLength(0);
  });
});

describe('several senders', () => {
  it('never send one try twice when they race for the same deliveries', async () => {
    await hook(['claim.verified']);
    await hook(['claim.verified', 'claim.rejected']);
    await act(actors.reviewer, await inReview(), 'approve');
    await act(actors.reviewer, await inReview('28,000 vehicles'), 'approve');
    await act(actors.reviewer, await inReview('35 percent'), 'reject', 'Wrong.');
    const queued = await deliveries();
    expect(queued.length).toBeGreaterThanOrEqual(4);
    const tried = await Promise.all([send(), send(), send(), send()]);
    expect(tried.reduce((a, b) => a + b, 0)).toBe(queued.length);
    const ids = receiver.received.map((r) => r.headers['x-claimdesk-delivery']);
    expect(ids.sort()).toEqual(queued.map((d) => String(d.id)).sort());
    expect((await deliveries()).every((d) => d.status === 'delivered' && d.attempts === 1)).toBe(true);
  });

  it('after a restart, a new sender picks up what the old one left: queued rows, and a lease that ran out', async () => {
    await hook(['claim.verified']);
    await act(actors.reviewer, await inReview(), 'approve');
    await act(actors.reviewer, await inReview('28,000 vehicles'), 'approve');
    const [first] = await deliveries();
    // The old process took the first delivery, then died before sending it.
    expect(await leaseDelivery(first.id, 60_000)).not.toBeNull();
    await closeDb();
    // The new process: its sender loop sends the free delivery, and leaves the leased one alone.
    const sender = startWebhookSender({ pollMs: 20, retryBaseMs: BASE });
    await receiver.waitFor(1);
    expect((await deliveries({ id: first.id }))[0]).toMatchObject({ status: 'pending', attempts: 0 });
    // The dead sender's lease runs out; the loop sends that one too.
    await getDb()
      .update(webhookDeliveries)
      .set({ lockedUntil: new Date(Date.now() - 1) })
      .where(eq(webhookDeliveries.id, first.id));
    await receiver.waitFor(2);
    await sender.stop();
    expect(receiver.received.map((r) => Number(r.headers['x-claimdesk-delivery'])).sort()).toEqual((await deliveries()).map((d) => d.id));
    expect((await deliveries()).every((d) => d.status === 'delivered')).toBe(true);
  });
});

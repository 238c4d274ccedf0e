import { describe, expect, it } from 'vitest';
import { apiLogin, login, type App } from '../e2e/harness';
import { appUnderTest } from '../e2e/app-under-test';
import { readEvents } from '../sse-events';

/*
 * Two app instances (two `npm start` servers on different ports) share one PostgreSQL database, as behind a load
 * balancer without sticky sessions: whatever one instance decides, the other must see and enforce.
 */
// Without NEXTAUTH_SECRET (as in CI) the instances must agree on the generated secret through the database.
const env = { LOGIN_MAX_FAILURES_PER_ACCOUNT_ADDRESS: '3' };
const a = appUnderTest({ env });
const b = appUnderTest({ env: () => ({ ...env, DATABASE_URL: a.dbFile }), browser: false });

type Init = { method?: string; body?: unknown; cookie: string };
function call(app: App, path: string, init: Init) {
  return fetch(`${app.baseUrl}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { cookie: init.cookie, origin: app.baseUrl, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

type Claim = { id: number; version: number; status: string };

/** A claim written on instance A and submitted for review, ready to approve or reject. */
async function submittedClaim(editor: string, n: number): Promise<Claim> {
  const article = (await (await call(a, '/api/articles/1', { cookie: editor })).json()) as { text: string };
  const start = article.text.indexOf('28,000 vehicles');
  let res = await call(a, '/api/claims', {
    cookie: editor,
    body: { articleId: 1, start, end: start + 15, type: 'statistic', claimText: `Shared ${n}` },
  });
  expect(res.status).toBe(201);
  let claim = (await res.json()) as Claim;
  res = await call(a, `/api/claims/${claim.id}`, {
    cookie: editor,
    method: 'PATCH',
    body: { version: claim.version, verdictId: 1, rationale: 'Counted.' },
  });
  claim = (await res.json()) as Claim;
  res = await call(a, `/api/claims/${claim.id}/sources`, {
    cookie: editor,
    body: { url: `https://example.org/shared-${n}`, relation: 'supports', version: claim.version },
  });
  claim = ((await res.json()) as { claim: Claim }).claim;
  res = await call(a, `/api/claims/${claim.id}/transitions`, { cookie: editor, body: { action: 'submit', version: claim.version } });
  expect(res.status).toBe(200);
  return (await res.json()) as Claim;
}

describe('two instances behind one PostgreSQL', () => {
  it('a user signed in on A continues on B', async () => {
    const page = await a.newPage();
    await login(page, a.baseUrl, 'editor@example.com');
    // Cookies are per host, not per port: the same browser session goes to B, like behind a load balancer.
    await page.goto(`${b.baseUrl}/articles`);
    expect(new URL(page.url()).pathname).toBe('/articles');
    await expect(
      page
        .getByRole('link', { name: /Valdoria masses/ })
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    await page.close();
  });

  it('a claim approved on A is verified on B', async () => {
    const [editor, reviewer] = await Promise.all([apiLogin(a.baseUrl, 'editor@example.com'), apiLogin(b.baseUrl, 'reviewer@example.com')]);
    const claim = await submittedClaim(editor, 0);
    const approved = await call(a, `/api/claims/${claim.id}/transitions`, { cookie: reviewer, body: { action: 'approve', version: claim.version } });
    expect(approved.status).toBe(200);
    const onB = (await (await call(b, `/api/claims/${claim.id}`, { cookie: editor })).json()) as Claim;
    expect(onB.status).toBe('verified');
    expect(onB.version).toBe(claim.version + 1);
  });

  it('a claim changed through A reaches a live stream held open on B', async () => {
    const [editor, reviewer] = await Promise.all([apiLogin(a.baseUrl, 'editor@example.com'), apiLogin(b.baseUrl, 'reviewer@example.com')]);
    const leave = new AbortController();
    const res = await fetch(`${b.baseUrl}/api/stream?articleId=1`, { headers: { cookie: reviewer }, signal: leave.signal });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    try {
      // From "ready" on, B sends what commits after it; A's writes can reach B only through the shared database.
      const [ready] = await readEvents(reader, (e) => e.some((x) => x.event === 'ready'));
      expect(ready.event).toBe('ready');
      const claim = await submittedClaim(editor, 100);
      const events = await readEvents(reader, (e) => e.some((x) => x.data.type === 'claim.submitted' && x.data.claimId === claim.id));
      const mine = events.filter((e) => e.data.claimId === claim.id);
      expect(mine[0].data).toMatchObject({ type: 'claim.created', articleId: 1, status: 'draft', actorName: 'Erin Editor' });
      expect(mine.at(-1)!.data).toMatchObject({ type: 'claim.submitted', articleId: 1, status: 'in_review' });
      expect(events.every((e) => e.event === 'message' && e.id > ready.id)).toBe(true);
    } finally {
      // Leaves B's stream even when an expectation failed, so the instance can stop.
      leave.abort();
    }
  });

  it('approve on A and reject on B at once: exactly one wins, the other gets 409 naming the winner', async () => {
    const [editor, reviewer, admin] = await Promise.all([
      apiLogin(a.baseUrl, 'editor@example.com'),
      apiLogin(a.baseUrl, 'reviewer@example.com'),
      apiLogin(b.baseUrl, 'admin@example.com'),
    ]);
    for (let n = 1; n <= 5; n++) {
      const claim = await submittedClaim(editor, n);
      const [approve, reject] = await Promise.all([
        call(a, `/api/claims/${claim.id}/transitions`, { cookie: reviewer, body: { action: 'approve', version: claim.version } }),
        call(b, `/api/claims/${claim.id}/transitions`, { cookie: admin, body: { action: 'reject', comment: 'No.', version: claim.version } }),
      ]);
      const statuses = [approve.status, reject.status].sort();
      expect(statuses).toEqual([200, 409]);
      const loser = approve.status === 409 ? approve : reject;
      const winnerName = approve.status === 200 ? 'Riley Reviewer' : 'Ada Admin';
      const body = (await loser.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('conflict');
      expect(body.error.message).toContain(`changed by ${winnerName}`);
      const stored = (await (await call(b, `/api/claims/${claim.id}`, { cookie: editor })).json()) as Claim;
      expect(stored.status).toBe(approve.status === 200 ? 'verified' : 'rejected');
      expect(stored.version).toBe(claim.version + 1);
    }
  });

  it('a login lock reached through A holds on B', async () => {
    const attempt = (app: App, password: string) =>
      apiLogin(app.baseUrl, 'reviewer@example.com', password).then(
        () => 'signed in',
        () => 'refused',
      );
    // Three failures for this account from this address (the limit set above) lock it, counted on A.
    for (let i = 0; i < 3; i++) expect(await attempt(a, 'wrong-password')).toBe('refused');
    // The right password on B is refused too: the lock lives in the shared database, not in A's memory.
    expect(await attempt(b, 'claimdesk-demo')).toBe('refused');
    // Another account from the same address is not locked (the lock is per account and address).
    expect(await apiLogin(b.baseUrl, 'editor@example.com')).toMatch(/session-token/);
  });
});

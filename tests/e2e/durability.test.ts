import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, startApp, type App } from './harness';

const CLIENTS = 50;

let app: App;

beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

describe('durability', () => {
  it('keeps every acknowledged claim and an intact database after SIGKILL under 50 concurrent writers', async () => {
    const cookie = await apiLogin(app.baseUrl, 'editor@example.com');
    const acknowledged: number[] = [];
    let unacknowledged = 0;
    let stop = false;
    const client = async (n: number) => {
      while (!stop) {
        try {
          const res = await fetch(`${app.baseUrl}/api/claims`, {
            method: 'POST',
            headers: { cookie, 'content-type': 'application/json' },
            body: JSON.stringify({ articleId: 1, start: n, end: n + 20, type: 'statistic', claimText: `client ${n}` }),
          });
          if (res.status >= 200 && res.status < 300) acknowledged.push(((await res.json()) as { id: number }).id);
          else unacknowledged++;
        } catch {
          unacknowledged++; // reset by the kill: never acknowledged, so it may or may not have been written
        }
      }
    };
    const running = Array.from({ length: CLIENTS }, (_, i) => client(i));
    // Kill once plenty of writes were acknowledged, so the kill lands in the middle of the load.
    const deadline = Date.now() + 30_000;
    while (acknowledged.length < 300 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await app.kill();
    stop = true;
    await Promise.all(running);
    expect(acknowledged.length).toBeGreaterThanOrEqual(300);

    await app.restart(); // same port, database and secret
    const db = new Database(app.dbFile, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const stored = new Set((db.prepare('select id from claims').all() as { id: number }[]).map((r) => r.id));
      const lost = acknowledged.filter((id) => !stored.has(id));
      expect(lost, `acknowledged but missing after the crash (${unacknowledged} requests were not acknowledged)`).toEqual([]);
      // Each claim was written with its audit event in the same transaction.
      const created = db.prepare("select count(*) as n from review_events where action = 'created'").get() as { n: number };
      expect(created.n).toBe(stored.size);
    } finally {
      db.close();
    }
    const again = await apiLogin(app.baseUrl, 'editor@example.com');
    expect((await fetch(`${app.baseUrl}/api/claims/${acknowledged.at(-1)}`, { headers: { cookie: again } })).status).toBe(200);
  });
});

import { describe, expect, it } from 'vitest';
import { withAppDb } from './app-db';
import { apiLogin } from './harness';
import { appUnderTest } from './app-under-test';

const CLIENTS = 50;

const app = appUnderTest({ browser: false });

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
    await withAppDb(app, async (db) => {
      // SQLite: the app wrote the file itself and was killed mid-write. PostgreSQL: the server, which the kill did not
      // touch, rolls back the dead connections' transactions; there is no file of the app's to check.
      if (db.engine === 'sqlite') expect(await db.query('pragma integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      const stored = new Set((await db.query<{ id: number }>('select id from claims')).map((r) => r.id));
      const lost = acknowledged.filter((id) => !stored.has(id));
      expect(lost, `acknowledged but missing after the crash (${unacknowledged} requests were not acknowledged)`).toEqual([]);
      // Each claim was written with its audit event in the same transaction.
      const [created] = await db.query<{ n: number }>("select cast(count(*) as integer) as n from review_events where action = 'created'");
      expect(created.n).toBe(stored.size);
    });
    const again = await apiLogin(app.baseUrl, 'editor@example.com');
    expect((await fetch(`${app.baseUrl}/api/claims/${acknowledged.at(-1)}`, { headers: { cookie: again } })).status).toBe(200);
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from './setup-db';
import { getArticle } from '@/lib/articles/get-article';
import { createClaim } from '@/lib/claims/create-claim';
import { updateClaim } from '@/lib/claims/update-claim';
import { attachSource } from '@/lib/sources/attach-source';
import { transitionClaim } from '@/lib/review/transition-claim';
import { listEvents } from '@/lib/review/list-events';
import { getClaim } from '@/lib/claims/get-claim';
import type { Actor } from '@/lib/auth/permissions';

// Each worker is a separate Node process with its own connection to the same database (SQLite file or PostgreSQL
// database), so the race goes through the engine's real locking (SQLite's single writer, PostgreSQL's serializable
// transactions with retry) rather than through one shared connection.
const WORKER = `
import readline from 'node:readline';
import { transitionClaim } from '@/lib/review/transition-claim';
import { AppError } from '@/lib/errors';
import { getDb } from '@/db/client';
getDb();
const rl = readline.createInterface({ input: process.stdin });
console.log(JSON.stringify({ ready: true }));
rl.on('line', async (line) => {
  const { actor, id, input } = JSON.parse(line);
  try {
    const claim = await transitionClaim({ actor, id, input });
    console.log(JSON.stringify({ ok: true, status: claim.status, reviewerId: claim.reviewerId }));
  } catch (e) {
    console.log(JSON.stringify({ ok: false, code: e instanceof AppError ? e.code : 'crash', message: String(e.message) }));
  }
});
`;

type Reply = { ok: boolean; status?: string; code?: string; message?: string; ready?: boolean };
type Worker = { child: ChildProcess; next: () => Promise<Reply> };

let actors: Awaited<ReturnType<typeof freshDb>>['actors'];
let dbUrl: string;
const workers: Worker[] = [];

function startWorker(script: string): Worker {
  const child = spawn(path.resolve('node_modules/.bin/tsx'), [script], {
    cwd: process.cwd(),
    env: { ...process.env, DATABASE_URL: dbUrl },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = readline.createInterface({ input: child.stdout! });
  const queue: Reply[] = [];
  const waiting: ((r: Reply) => void)[] = [];
  lines.on('line', (l) => {
    const reply = JSON.parse(l) as Reply;
    const w = waiting.shift();
    if (w) w(reply);
    else queue.push(reply);
  });
  return { child, next: () => (queue.length ? Promise.resolve(queue.shift()!) : new Promise((r) => waiting.push(r))) };
}

async function submittedClaim(author: Actor, n: number) {
  const text = (await getArticle({ actor: author, id: 1 })).text;
  const start = text.indexOf('28,000 vehicles');
  let claim = await createClaim({ actor: author, input: { articleId: 1, start, end: start + 15, type: 'statistic', claimText: `Race ${n}` } });
  claim = await updateClaim({ actor: author, id: claim.id, input: { version: claim.version, verdictId: 1, rationale: 'Counts.' } });
  claim = (
    await attachSource({
      actor: author,
      claimId: claim.id,
      input: { url: `https://example.org/count-${n}`, relation: 'supports', version: claim.version },
    })
  ).claim;
  return transitionClaim({ actor: author, id: claim.id, input: { action: 'submit', version: claim.version } });
}

beforeAll(async () => {
  ({ actors, url: dbUrl } = await freshDb());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-race-'));
  const script = path.join(dir, 'race-worker.ts');
  fs.writeFileSync(script, WORKER);
  workers.push(startWorker(script), startWorker(script));
  await Promise.all(workers.map((w) => w.next()));
}, 60_000);

afterAll(() => {
  for (const w of workers) w.child.kill();
});

describe('two reviewers acting on the same claim at once', () => {
  it('lets exactly one win and tells the other who changed it (409), over ten races', async () => {
    const { editor, reviewer, admin } = actors;
    for (let n = 0; n < 10; n++) {
      const claim = await submittedClaim(editor, n);
      // Both requests are written before either reply is read, so the two processes run concurrently.
      const requests = [
        { actor: reviewer, id: claim.id, input: { action: 'approve', version: claim.version } },
        { actor: admin, id: claim.id, input: { action: 'reject', comment: 'Not supported.', version: claim.version } },
      ];
      workers.forEach((w, i) => w.child.stdin!.write(`${JSON.stringify(requests[i])}\n`));
      const replies = await Promise.all(workers.map((w) => w.next()));
      const winners = replies.filter((r) => r.ok);
      const losers = replies.filter((r) => !r.ok);
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(1);
      expect(losers[0].code).toBe('conflict');
      const winnerName = winners[0].status === 'verified' ? reviewer.name : admin.name;
      expect(losers[0].message).toContain(`changed by ${winnerName}`);
      expect(losers[0].message).toMatch(/reload/);
      const stored = await getClaim({ actor: editor, id: claim.id });
      expect(stored.status).toBe(winners[0].status);
      expect(stored.version).toBe(claim.version + 1);
      const decisions = (await listEvents({ actor: editor, id: claim.id })).filter((e) => e.action === 'approved' || e.action === 'rejected');
      expect(decisions).toHaveLength(1);
    }
  }, 60_000);
});

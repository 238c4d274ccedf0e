import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from './setup-db';
import { getDb } from '@/db/client';
import { claims } from '@/db/schema';
import { createArticle } from '@/lib/articles/create-article';
import { getArticle } from '@/lib/articles/get-article';
import { createClaim } from '@/lib/claims/create-claim';
import type { Actor } from '@/lib/auth/permissions';
import { findTextMatches } from '@/lib/matching/find-matches';
import { findCheckedBefore, PASS_SENTENCES } from '@/lib/matching/checked-before';
import type { EvalClaim, EvalQuery } from '@/lib/matching/evaluate-matcher';

const dir = path.resolve(import.meta.dirname, '../fixtures/matching');
const load = <T>(name: string): T => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as T;

let reviewer: Actor;
const idOf = new Map<string, number>();

beforeAll(async () => {
  ({ reviewer } = (await freshDb()).actors);
  // Each evaluation claim in its own article, as they would appear in a newsroom's archive.
  for (const c of load<EvalClaim[]>('corpus.json')) {
    const article = await createArticle({ actor: reviewer, input: { format: 'text', title: `Archive ${c.id}`, content: c.text } });
    const { text } = await getArticle({ actor: reviewer, id: article.id });
    const start = text.indexOf(c.text);
    const claim = await createClaim({
      actor: reviewer,
      input: { articleId: article.id, start, end: start + c.text.length, type: 'statistic', claimant: c.claimant },
    });
    await getDb().update(claims).set({ status: 'verified', verdictId: 1 }).where(eq(claims.id, claim.id));
    idOf.set(c.id, claim.id);
  }
});

describe('matching through the full-text index (the API path)', () => {
  it('finds restatements and keeps variants and new claims from being labelled same', async () => {
    const queries = [...load<EvalQuery[]>('dev.json'), ...load<EvalQuery[]>('heldout.json')];
    let found = 0;
    let labelled = 0;
    let wrongSame = 0;
    const same = queries.filter((q) => q.kind === 'same');
    for (const q of queries) {
      const top = (await findTextMatches({ actor: reviewer, input: { text: q.text, limit: 5 } })).matches;
      const hit = top.find((m) => m.claimId === idOf.get(q.target ?? ''));
      if (q.kind === 'same') {
        if (hit) found++;
        if (hit?.relation === 'same') labelled++;
      } else if (top.some((m) => m.relation === 'same')) wrongSame++;
    }
    // Measured: found in the top 5 66/66, labelled same 63/66, variants and new claims labelled same 0/48
    // (free text carries no claimant, so this differs slightly from the pure evaluation).
    expect(found / same.length).toBeGreaterThanOrEqual(0.95);
    expect(labelled / same.length).toBeGreaterThanOrEqual(0.85);
    expect(wrongSame / (queries.length - same.length)).toBeLessThanOrEqual(0.1);
  });

  it('marks the sentences of a new article that restate a verified claim', async () => {
    const content = [
      'Officials met on Monday to discuss the harbor.',
      'The national transport ministry will pay 33% of the bridge cost, a spokesperson said.',
      'The county has confirmed 211 measles cases since January.',
    ].join(' ');
    const article = await createArticle({ actor: reviewer, input: { format: 'text', title: 'New story', content } });
    const { sentences: marked } = await findCheckedBefore({ actor: reviewer, articleId: article.id });
    expect(marked.map((m) => m.text)).toEqual(['The national transport ministry will pay 33% of the bridge cost, a spokesperson said.']);
    expect(marked[0].match.claimId).toBe(idOf.get('hb7'));
  });

  it('compares at most PASS_SENTENCES sentences of a long article, says so, and lets other work run meanwhile', async () => {
    const known = 'The national transport ministry will pay 33% of the bridge cost, a spokesperson said.';
    const filler = Array.from({ length: PASS_SENTENCES - 1 }, (_, i) => `Residents of the town met again on day ${i + 1}.`);
    // The known sentence once within the limit and once past it: only the first is compared.
    const content = [known, ...filler, known, 'Nothing else happened in the town that week.'].join(' ');
    const article = await createArticle({ actor: reviewer, input: { format: 'text', title: 'Long story', content } });
    let passDone = false;
    let otherRanDuringPass = false;
    setImmediate(() => (otherRanDuringPass = !passDone));
    const pass = await findCheckedBefore({ actor: reviewer, articleId: article.id });
    passDone = true;
    expect(pass.checked).toBe(PASS_SENTENCES);
    expect(pass.total).toBe(PASS_SENTENCES + 2);
    expect(pass.sentences.map((m) => m.start)).toEqual([0]);
    expect(otherRanDuringPass).toBe(true);
  });
});

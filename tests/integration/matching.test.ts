import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from './setup-db';
import { asyncErrorOf } from './app-error';
import { getDb } from '@/db/client';
import { claims } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { createArticle } from '@/lib/articles/create-article';
import { getArticle } from '@/lib/articles/get-article';
import { createClaim } from '@/lib/claims/create-claim';
import { getClaim } from '@/lib/claims/get-claim';
import { listEvents } from '@/lib/review/list-events';
import { updateSettings } from '@/lib/settings/update-settings';
import { attachSource } from '@/lib/sources/attach-source';
import { findClaimMatches, findTextMatches } from '@/lib/matching/find-matches';
import { linkClaims, unlinkClaims } from '@/lib/matching/link-claims';
import { reuseVerdict } from '@/lib/matching/reuse-verdict';
import { getClaimFamily } from '@/lib/matching/get-family';
import { exportClaims } from '@/lib/export/export-claims';
import { claimReviewSchema } from '@/lib/export/schemas';
import Ajv2020 from 'ajv/dist/2020';

let actors: Awaited<ReturnType<typeof freshDb>>['actors'];
beforeEach(async () => {
  ({ actors } = await freshDb());
});

/** An article made of `sentences`, each one claimed (in order) by `actor`. */
async function articleWithClaims(actor: Actor, title: string, sentences: string[], claimant = '') {
  const article = await getArticle({
    actor,
    id: (await createArticle({ actor, input: { format: 'text', title, content: sentences.join('\n\n') } })).id,
  });
  let from = 0;
  const out = [];
  for (const s of sentences) {
    const start = article.text.indexOf(s, from);
    from = start + s.length;
    out.push(await createClaim({ actor, input: { articleId: article.id, start, end: start + s.length, type: 'statistic', claimant } }));
  }
  return out;
}

async function verify(id: number, verdictId = 1) {
  await getDb().update(claims).set({ status: 'verified', verdictId, rationale: 'Checked against the filing.' }).where(eq(claims.id, id));
}

describe('findClaimMatches', () => {
  it('finds a reworded claim in another article labelled same, and a changed figure labelled variant', async () => {
    const [original] = await articleWithClaims(actors.reviewer, 'Bridge plan', [
      'The new crossing would carry about 40,000 vehicles a day when it opens in 2030.',
    ]);
    const [variant] = await articleWithClaims(actors.reviewer, 'Bridge critics', [
      'The new crossing would carry about 60,000 vehicles a day when it opens in 2030.',
    ]);
    await articleWithClaims(actors.reviewer, 'Ferry', ['The harbor ferry carries 3,000 passengers a day.']);
    const [query] = await articleWithClaims(actors.editor, 'Bridge again', [
      'Around 40k vehicles a day will use the new crossing once it opens in 2030.',
    ]);
    const { matches } = await findClaimMatches({ actor: actors.editor, claimId: query.id, input: {} });
    expect(matches[0]).toMatchObject({ claimId: original.id, relation: 'same', articleTitle: 'Bridge plan', status: 'draft', verdict: null });
    expect(matches.find((m) => m.claimId === variant.id)?.relation).toBe('variant');
    expect(matches.some((m) => m.claimId === query.id)).toBe(false);
    expect(Object.keys(matches[0]).sort()).toEqual(['articleId', 'articleTitle', 'claimId', 'relation', 'score', 'status', 'text', 'verdict']);
    expect(matches[0].score).toBeGreaterThan(0);
    expect(matches[0].score).toBeLessThanOrEqual(1);
  });

  it('lets at most two claims of the same article in, so other articles are not crowded out', async () => {
    const sentence = (n: number) => `The port authority approved a 1.2 billion euro plan for the bridge, report ${n} says.`;
    const own = await articleWithClaims(actors.reviewer, 'Own', [1, 2, 3, 4].map(sentence));
    const [elsewhere] = await articleWithClaims(actors.reviewer, 'Other', ['Port officials approved a €1.2bn plan for the harbor bridge on Friday.']);
    const { matches } = await findClaimMatches({ actor: actors.reviewer, claimId: own[0].id, input: { limit: 10 } });
    const ownIds = new Set(own.map((c) => c.id));
    expect(matches.filter((m) => ownIds.has(m.claimId))).toHaveLength(2);
    expect(matches.map((m) => m.claimId)).toContain(elsewhere.id);
  });

  it("hides other editors' drafts when editors may not see drafts, and 404s an invisible claim", async () => {
    const [hidden] = await articleWithClaims(actors.reviewer, 'Hidden', ['Inflation fell to 2.4 percent in March, the lowest rate in three years.']);
    await updateSettings({ actor: actors.admin, input: { editorsSeeDrafts: false } });
    const { matches } = await findTextMatches({ actor: actors.editor, input: { text: 'March inflation fell to 2.4%, its lowest for three years.' } });
    expect(matches.map((m) => m.claimId)).not.toContain(hidden.id);
    expect(
      (await findTextMatches({ actor: actors.reviewer, input: { text: 'March inflation fell to 2.4%, its lowest for three years.' } })).matches[0]
        .claimId,
    ).toBe(hidden.id);
    expect((await asyncErrorOf(() => findClaimMatches({ actor: actors.editor, claimId: hidden.id, input: {} }))).code).toBe('not_found');
  });

  it('refuses an empty text and a limit out of range', async () => {
    expect((await asyncErrorOf(() => findTextMatches({ actor: actors.editor, input: { text: '  ' } }))).code).toBe('invalid');
    expect((await asyncErrorOf(() => findTextMatches({ actor: actors.editor, input: { text: 'x', limit: '500' } }))).code).toBe('invalid');
  });
});

describe('claim families', () => {
  it('links, merges and unlinks claims with an event on both, and lists the family', async () => {
    const [a] = await articleWithClaims(actors.editor, 'A', ['Unemployment rose to 5.1 percent in the second quarter.']);
    const [b] = await articleWithClaims(actors.editor, 'B', ['The jobless rate rose to 5.1% in Q2.']);
    const [c] = await articleWithClaims(actors.editor, 'C', ['Unemployment climbed to 5.1 percent in the second quarter.']);
    const first = await linkClaims({ actor: actors.editor, claimId: a.id, input: { claimId: b.id } });
    expect(first.claimIds).toEqual([a.id, b.id]);
    expect((await linkClaims({ actor: actors.editor, claimId: c.id, input: { claimId: b.id } })).familyId).toBe(first.familyId);
    expect((await getClaimFamily({ actor: actors.editor, claimId: c.id })).members.map((m) => m.articleTitle)).toEqual(['A', 'B', 'C']);
    expect((await asyncErrorOf(() => linkClaims({ actor: actors.editor, claimId: a.id, input: { claimId: c.id } }))).code).toBe('conflict');
    expect((await asyncErrorOf(() => linkClaims({ actor: actors.editor, claimId: a.id, input: { claimId: a.id } }))).code).toBe('invalid');
    expect((await listEvents({ actor: actors.editor, id: b.id })).filter((e) => e.action === 'linked')).toHaveLength(2);

    await unlinkClaims({ actor: actors.editor, claimId: a.id, otherId: b.id });
    expect((await getClaim({ actor: actors.editor, id: b.id })).familyId).toBeNull();
    expect((await listEvents({ actor: actors.editor, id: a.id })).some((e) => e.action === 'unlinked')).toBe(true);
    await unlinkClaims({ actor: actors.editor, claimId: a.id, otherId: c.id });
    // A family of one dissolves; linking again starts a new family of just those two.
    expect((await getClaim({ actor: actors.editor, id: a.id })).familyId).toBeNull();
    expect((await linkClaims({ actor: actors.editor, claimId: a.id, input: { claimId: c.id } })).claimIds).toEqual([a.id, c.id]);
    expect((await asyncErrorOf(() => unlinkClaims({ actor: actors.editor, claimId: a.id, otherId: b.id }))).code).toBe('conflict');
  });
});

describe('reuseVerdict', () => {
  it('copies verdict, rationale and sources of a verified claim into a draft, marked reused, still a draft', async () => {
    const [original] = await articleWithClaims(actors.reviewer, 'Budget', [
      'The government will spend €1.3 billion on rail upgrades over the next five years.',
    ]);
    await attachSource({ actor: actors.reviewer, claimId: original.id, input: { url: 'https://example.org/budget', relation: 'supports' } });
    await verify(original.id, 2);
    const [draft] = await articleWithClaims(actors.editor, 'Rail', [
      '1.3bn euros will be spent on upgrading rail over five years, the government said.',
    ]);
    const reused = await reuseVerdict({ actor: actors.editor, claimId: draft.id, input: { fromClaimId: original.id, version: draft.version } });
    expect(reused).toMatchObject({ status: 'draft', verdictId: 2, rationale: 'Checked against the filing.', reusedFromClaimId: original.id });
    expect(reused.sources.map((s) => s.url)).toEqual(['https://example.org/budget']);
    expect((await listEvents({ actor: actors.editor, id: draft.id })).at(-1)?.comment).toMatch(/Reused the verdict of claim/);
  });

  it('asks for confirmation before reusing from a variant and says why', async () => {
    const [original] = await articleWithClaims(actors.reviewer, 'Cases', ['The county has confirmed 112 measles cases since January.']);
    await verify(original.id);
    const [draft] = await articleWithClaims(actors.editor, 'More cases', ['The county has confirmed 211 measles cases since January.']);
    const error = await asyncErrorOf(() =>
      reuseVerdict({ actor: actors.editor, claimId: draft.id, input: { fromClaimId: original.id, version: draft.version } }),
    );
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/variant.*different figure/);
    const confirmed = await reuseVerdict({
      actor: actors.editor,
      claimId: draft.id,
      input: { fromClaimId: original.id, version: draft.version, confirmVariant: true },
    });
    expect(confirmed.reusedFromClaimId).toBe(original.id);
  });

  it("refuses an unverified source claim and another editor's draft", async () => {
    const [unverified] = await articleWithClaims(actors.reviewer, 'X', ['Wages grew 4 percent in the year to March.']);
    const [draft] = await articleWithClaims(actors.editor, 'Y', ['Wages grew by 4% in the year to March.']);
    expect(
      (await asyncErrorOf(() => reuseVerdict({ actor: actors.editor, claimId: draft.id, input: { fromClaimId: unverified.id, version: 1 } }))).code,
    ).toBe('conflict');
    await verify(unverified.id);
    const [others] = await articleWithClaims(actors.reviewer, 'Z', ['Wages rose 4 percent in the year to March.']);
    expect(
      (await asyncErrorOf(() => reuseVerdict({ actor: actors.editor, claimId: others.id, input: { fromClaimId: unverified.id, version: 1 } }))).code,
    ).toBe('forbidden');
  });
});

describe('exports of claim families', () => {
  it('list every appearance in ClaimReview and carry the family id in JSON and CSV', async () => {
    const [a] = await articleWithClaims(
      actors.editor,
      'First report',
      ['The county has confirmed 112 measles cases since January.'],
      'County health office',
    );
    const [b] = await articleWithClaims(actors.editor, 'Second report', ['112 confirmed measles cases in the county since January.']);
    const [single] = await articleWithClaims(actors.editor, 'Alone', ['Wages grew 4 percent in the year to March.'], 'Statistics office');
    await verify(a.id);
    await verify(single.id);
    const { familyId } = await linkClaims({ actor: actors.editor, claimId: a.id, input: { claimId: b.id } });
    const run = async (format: string) => {
      let text = '';
      for await (const chunk of (await exportClaims({ actor: actors.editor, input: { format }, origin: 'https://desk.example' })).chunks)
        text += chunk;
      return text;
    };
    const reviews = JSON.parse(await run('claimreview')) as { claimReviewed: string; itemReviewed: { appearance: unknown } }[];
    const linked = reviews.find((r) => r.claimReviewed === a.claimText)!;
    expect(Array.isArray(linked.itemReviewed.appearance)).toBe(true);
    expect((linked.itemReviewed.appearance as { headline: string }[]).map((w) => w.headline).sort()).toEqual(['First report', 'Second report']);
    expect(Array.isArray(reviews.find((r) => r.claimReviewed === single.claimText)!.itemReviewed.appearance)).toBe(false);
    const ajv = new Ajv2020({ strict: false });
    expect(ajv.validate(claimReviewSchema, reviews[0]) && ajv.validate(claimReviewSchema, reviews[1]), JSON.stringify(ajv.errors)).toBe(true);
    const json = JSON.parse(await run('json')) as { id: number; familyId: number | null; appearances: { claimId: number }[] }[];
    expect(json.find((c) => c.id === a.id)).toMatchObject({ familyId, appearances: [{ claimId: b.id }] });
    expect(json.find((c) => c.id === single.id)).toMatchObject({ familyId: null, appearances: [] });
    const csv = await run('csv');
    expect(csv.split('\r\n')[0]).toMatch(/,family_id,tags$/);
    expect(csv).toContain(`,${familyId},\r\n`);
  });
});
